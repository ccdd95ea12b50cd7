//! Importing manuscripts in two steps, for the desktop's review panel: first each file (or
//! pasted text) is read and recognised into articles with the cleanup's proposals, storing
//! nothing; then the editor's accepted proposals are applied and every reviewed article is
//! stored in one transaction. Cancelling between the steps leaves the issue as it was.
//!
//! The UI holds the analysed articles between the steps and sends them back with the ids it
//! accepted, so no half-finished import lives in the app's state.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::import::{ImportSource, PASTED_TEXT};
use crate::error::AppError;
use crate::import::{self, ImportError, ImportedArticle};
use crate::store::{Id, Store};

/// An article found in a file, not yet stored: what the review panel shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArticleForReview {
    /// The file (or `粘贴的文字`) the article came from.
    pub source: String,
    /// The title as imported, for the panel's heading.
    pub title: String,
    pub imported: ImportedArticle,
}

/// An article the editor reviewed: as analysed, with the proposals accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReviewedArticle {
    pub source: String,
    pub imported: ImportedArticle,
    /// Ids of the accepted proposals; every other proposal is rejected.
    pub accepted: Vec<u32>,
}

/// Reads and recognises one file for the issue, storing nothing.
pub fn analyse_file(
    store: &dyn Store,
    issue_id: Id,
    source: &ImportSource,
) -> Result<Vec<ArticleForReview>, AppError> {
    store.issue(issue_id)?;
    let articles = import::import_file(&source.name, &source.bytes)?;
    Ok(for_review(&source.name, articles))
}

/// Recognises pasted text for the issue, storing nothing.
pub fn analyse_pasted(
    store: &dyn Store,
    issue_id: Id,
    text: &str,
) -> Result<Vec<ArticleForReview>, AppError> {
    store.issue(issue_id)?;
    let articles = import::import_text(text);
    if articles.is_empty() {
        return Err(ImportError::NoArticles { name: PASTED_TEXT.into() }.into());
    }
    Ok(for_review(PASTED_TEXT, articles))
}

fn for_review(source: &str, articles: Vec<ImportedArticle>) -> Vec<ArticleForReview> {
    articles
        .into_iter()
        .map(|imported| ArticleForReview {
            source: source.to_owned(),
            title: imported.cleaned(|_| false).title_text(),
            imported,
        })
        .collect()
}

/// Applies each article's accepted proposals and appends all articles to the issue in one
/// transaction. Answers the new articles' ids, in order.
pub fn commit_reviewed(
    store: &mut dyn Store,
    issue_id: Id,
    reviewed: &[ReviewedArticle],
) -> Result<Vec<Id>, AppError> {
    store.issue(issue_id)?;
    if reviewed.is_empty() {
        return Err(AppError::invalid("没有要导入的稿件；请先选择文件或粘贴文字"));
    }
    let articles = reviewed.iter().map(cleaned).collect::<Result<Vec<_>, _>>()?;
    Ok(store.append_articles(issue_id, &articles, super::DEFAULT_AUTHOR)?)
}

fn cleaned(reviewed: &ReviewedArticle) -> Result<crate::domain::Article, AppError> {
    let accepted: HashSet<u32> = reviewed.accepted.iter().copied().collect();
    let known: HashSet<u32> = reviewed.imported.proposals.iter().map(|p| p.id).collect();
    if let Some(unknown) = accepted.difference(&known).next() {
        return Err(AppError::invalid(format!(
            "“{}”的审阅结果有误（没有编号为 {unknown} 的修改建议）；请取消后重新导入",
            reviewed.source
        )));
    }
    Ok(reviewed.imported.cleaned(|proposal| accepted.contains(&proposal.id)))
}
