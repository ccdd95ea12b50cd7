//! Comments and suggested changes left by proofreaders: the threads, the suggestions still
//! waiting in each article, and the rule that an issue is signed off only when nothing waits.

use serde::Serialize;
use ts_rs::TS;

use crate::domain::{Article, SuggestionKind};
use crate::error::AppError;
use crate::store::{CommentThread, Id, NewComment, Store};

/// A thread as the review panel shows it: with its article and whether its anchor survives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CommentThreadView {
    #[serde(flatten)]
    pub thread: CommentThread,
    pub article_title: String,
    /// False once every run it was anchored on has been deleted.
    pub anchored: bool,
}

/// A suggestion still waiting in a stored article: what it would insert, delete, or both (a
/// replacement: the editor gives a deletion next to an insertion the same id).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PendingSuggestion {
    pub article_id: Id,
    pub article_title: String,
    pub id: u32,
    pub inserted: String,
    pub deleted: String,
    pub author: String,
    pub at: String,
}

/// Everything proofreaders left in an issue that someone still has to act on, and the rest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IssueReview {
    pub threads: Vec<CommentThreadView>,
    pub suggestions: Vec<PendingSuggestion>,
    pub open_threads: u32,
}

/// Starts a thread on text the editor has already marked with `thread_id`.
pub fn add_comment(store: &mut dyn Store, comment: &NewComment) -> Result<(), AppError> {
    let author = required(comment.author, "请先填写您的姓名，批注会署上这个名字")?;
    let body = required(comment.body, "批注内容是空的，请写下意见后再保存")?;
    if comment.quote.trim().is_empty() {
        return Err(AppError::invalid("请先在正文中选中要批注的文字"));
    }
    store.add_comment_thread(&NewComment { author, body, ..*comment })?;
    Ok(())
}

pub fn reply_to_comment(
    store: &mut dyn Store,
    thread_id: &str,
    author: &str,
    body: &str,
) -> Result<(), AppError> {
    let author = required(author, "请先填写您的姓名，回复会署上这个名字")?;
    let body = required(body, "回复内容是空的，请写下内容后再发送")?;
    Ok(store.add_comment_reply(thread_id, author, body)?)
}

/// Resolves a thread, or opens it again when `resolved` is false.
pub fn set_comment_resolved(
    store: &mut dyn Store,
    thread_id: &str,
    by: &str,
    resolved: bool,
) -> Result<(), AppError> {
    let by = required(by, "请先填写您的姓名")?;
    Ok(store.set_comment_resolved(thread_id, resolved.then_some(by))?)
}

pub fn issue_review(store: &dyn Store, issue_id: Id) -> Result<IssueReview, AppError> {
    let record = store.issue(issue_id)?;
    let articles: Vec<(Id, &Article)> =
        record.article_ids.iter().copied().zip(&record.issue.articles).collect();
    let threads: Vec<CommentThreadView> = store
        .comment_threads_of_issue(issue_id)?
        .into_iter()
        .map(|thread| {
            let article = articles.iter().find(|(id, _)| *id == thread.article_id).map(|(_, a)| *a);
            CommentThreadView {
                article_title: article.map(Article::title_text).unwrap_or_default(),
                anchored: article.is_some_and(|a| a.comment_anchors().contains(&thread.id.as_str())),
                thread,
            }
        })
        .collect();
    let open_threads = threads.iter().filter(|t| t.thread.resolved_at.is_none()).count() as u32;
    let suggestions = articles.iter().flat_map(|(id, article)| pending_in(*id, article)).collect();
    Ok(IssueReview { threads, suggestions, open_threads })
}

/// Refuses a sign-off while a suggestion waits or a comment is unresolved: what is signed is
/// the text everyone has agreed on.
pub fn ensure_nothing_waits(store: &dyn Store, issue_id: Id) -> Result<(), AppError> {
    let review = issue_review(store, issue_id)?;
    let suggestions = review.suggestions.len();
    if suggestions == 0 && review.open_threads == 0 {
        return Ok(());
    }
    let mut waiting = vec![];
    if suggestions > 0 {
        waiting.push(format!("{suggestions} 处修改建议未采纳或拒绝"));
    }
    if review.open_threads > 0 {
        waiting.push(format!("{} 条批注未解决", review.open_threads));
    }
    Err(AppError::invalid(format!("本期还有{}，请在“批注与修改”中逐条处理后再签发", waiting.join("、"))))
}

/// The suggestions of one article, neighbouring runs of one suggestion joined.
fn pending_in(article_id: Id, article: &Article) -> Vec<PendingSuggestion> {
    let mut pending: Vec<PendingSuggestion> = vec![];
    for inline in article.inlines() {
        let Some(suggestion) = &inline.suggestion else { continue };
        let index = match pending.iter().position(|p| p.id == suggestion.id) {
            Some(index) => index,
            None => {
                pending.push(PendingSuggestion {
                    article_id,
                    article_title: article.title_text(),
                    id: suggestion.id,
                    inserted: String::new(),
                    deleted: String::new(),
                    author: suggestion.author.clone(),
                    at: suggestion.at.clone(),
                });
                pending.len() - 1
            }
        };
        let text = inline.text.replace('\u{200B}', "");
        match suggestion.kind {
            SuggestionKind::Insertion => pending[index].inserted.push_str(&text),
            SuggestionKind::Deletion => pending[index].deleted.push_str(&text),
        }
    }
    pending
}

fn required<'a>(text: &'a str, message: &str) -> Result<&'a str, AppError> {
    let text = text.trim();
    if text.is_empty() { Err(AppError::invalid(message)) } else { Ok(text) }
}
