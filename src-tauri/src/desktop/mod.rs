//! The desktop app: a Tauri window over the same core the CLI uses. Everything here is an
//! adapter; the commands unpack arguments, call `crate::service` and map errors.

mod commands;
mod state;

use std::path::PathBuf;

use tauri::Manager;

use crate::error::AppError;
use state::AppState;

/// Whether a graphical display is available; without one GTK would panic on start.
pub fn has_display() -> bool {
    ["DISPLAY", "WAYLAND_DISPLAY"].iter().any(|name| std::env::var_os(name).is_some_and(|v| !v.is_empty()))
}

/// Starts the app on the database named by `JIANBAO_DB`, or the one in the app's data folder.
pub fn run() -> Result<(), AppError> {
    tauri::Builder::default()
        .setup(|app| {
            let path = match std::env::var_os("JIANBAO_DB") {
                Some(path) => PathBuf::from(path),
                None => app.path().app_data_dir()?.join("jianbao.sqlite3"),
            };
            app.manage(AppState::open(&path)?);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::list_issues,
            commands::get_issue,
            commands::create_issue,
            commands::get_publication,
        ])
        .run(tauri::generate_context!())
        .map_err(|e| AppError::new(crate::ErrorCode::Internal, format!("简报台窗口无法启动：{e}")))
}
