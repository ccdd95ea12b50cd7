//! Importing manuscripts: analyse a file or pasted text, then store what the editor reviewed.
//!
//! A file travels as the raw request body (a manuscript may be tens of megabytes; a JSON
//! array of numbers would be several times larger), with the issue and the file name in
//! headers. Header values are ASCII, so the UI percent-encodes the name.

use percent_encoding::percent_decode_str;
use tauri::State;
use tauri::ipc::{InvokeBody, Request};

use super::state::AppState;
use crate::error::AppError;
use crate::service::{self, ArticleForReview, ImportSource, IssueView, ReviewedArticle};
use crate::store::Id;

/// Header naming the issue the file is imported into.
pub const ISSUE_HEADER: &str = "x-jianbao-issue";
/// Header with the file's name, percent-encoded (UTF-8).
pub const FILE_NAME_HEADER: &str = "x-jianbao-file-name";

/// Reads one file for review; stores nothing. Runs off the window's thread (`async`), so a
/// large Word file does not freeze the window while it is read.
#[tauri::command]
pub async fn analyse_import_file(
    state: State<'_, AppState>,
    request: Request<'_>,
) -> Result<Vec<ArticleForReview>, AppError> {
    let InvokeBody::Raw(bytes) = request.body() else {
        return Err(AppError::invalid("导入的文件没有送达（内容格式不对）；请重新选择文件"));
    };
    let header = |name: &str| request.headers().get(name).and_then(|value| value.to_str().ok());
    let issue_id: Id = header(ISSUE_HEADER)
        .and_then(|id| id.parse().ok())
        .ok_or_else(|| AppError::invalid("导入时没有指明期刊；请关闭后重新打开这一期再导入"))?;
    let name = header(FILE_NAME_HEADER)
        .map(|name| percent_decode_str(name).decode_utf8_lossy().into_owned())
        .ok_or_else(|| AppError::invalid("导入时没有文件名；请重新选择文件"))?;
    let source = ImportSource { name, bytes: bytes.clone() };
    service::analyse_file(&*state.store()?, issue_id, &source)
}

#[tauri::command]
pub fn analyse_pasted_text(
    state: State<'_, AppState>,
    issue_id: Id,
    text: String,
) -> Result<Vec<ArticleForReview>, AppError> {
    service::analyse_pasted(&*state.store()?, issue_id, &text)
}

/// Stores the reviewed articles at the end of the issue and answers with the issue.
#[tauri::command]
pub fn commit_import(
    state: State<'_, AppState>,
    issue_id: Id,
    articles: Vec<ReviewedArticle>,
) -> Result<IssueView, AppError> {
    let mut store = state.store()?;
    service::commit_reviewed(&mut store, issue_id, &articles)?;
    service::issue_view(&store, issue_id)
}
