//! The live preview and PDF export. Layout and PDF writing take long enough to stutter the
//! window, so these run on a blocking worker thread, not the thread that draws the window.

use std::path::PathBuf;

use tauri::{AppHandle, Manager, ipc::Response};

use super::state::AppState;
use crate::error::{AppError, ErrorCode};
use crate::service::{self, ArticleOverride, ExportReport, ExportRequest, IssuePreview};
use crate::store::Id;

/// Every page of the issue as it prints, with `editing` (the article as typed, unsaved) in
/// place of its stored version.
#[tauri::command]
pub async fn preview_issue(
    app: AppHandle,
    issue_id: Id,
    editing: Option<ArticleOverride>,
) -> Result<IssuePreview, AppError> {
    on_worker(app, move |state| {
        let store = state.store()?;
        let fonts = state.fonts(&service::issue_font_roles(&store, issue_id)?)?;
        service::preview_issue(&store, issue_id, &fonts, editing.as_ref())
    })
    .await
}

/// The file of a font the preview uses, as raw bytes (an ArrayBuffer in the UI, not JSON).
#[tauri::command]
pub async fn preview_font(app: AppHandle, key: u16) -> Result<Response, AppError> {
    on_worker(app, move |state| {
        let fonts = state.loaded_fonts().ok_or_else(preview_first)?;
        let (_, font) = fonts.fonts().find(|(k, _)| k.0 == key).ok_or_else(preview_first)?;
        let bytes = std::fs::read(&font.path).map_err(|e| {
            AppError::new(
                ErrorCode::CannotOpen,
                format!(
                    "无法读取字体文件“{}”：{e}。预览暂时无法显示这种字体，导出不受影响。",
                    font.path.display()
                ),
            )
        })?;
        Ok(Response::new(bytes))
    })
    .await
}

/// Writes the issue's PDF to `path` (chosen by the user in the save dialog).
#[tauri::command]
pub async fn export_issue_pdf(
    app: AppHandle,
    issue_id: Id,
    path: String,
    proof_round: Option<u8>,
) -> Result<ExportReport, AppError> {
    on_worker(app, move |state| {
        let path = PathBuf::from(path);
        let request = ExportRequest { proof_round, timestamp: state.now() };
        let store = state.store()?;
        let fonts = state.fonts(&service::issue_font_roles(&store, issue_id)?)?;
        let report = service::export_issue_to_file(&store, issue_id, &fonts, &request, &path)?;
        state.remember_export(path);
        Ok(report)
    })
    .await
}

/// Opens a PDF exported in this run with the system's PDF reader, or shows it in its folder.
/// Only exported files: the window cannot ask to open anything else.
#[tauri::command]
pub async fn open_exported_pdf(app: AppHandle, path: String, reveal: bool) -> Result<(), AppError> {
    on_worker(app, move |state| {
        let path = PathBuf::from(path);
        if !state.was_exported(&path) {
            return Err(AppError::invalid("只能打开本次导出的 PDF 文件。请重新导出后再打开。"));
        }
        let opened = if reveal {
            tauri_plugin_opener::reveal_item_in_dir(&path)
        } else {
            tauri_plugin_opener::open_path(&path, None::<&str>)
        };
        opened.map_err(|e| {
            AppError::new(
                ErrorCode::CannotOpen,
                format!("无法打开“{}”：{e}。PDF 已保存，可在文件管理器中找到它。", path.display()),
            )
        })
    })
    .await
}

fn preview_first() -> AppError {
    AppError::new(ErrorCode::NotFound, "预览的字体尚未载入，请稍候预览自动刷新。")
}

/// Runs `work` with the app's state on a thread meant for blocking work.
async fn on_worker<T: Send + 'static>(
    app: AppHandle,
    work: impl FnOnce(&AppState) -> Result<T, AppError> + Send + 'static,
) -> Result<T, AppError> {
    tauri::async_runtime::spawn_blocking(move || work(&app.state::<AppState>()))
        .await
        .map_err(|e| AppError::new(ErrorCode::Internal, format!("预览或导出意外中断：{e}。请重试。")))?
}
