//! Exporting to a file on this computer, and opening what was exported. The PDF is made where
//! the issue is (on the office server, with its fonts) and written here.

use std::path::PathBuf;

use tauri::{AppHandle, Manager};

use super::state::AppState;
use crate::api::{Command, ExportDocx, ExportDocxRequest, ExportPdf, ExportPdfRequest, ExportStatsWorkbook};
use crate::error::{AppError, ErrorCode};
use crate::service::{self, ExportReport};
use crate::store::Id;

/// Writes the issue's PDF to `path` (chosen by the user in the save dialog).
#[tauri::command]
pub async fn export_issue_pdf(
    app: AppHandle,
    issue_id: Id,
    path: String,
    proof_round: Option<u8>,
) -> Result<ExportReport, AppError> {
    blocking(app, move |state| {
        let path = PathBuf::from(path);
        let request = ExportPdfRequest { issue_id, proof_round, timestamp: None };
        let reply = state.call(ExportPdf::NAME, ExportPdf::encode(&request))?;
        let exported = ExportPdf::decode(reply)?;
        service::write_atomically(&path, &exported.pdf.0)?;
        state.remember_export(path.clone());
        Ok(ExportReport {
            path: path.display().to_string(),
            page_count: exported.page_count,
            warnings: exported.warnings,
        })
    })
    .await
}

/// Writes the issue as a Word document to `path` (chosen in the save dialog); a proof carries
/// the pending suggestions and open comments. Answers the path.
#[tauri::command]
pub async fn export_issue_docx(
    app: AppHandle,
    issue_id: Id,
    path: String,
    proof: bool,
) -> Result<String, AppError> {
    blocking(app, move |state| {
        let path = PathBuf::from(path);
        let request = ExportDocxRequest { issue_id, proof, timestamp: None };
        let reply = state.call(ExportDocx::NAME, ExportDocx::encode(&request))?;
        service::write_atomically(&path, &ExportDocx::decode(reply)?.docx.0)?;
        state.remember_export(path.clone());
        Ok(path.display().to_string())
    })
    .await
}

/// Writes the statistics workbook (.xlsx) to `path`, chosen in the save dialog; answers the path.
#[tauri::command]
pub async fn save_stats_workbook(
    app: AppHandle,
    path: String,
    year: Option<i32>,
) -> Result<String, AppError> {
    blocking(app, move |state| {
        let path = PathBuf::from(path);
        let request = service::StatsRequest { year };
        let reply = state.call(ExportStatsWorkbook::NAME, ExportStatsWorkbook::encode(&request))?;
        service::write_atomically(&path, &ExportStatsWorkbook::decode(reply)?.xlsx.0)?;
        Ok(path.display().to_string())
    })
    .await
}

/// Opens a PDF exported in this run with the system's PDF reader, or shows it in its folder.
/// Only exported files: the window cannot ask to open anything else.
#[tauri::command]
pub async fn open_exported_pdf(app: AppHandle, path: String, reveal: bool) -> Result<(), AppError> {
    blocking(app, move |state| {
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

async fn blocking<T: Send + 'static>(
    app: AppHandle,
    work: impl FnOnce(&AppState) -> Result<T, AppError> + Send + 'static,
) -> Result<T, AppError> {
    tauri::async_runtime::spawn_blocking(move || work(&app.state::<AppState>()))
        .await
        .map_err(|e| AppError::new(ErrorCode::Internal, format!("导出意外中断：{e}。请重试。")))?
}
