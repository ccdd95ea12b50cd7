//! The desktop app: a Tauri window over the same core the CLI uses. Everything here is an
//! adapter; the commands unpack arguments, call `crate::service` and map errors.

mod commands;
mod import_commands;
mod preview_commands;
mod proof_commands;
mod review_commands;
mod rounds_commands;
mod settings_commands;
mod state;

use std::path::PathBuf;

use tauri::Manager;

use crate::error::AppError;
use state::AppState;

/// Lists every command once: it builds the invoke handler and the names the test below
/// compares with the generated contract in `crate::bindings`.
macro_rules! registered_commands {
    ($callback:ident) => {
        $callback!(
            list_issues,
            get_issue,
            create_issue,
            get_publication,
            get_article,
            save_article,
            add_article,
            remove_article,
            reorder_articles,
            list_revisions,
            get_revision,
            restore_revision,
            analyse_import_file,
            analyse_pasted_text,
            commit_import,
            update_masthead,
            duplicate_issue,
            trash_issue,
            restore_issue,
            list_trashed_issues,
            save_settings,
            list_font_families,
            preview_issue,
            preview_font,
            export_issue_pdf,
            open_exported_pdf,
            issue_rounds,
            advance_issue,
            send_back_issue,
            sign_off_issue,
            revoke_sign_off_issue,
            issue_review,
            add_comment,
            reply_to_comment,
            resolve_comment,
            compare_rounds,
            check_issue,
            apply_finding,
            ignore_finding,
            unignore_finding,
            get_word_list,
            save_word_list,
            reset_word_list
        )
    };
}

macro_rules! handler_of {
    ($($name:ident),*) => { tauri::generate_handler![$(commands::$name),*] };
}

macro_rules! command_handler {
    () => {
        registered_commands!(handler_of)
    };
}

/// Whether a graphical display is available; without one GTK would panic on start.
pub fn has_display() -> bool {
    ["DISPLAY", "WAYLAND_DISPLAY"].iter().any(|name| std::env::var_os(name).is_some_and(|v| !v.is_empty()))
}

/// Starts the app on the database named by `JIANBAO_DB`, or the one in the app's data folder.
pub fn run() -> Result<(), AppError> {
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            let path = match std::env::var_os("JIANBAO_DB") {
                Some(path) => PathBuf::from(path),
                None => app.path().app_data_dir()?.join("jianbao.sqlite3"),
            };
            app.manage(AppState::open(&path)?);
            Ok(())
        })
        .invoke_handler(command_handler!())
        .run(tauri::generate_context!())
        .map_err(|e| AppError::new(crate::ErrorCode::Internal, format!("简报台窗口无法启动：{e}")))
}

#[cfg(test)]
mod tests {
    macro_rules! names_of {
        ($($name:ident),*) => { [$(stringify!($name)),*] };
    }

    #[test]
    fn registered_commands_are_the_generated_contract() {
        let registered = registered_commands!(names_of);
        let cfg = ts_rs::Config::new();
        let declared: Vec<_> = crate::bindings::commands(&cfg).into_iter().map(|(name, ..)| name).collect();
        assert_eq!(registered.to_vec(), declared, "the UI's Commands type must list what the app registers");
    }
}
