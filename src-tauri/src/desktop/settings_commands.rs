//! Commands of the settings screen, the editable masthead and the issue list's copy and
//! trash actions. Thin adapters over `crate::service`, declared in `crate::bindings`.

use tauri::State;

use super::state::AppState;
use crate::domain::Publication;
use crate::error::AppError;
use crate::service::{self, FontFamilies, IssueView, MastheadUpdate, SettingsSaved};
use crate::store::{Id, IssueSummary};

#[tauri::command]
pub fn update_masthead(
    state: State<'_, AppState>,
    id: Id,
    update: MastheadUpdate,
) -> Result<IssueView, AppError> {
    let mut store = state.store()?;
    service::update_masthead(&mut store, id, &update)?;
    service::issue_view(&store, id)
}

/// Answers with the new issue, dated today and numbered next.
#[tauri::command]
pub fn duplicate_issue(state: State<'_, AppState>, id: Id) -> Result<IssueView, AppError> {
    let mut store = state.store()?;
    let copy = service::duplicate_issue(&mut store, id, state.today())?;
    service::issue_view(&store, copy)
}

/// Answers with the issue list as it is without the trashed issue.
#[tauri::command]
pub fn trash_issue(state: State<'_, AppState>, id: Id) -> Result<Vec<IssueSummary>, AppError> {
    let mut store = state.store()?;
    service::trash_issue(&mut store, id)?;
    Ok(store.list_issues(store.default_publication_id()?)?)
}

/// Answers with what is left in the trash.
#[tauri::command]
pub fn restore_issue(state: State<'_, AppState>, id: Id) -> Result<Vec<IssueSummary>, AppError> {
    let mut store = state.store()?;
    service::restore_issue(&mut store, id)?;
    service::trashed_issues(&store)
}

#[tauri::command]
pub fn list_trashed_issues(state: State<'_, AppState>) -> Result<Vec<IssueSummary>, AppError> {
    service::trashed_issues(&*state.store()?)
}

#[tauri::command]
pub fn save_settings(
    state: State<'_, AppState>,
    publication: Publication,
) -> Result<SettingsSaved, AppError> {
    service::save_settings(&mut *state.store()?, &publication)
}

/// Scans the system's fonts; async so the scan does not hold up the window.
#[tauri::command]
pub async fn list_font_families() -> Result<FontFamilies, AppError> {
    Ok(service::font_families())
}
