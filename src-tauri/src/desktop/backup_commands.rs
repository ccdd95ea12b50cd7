//! 设置 → 备份与恢复 on this computer's database, and the automatic backup at start and every
//! few hours of use. Thin: the work is `crate::backup`'s, through `AppState`, on a blocking
//! worker so the window never waits on a copy.

use std::path::PathBuf;
use std::time::Duration;

use tauri::{AppHandle, Emitter, Manager};

use super::state::AppState;
use crate::backup::{AUTOMATIC_EVERY_HOURS, BackupOverview, BackupTaken};
use crate::error::{AppError, ErrorCode};
use crate::store::SystemClock;

/// The event carrying an automatic backup's failure (an `AppError`) to the window.
pub const BACKUP_PROBLEM_EVENT: &str = "jianbao:backup-problem";

#[tauri::command]
pub async fn list_backups(app: AppHandle) -> Result<BackupOverview, AppError> {
    blocking(app, |state| {
        let folder = state.backup_folder()?;
        Ok(BackupOverview {
            folder: folder.dir().display().to_string(),
            entries: folder.list()?,
            every_hours: u32::try_from(AUTOMATIC_EVERY_HOURS).unwrap_or(u32::MAX),
            automatic_problem: state.automatic_problem(),
        })
    })
    .await
}

#[tauri::command]
pub async fn back_up_now(app: AppHandle) -> Result<BackupTaken, AppError> {
    blocking(app, |state| state.back_up(&SystemClock)).await
}

/// Restores the backup called `name` (from the list); answers the backup of what was there.
#[tauri::command]
pub async fn restore_backup(app: AppHandle, name: String) -> Result<BackupTaken, AppError> {
    blocking(app, move |state| {
        let source = state.backup_folder()?.find(&name)?;
        state.restore(&source, &SystemClock)
    })
    .await
}

/// 从文件恢复: `path` was chosen in the open dialog.
#[tauri::command]
pub async fn restore_database_file(app: AppHandle, path: String) -> Result<BackupTaken, AppError> {
    blocking(app, move |state| state.restore(&PathBuf::from(path), &SystemClock)).await
}

/// 导出整个数据库 to `path`, chosen in the save dialog; answers the path.
#[tauri::command]
pub async fn export_database(app: AppHandle, path: String) -> Result<String, AppError> {
    blocking(app, move |state| {
        let path = PathBuf::from(path);
        state.export_database(&path)?;
        Ok(path.display().to_string())
    })
    .await
}

/// Backs up at start and then every `AUTOMATIC_EVERY_HOURS` the app runs, on its own thread;
/// a failure goes to the window as a notice. The sleep is on the monotonic clock, which stands
/// still while the computer sleeps: hours of use, not of the wall.
pub fn start_automatic_backups(app: AppHandle) {
    std::thread::spawn(move || {
        loop {
            if let Some(problem) = app.state::<AppState>().back_up_automatically(&SystemClock) {
                let notice = AppError::new(problem.code, format!("自动备份没有完成：{}", problem.message));
                drop(app.emit(BACKUP_PROBLEM_EVENT, notice));
            }
            std::thread::sleep(Duration::from_secs(AUTOMATIC_EVERY_HOURS * 3600));
        }
    });
}

async fn blocking<T: Send + 'static>(
    app: AppHandle,
    work: impl FnOnce(&AppState) -> Result<T, AppError> + Send + 'static,
) -> Result<T, AppError> {
    tauri::async_runtime::spawn_blocking(move || work(&app.state::<AppState>())).await.map_err(|e| {
        AppError::new(ErrorCode::Internal, format!("备份操作意外中断：{e}。数据库没有改动，请重试。"))
    })?
}
