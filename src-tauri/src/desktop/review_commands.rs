//! Commands of comments and suggestions: thin adapters over `crate::service::review`, each
//! answering with the issue's whole review so the panel redraws from one source. Declared in
//! `crate::bindings`.

use tauri::State;

use super::state::AppState;
use crate::error::AppError;
use crate::service::{self, IssueReview};
use crate::store::{Id, NewComment};

#[tauri::command]
pub fn issue_review(state: State<'_, AppState>, issue_id: Id) -> Result<IssueReview, AppError> {
    service::issue_review(&*state.store()?, issue_id)
}

/// Stores a new thread; the editor has put `thread_id` on the commented text.
#[tauri::command]
#[allow(
    clippy::too_many_arguments,
    reason = "a Tauri command takes its arguments one by one from the IPC call"
)]
pub fn add_comment(
    state: State<'_, AppState>,
    issue_id: Id,
    article_id: Id,
    thread_id: String,
    quote: String,
    author: String,
    body: String,
) -> Result<IssueReview, AppError> {
    let mut store = state.store()?;
    let comment =
        NewComment { thread_id: &thread_id, article_id, quote: &quote, author: &author, body: &body };
    service::add_comment(&mut store, &comment)?;
    service::issue_review(&store, issue_id)
}

#[tauri::command]
pub fn reply_to_comment(
    state: State<'_, AppState>,
    issue_id: Id,
    thread_id: String,
    author: String,
    body: String,
) -> Result<IssueReview, AppError> {
    let mut store = state.store()?;
    service::reply_to_comment(&mut store, &thread_id, &author, &body)?;
    service::issue_review(&store, issue_id)
}

#[tauri::command]
pub fn resolve_comment(
    state: State<'_, AppState>,
    issue_id: Id,
    thread_id: String,
    by: String,
    resolved: bool,
) -> Result<IssueReview, AppError> {
    let mut store = state.store()?;
    service::set_comment_resolved(&mut store, &thread_id, &by, resolved)?;
    service::issue_review(&store, issue_id)
}
