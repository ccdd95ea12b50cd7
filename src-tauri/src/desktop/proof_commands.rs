//! Commands of the proof-check panel and the office's word list: thin adapters over
//! `crate::service`. Declared in `crate::bindings`.

use tauri::State;

use super::state::AppState;
use crate::error::AppError;
use crate::service::{self, FindingView, IssueCheck, WordListSaved, WordListView, WordRow};
use crate::store::Id;

#[tauri::command]
pub fn check_issue(state: State<'_, AppState>, issue_id: Id) -> Result<IssueCheck, AppError> {
    service::check_stored_issue(&*state.store()?, issue_id, None)
}

/// Applies the finding's suggestion to the stored article and checks the issue again.
#[tauri::command]
pub fn apply_finding(
    state: State<'_, AppState>,
    issue_id: Id,
    finding: FindingView,
    author: Option<String>,
) -> Result<IssueCheck, AppError> {
    let mut store = state.store()?;
    let author = author.as_deref().map(str::trim).filter(|name| !name.is_empty());
    service::apply_finding(&mut store, &finding, author.unwrap_or(service::DEFAULT_AUTHOR))?;
    service::check_stored_issue(&store, issue_id, None)
}

#[tauri::command]
pub fn ignore_finding(
    state: State<'_, AppState>,
    issue_id: Id,
    finding: FindingView,
    by: String,
) -> Result<IssueCheck, AppError> {
    let mut store = state.store()?;
    service::ignore_finding(&mut store, issue_id, &finding, &by)?;
    service::check_stored_issue(&store, issue_id, None)
}

#[tauri::command]
pub fn unignore_finding(
    state: State<'_, AppState>,
    issue_id: Id,
    finding: FindingView,
) -> Result<IssueCheck, AppError> {
    let mut store = state.store()?;
    service::unignore_finding(&mut store, issue_id, &finding)?;
    service::check_stored_issue(&store, issue_id, None)
}

#[tauri::command]
pub fn get_word_list(state: State<'_, AppState>) -> Result<WordListView, AppError> {
    service::word_list_view(&*state.store()?)
}

#[tauri::command]
pub fn save_word_list(state: State<'_, AppState>, rows: Vec<WordRow>) -> Result<WordListSaved, AppError> {
    service::save_word_list(&mut *state.store()?, &rows)
}

#[tauri::command]
pub fn reset_word_list(state: State<'_, AppState>) -> Result<WordListView, AppError> {
    service::reset_word_list(&mut *state.store()?)
}
