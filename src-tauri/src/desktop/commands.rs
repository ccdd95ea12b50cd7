//! Thin IPC adapters. Names, arguments and answers are declared once in `crate::bindings`
//! (`commands()`), from which the UI's types are generated.

use tauri::State;

use super::state::AppState;
use crate::domain::Article;
use crate::error::AppError;
use crate::service::{
    self, ArticleSummary, ArticleView, IssueView, NewIssueRequest, PublicationView, RevisionView,
};
use crate::store::{Id, IssueSummary, RevisionSummary};

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

#[tauri::command]
pub fn get_article(state: State<'_, AppState>, id: Id) -> Result<ArticleView, AppError> {
    service::article_view(&*state.store()?, id)
}

#[tauri::command]
pub fn save_article(
    state: State<'_, AppState>,
    id: Id,
    article: Article,
    author: Option<String>,
) -> Result<ArticleSummary, AppError> {
    service::save_article(&mut *state.store()?, id, &article, author_or_default(author.as_deref()))
}

/// Appends an empty article and answers with the issue, whose last article is the new one.
#[tauri::command]
pub fn add_article(
    state: State<'_, AppState>,
    issue_id: Id,
    author: Option<String>,
) -> Result<IssueView, AppError> {
    let mut store = state.store()?;
    service::add_blank_article(&mut store, issue_id, author_or_default(author.as_deref()))?;
    service::issue_view(&store, issue_id)
}

#[tauri::command]
pub fn remove_article(state: State<'_, AppState>, id: Id) -> Result<IssueView, AppError> {
    let mut store = state.store()?;
    let issue_id = service::remove_article(&mut store, id)?;
    service::issue_view(&store, issue_id)
}

#[tauri::command]
pub fn reorder_articles(
    state: State<'_, AppState>,
    issue_id: Id,
    order: Vec<Id>,
) -> Result<IssueView, AppError> {
    let mut store = state.store()?;
    service::reorder_articles(&mut store, issue_id, &order)?;
    service::issue_view(&store, issue_id)
}

#[tauri::command]
pub fn list_revisions(state: State<'_, AppState>, article_id: Id) -> Result<Vec<RevisionSummary>, AppError> {
    service::list_revisions(&*state.store()?, article_id)
}

#[tauri::command]
pub fn get_revision(state: State<'_, AppState>, id: Id) -> Result<RevisionView, AppError> {
    service::revision_view(&*state.store()?, id)
}

#[tauri::command]
pub fn restore_revision(
    state: State<'_, AppState>,
    id: Id,
    author: Option<String>,
) -> Result<ArticleView, AppError> {
    service::restore_revision(&mut *state.store()?, id, author_or_default(author.as_deref()))
}

/// Who is recorded on a revision: the name the UI sends, else the default.
fn author_or_default(author: Option<&str>) -> &str {
    author.map(str::trim).filter(|name| !name.is_empty()).unwrap_or(service::DEFAULT_AUTHOR)
}

pub use super::import_commands::*;
pub use super::preview_commands::*;
pub use super::proof_commands::*;
pub use super::review_commands::*;
pub use super::rounds_commands::*;
pub use super::settings_commands::*;
