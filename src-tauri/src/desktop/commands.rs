//! Thin IPC adapters. Names, arguments and answers are declared once in `crate::bindings`
//! (`commands()`), from which the UI's types are generated.

use tauri::State;

use super::state::AppState;
use crate::error::AppError;
use crate::service::{self, IssueView, NewIssueRequest, PublicationView};
use crate::store::{Id, IssueSummary};

#[tauri::command]
pub fn list_issues(state: State<'_, AppState>) -> Result<Vec<IssueSummary>, AppError> {
    let store = state.store()?;
    Ok(store.list_issues(store.default_publication_id()?)?)
}

#[tauri::command]
pub fn get_issue(state: State<'_, AppState>, id: Id) -> Result<IssueView, AppError> {
    service::issue_view(&*state.store()?, id)
}

#[tauri::command]
pub fn create_issue(state: State<'_, AppState>, request: NewIssueRequest) -> Result<IssueView, AppError> {
    let mut store = state.store()?;
    let id = service::create_issue(&mut store, &request, state.today())?;
    service::issue_view(&store, id)
}

#[tauri::command]
pub fn get_publication(state: State<'_, AppState>) -> Result<PublicationView, AppError> {
    service::publication_view(&*state.store()?)
}
