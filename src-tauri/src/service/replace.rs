//! 全部替换 across an issue in the store: every article's texts (see `crate::find`), each
//! changed article saved as one new revision, all of them in one transaction; and taking a
//! replace-all back, again as one revision per article, only where nobody saved since.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::IssueStatus;
use crate::error::AppError;
use crate::find::{Change, FindOptions, Query, ReplaceMode, replace_in_article};
use crate::store::{ArticleSave, Id, Store};

/// What to replace with what, where, and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReplaceRequest {
    pub issue_id: Id,
    pub find: String,
    pub replacement: String,
    #[serde(default)]
    pub options: FindOptions,
    /// Only count and show the matches; nothing is saved.
    #[serde(default)]
    pub dry_run: bool,
    /// Record the replacements as 建议模式 suggestions instead of changing the text.
    #[serde(default)]
    pub suggest: bool,
    /// Only this article of the issue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub article_id: Option<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub author: Option<String>,
}

/// The matches of one article, and the revisions before and after if it was saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArticleChanges {
    pub article_id: Id,
    pub title: String,
    pub changes: Vec<Change>,
    /// The revision the replacement was made on.
    pub base_revision: Id,
    /// The revision the replacement saved; none for a dry run or when nothing was replaced.
    #[ts(optional)]
    pub saved_revision: Option<Id>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReplaceReport {
    pub articles: Vec<ArticleChanges>,
    /// Matches replaced (or, in a dry run, that would be).
    pub replaced: u32,
    /// Matches found but left as they are (each `Change.left` says why).
    pub left: u32,
    pub dry_run: bool,
}

/// Who replaces: their name on the revisions and suggestions, the account whose leases do
/// not stand in the way, and the time suggestions are signed with (RFC 3339).
#[derive(Debug, Clone, Copy)]
pub struct Replacer<'a> {
    pub author: &'a str,
    pub holder: Option<&'a str>,
    pub at: &'a str,
}

pub fn replace_in_issue(
    store: &mut dyn Store,
    request: &ReplaceRequest,
    who: Replacer,
) -> Result<ReplaceReport, AppError> {
    let query = Query::new(&request.find, request.options)?;
    ensure_editable(store, request.issue_id)?;
    let mode = match request.suggest {
        true => ReplaceMode::Suggest { author: who.author, at: who.at },
        false => ReplaceMode::Direct,
    };
    let mut articles = vec![];
    let mut saves = vec![];
    for record in store.articles_of(request.issue_id)? {
        if request.article_id.is_some_and(|only| only != record.id) {
            continue;
        }
        let result = replace_in_article(&record.article, &query, &request.replacement, mode);
        if result.changes.is_empty() {
            continue;
        }
        if result.replaced() > 0 && result.article != record.article {
            saves.push(ArticleSave {
                id: record.id,
                article: result.article.clone(),
                base_revision: record.revision,
            });
        }
        articles.push(ArticleChanges {
            article_id: record.id,
            title: record.article.title_text(),
            changes: result.changes,
            base_revision: record.revision,
            saved_revision: None,
        });
    }
    if let Some(only) = request.article_id
        && articles.is_empty()
    {
        // Nothing found: say so, or that the article does not exist.
        store.article(only)?;
    }
    if !request.dry_run && !saves.is_empty() {
        let revisions = store.save_articles(&saves, who.author, who.holder)?;
        for (save, revision) in saves.iter().zip(revisions) {
            let entry =
                articles.iter_mut().find(|a| a.article_id == save.id).expect("every save has its entry");
            entry.saved_revision = Some(revision);
        }
    }
    let all = articles.iter().flat_map(|a| &a.changes);
    let left = all.clone().filter(|c| c.left.is_some()).count() as u32;
    let replaced = all.count() as u32 - left;
    Ok(ReplaceReport { articles, replaced, left, dry_run: request.dry_run })
}

/// Takes a replace-all back: each article it saved returns to the revision before, as a new
/// revision, in one transaction; refused, with nothing changed, if any of them was saved
/// again since (that later work would be lost).
pub fn undo_replace(store: &mut dyn Store, report: &ReplaceReport, who: Replacer) -> Result<u32, AppError> {
    let mut saves = vec![];
    for entry in &report.articles {
        let Some(saved) = entry.saved_revision else { continue };
        let before = store.revision(entry.base_revision)?;
        if before.summary.article_id != entry.article_id {
            return Err(AppError::invalid("要撤销的替换与文章对不上，什么也没有改动"));
        }
        saves.push(ArticleSave { id: entry.article_id, article: before.article, base_revision: saved });
    }
    if let Some(first) = report.articles.first() {
        ensure_editable(store, store.article(first.article_id)?.issue_id)?;
    }
    store.save_articles(&saves, who.author, who.holder).map_err(|error| match error {
        crate::store::StoreError::Conflict { .. } => AppError::new(
            crate::error::ErrorCode::Conflict,
            "替换之后已有文章又被修改过，不能整体撤销，什么也没有改动；请在“修订历史”中逐篇恢复",
        ),
        other => other.into(),
    })?;
    Ok(saves.len() as u32)
}

fn ensure_editable(store: &dyn Store, issue_id: Id) -> Result<(), AppError> {
    if store.issue(issue_id)?.issue.status == IssueStatus::SignedOff {
        return Err(AppError::invalid("本期已签发，不能替换；如需修改请先“撤销签发”"));
    }
    Ok(())
}
