//! 导入往期: a folder of back issues on this computer, read into the review list and then
//! imported as the editor chose. Both run off the window's thread and report each file as
//! they reach it on a channel, for the progress bar.

use std::path::PathBuf;

use tauri::ipc::Channel;
use tauri::{AppHandle, Manager};

use super::state::AppState;
use crate::error::{AppError, ErrorCode};
use crate::import::MastheadFill;
use crate::service::{self, ArchiveChoice, ArchiveCommit, ArchiveProgress, ArchiveReview};
use crate::store::Store;

/// Reads every back issue of `folder` into the review list; stores nothing.
#[tauri::command]
pub async fn analyse_archive_folder(
    app: AppHandle,
    folder: String,
    on_progress: Channel<ArchiveProgress>,
) -> Result<ArchiveReview, AppError> {
    on_local_store(app, move |store| {
        let files = service::archive_files(&PathBuf::from(&folder))?;
        let mut report = |progress: &ArchiveProgress| drop(on_progress.send(progress.clone()));
        let review = service::analyse_archive(store, &files, &MastheadFill::default(), &mut report)?;
        Ok(review.without_issues())
    })
    .await
}

/// Imports the files of `folder` the editor chose, with the masthead values they gave.
#[tauri::command]
pub async fn import_archive_files(
    app: AppHandle,
    folder: String,
    choices: Vec<ArchiveChoice>,
    on_progress: Channel<ArchiveProgress>,
) -> Result<ArchiveCommit, AppError> {
    on_local_store(app, move |store| {
        let mut report = |progress: &ArchiveProgress| drop(on_progress.send(progress.clone()));
        service::import_chosen(store, &PathBuf::from(&folder), &choices, &mut report)
    })
    .await
}

/// Runs `work` on this computer's store, off the window's thread. The office server has no
/// archive command: its archive is imported on the server machine with the CLI.
async fn on_local_store<T: Send + 'static>(
    app: AppHandle,
    work: impl FnOnce(&mut dyn Store) -> Result<T, AppError> + Send + 'static,
) -> Result<T, AppError> {
    tauri::async_runtime::spawn_blocking(move || {
        app.state::<AppState>().on_local_store(work).unwrap_or_else(|| {
            Err(AppError::invalid(
                "连接办公室服务器时不能在本窗口导入往期：请管理员在服务器电脑上运行 jianbao-cli --db 服务器的数据库文件 import-archive 存放往期的文件夹；或在设置中切换到本机后再导入",
            ))
        })
    })
    .await
    .map_err(|e| AppError::new(ErrorCode::Internal, format!("导入往期意外中断：{e}。请重试，已导入的期刊不受影响。")))?
}
