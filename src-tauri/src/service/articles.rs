//! Editing the articles of an issue: read, save (each save a revision), add, remove, reorder,
//! and the revision history. Thin over the store, so the CLI and the window behave the same.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ArticleSummary;
use crate::domain::Article;
use crate::error::AppError;
use crate::store::{Id, RevisionSummary, SaveGuard, Store};

/// An article as the editor opens it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArticleView {
    pub id: Id,
    pub issue_id: Id,
    pub article: Article,
    /// When the stored content was last saved (RFC 3339, UTC). The editor compares an unsaved
    /// local draft with it to decide whether the draft is newer than what the database holds.
    pub saved_at: String,
    /// The revision the content is; the editor's next save names it as its base.
    pub revision: Id,
    /// The database the article is in (`Identity::store_identity`): the editor keys its local
    /// drafts by it, so a draft is never offered to an article of another database.
    pub store: String,
}

/// What a save answers: the article list's line and the revision the save made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SavedArticle {
    pub summary: ArticleSummary,
    pub revision: Id,
}

/// One stored state of an article, for the history panel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RevisionView {
    pub summary: RevisionSummary,
    pub article: Article,
}

pub fn article_view(store: &dyn Store, id: Id) -> Result<ArticleView, AppError> {
    let record = store.article(id)?;
    let saved_at = store.revisions(id)?.first().map(|r| r.created_at.clone()).unwrap_or_default();
    Ok(ArticleView {
        id,
        issue_id: record.issue_id,
        article: record.article,
        saved_at,
        revision: record.revision,
        store: store.store_identity()?,
    })
}

/// Stores the editor's content as a new revision if `guard` holds (see `SaveGuard`); answers
/// with what the article list shows.
pub fn save_article(
    store: &mut dyn Store,
    id: Id,
    article: &Article,
    author: &str,
    guard: &SaveGuard,
) -> Result<SavedArticle, AppError> {
    let revision = store.save_article(id, article, author, guard)?;
    Ok(SavedArticle { summary: summary_of(id, article), revision })
}

/// Appends an empty article (no title, one empty paragraph's worth of nothing) to the issue.
pub fn add_blank_article(store: &mut dyn Store, issue_id: Id, author: &str) -> Result<Id, AppError> {
    let blank = Article::empty();
    Ok(store.add_article(issue_id, &blank, author)?)
}

/// Takes the article out of its issue (its revisions stay); answers with the issue's id.
pub fn remove_article(store: &mut dyn Store, id: Id) -> Result<Id, AppError> {
    let issue_id = store.article(id)?.issue_id;
    store.remove_article(id)?;
    Ok(issue_id)
}

pub fn reorder_articles(store: &mut dyn Store, issue_id: Id, order: &[Id]) -> Result<(), AppError> {
    Ok(store.reorder_articles(issue_id, order)?)
}

/// The article's revisions, newest first.
pub fn list_revisions(store: &dyn Store, article_id: Id) -> Result<Vec<RevisionSummary>, AppError> {
    store.article(article_id)?;
    Ok(store.revisions(article_id)?)
}

pub fn revision_view(store: &dyn Store, id: Id) -> Result<RevisionView, AppError> {
    let revision = store.revision(id)?;
    Ok(RevisionView { summary: revision.summary, article: revision.article })
}

/// Makes an old revision current again (as a new revision) and answers with the article.
pub fn restore_revision(
    store: &mut dyn Store,
    revision_id: Id,
    author: &str,
    guard: &SaveGuard,
) -> Result<ArticleView, AppError> {
    store.restore_revision(revision_id, author, guard)?;
    let article_id = store.revision(revision_id)?.summary.article_id;
    article_view(store, article_id)
}

fn summary_of(id: Id, article: &Article) -> ArticleSummary {
    ArticleSummary { id, title: article.title_text(), han_count: article.han_count() as u32 }
}
