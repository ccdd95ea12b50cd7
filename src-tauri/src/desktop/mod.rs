//! The desktop app: a Tauri window over the same commands the CLI and the office server run.
//! `call` runs any `crate::api` command, on this computer's database or on the office server
//! the settings name; the few commands here do what only the window on this computer does
//! (save a PDF where the user chose, open it, pick the connection, log in).

mod archive_commands;
mod backup_commands;
mod call_commands;
mod export_commands;
mod office_commands;
mod state;

use std::path::PathBuf;

use tauri::Manager;

use crate::error::AppError;
use state::AppState;

pub use backup_commands::BACKUP_PROBLEM_EVENT;
pub use call_commands::COMMAND_HEADER;
pub use office_commands::SIGNAL_EVENT;

/// Lists every command once: it builds the invoke handler and the names the test below
/// compares with the generated contract in `crate::bindings`.
macro_rules! registered_commands {
    ($callback:ident) => {
        $callback!(
            call_commands::call,
            call_commands::call_bytes,
            export_commands::export_issue_pdf,
            export_commands::export_issue_docx,
            export_commands::open_exported_pdf,
            export_commands::save_stats_workbook,
            archive_commands::analyse_archive_folder,
            archive_commands::import_archive_files,
            office_commands::get_connection,
            office_commands::set_connection,
            office_commands::log_in,
            office_commands::log_out,
            backup_commands::list_backups,
            backup_commands::back_up_now,
            backup_commands::restore_backup,
            backup_commands::restore_database_file,
            backup_commands::export_database
        )
    };
}

macro_rules! handler_of {
    ($($module:ident::$name:ident),*) => { tauri::generate_handler![$($module::$name),*] };
}

/// Whether a graphical display is available; without one GTK would panic on start.
pub fn has_display() -> bool {
    ["DISPLAY", "WAYLAND_DISPLAY"].iter().any(|name| std::env::var_os(name).is_some_and(|v| !v.is_empty()))
}

/// Starts the app on the database named by `JIANBAO_DB`, or the one in the app's data folder,
/// or on the office server its settings name.
pub fn run() -> Result<(), AppError> {
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            let db = match std::env::var_os("JIANBAO_DB") {
                Some(path) => PathBuf::from(path),
                None => app.path().app_data_dir()?.join("jianbao.sqlite3"),
            };
            // The connection is kept beside the database, so a test's database brings its own.
            let connection = db.with_extension("connection.json");
            app.manage(AppState::open(&db, &connection)?);
            backup_commands::start_automatic_backups(app.handle().clone());
            // The typo check's model takes a moment to unpack: do it off the UI thread now, so
            // that the first 校对检查 does not wait for it.
            std::thread::spawn(crate::proof::prepare_typo_check);
            // Likewise the segmenter that keeps words whole when a title breaks.
            std::thread::spawn(crate::layout::prepare_title_breaking);
            Ok(())
        })
        .invoke_handler(registered_commands!(handler_of))
        .run(tauri::generate_context!())
        .map_err(|e| AppError::new(crate::ErrorCode::Internal, format!("简报台窗口无法启动：{e}")))
}

#[cfg(test)]
mod tests {
    macro_rules! names_of {
        ($($module:ident::$name:ident),*) => { [$(stringify!($name)),*] };
    }

    #[test]
    fn registered_commands_are_call_and_the_generated_desktop_contract() {
        let registered = registered_commands!(names_of);
        let cfg = ts_rs::Config::new();
        let mut declared = vec!["call", "call_bytes"];
        declared.extend(crate::bindings::desktop_commands(&cfg).into_iter().map(|(name, ..)| name));
        assert_eq!(
            registered.to_vec(),
            declared,
            "the UI's DesktopCommands type must list what the app registers"
        );
    }
}
