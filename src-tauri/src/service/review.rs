//! Comments and suggested changes left by proofreaders: the threads, the suggestions still
//! waiting in each article, and the rule that an issue is signed off only when nothing waits.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::{Article, Block, BlockChange, FieldChange, SuggestionKind};
use crate::error::AppError;
use crate::store::{CommentThread, Id, NewComment, Store};

/// A thread as the review panel shows it: with its article and whether its anchor survives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
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
    pending.extend(furniture_and_structure_pending(article_id, article));
    pending
}

/// The field and block suggestions of one article, each described as what it inserts and
/// deletes, in words where it changes structure only.
fn furniture_and_structure_pending(article_id: Id, article: &Article) -> Vec<PendingSuggestion> {
    let pending = |id: u32, author: &str, at: &str, deleted: String, inserted: String| PendingSuggestion {
        article_id,
        article_title: article.title_text(),
        id,
        inserted,
        deleted,
        author: author.to_owned(),
        at: at.to_owned(),
    };
    let fields = article.field_suggestions.iter().map(|field| {
        let (before, after) = field_texts(article, &field.change);
        pending(field.id, &field.author, &field.at, before, after)
    });
    let blocks = article.block_suggestions.iter().map(|block| {
        let text = article.body.get(block.block as usize).map(Block::plain_text).unwrap_or_default();
        let (deleted, inserted) = match &block.change {
            BlockChange::Inserted => (String::new(), text),
            BlockChange::Deleted => (text, String::new()),
            BlockChange::SplitFromPrevious => (String::new(), format!("（另起一段）{text}")),
            BlockChange::JoinsPrevious => (String::new(), format!("（并入上一段）{text}")),
            BlockChange::KindChanged { .. } => (String::new(), format!("（改变段落样式）{text}")),
        };
        pending(block.id, &block.author, &block.at, deleted, inserted)
    });
    fields.chain(blocks).collect()
}

/// A field's settled text and the text suggested for it.
fn field_texts(article: &Article, change: &FieldChange) -> (String, String) {
    match change {
        FieldChange::Title { lines } => (article.title.join(" "), lines.join(" ")),
        FieldChange::Subtitle { text } => (article.subtitle.clone().unwrap_or_default(), text.clone()),
        FieldChange::Byline { text } => (article.byline.clone().unwrap_or_default(), text.clone()),
        FieldChange::Caption { block, text } => {
            let caption = article.body.get(*block as usize).map(Block::plain_text).unwrap_or_default();
            (caption, text.clone())
        }
        FieldChange::Contributors { units } => (article.contributors.join("、"), units.join("、")),
        FieldChange::Source { text } => (article.source.clone().unwrap_or_default(), text.clone()),
    }
}

fn required<'a>(text: &'a str, message: &str) -> Result<&'a str, AppError> {
    let text = text.trim();
    if text.is_empty() { Err(AppError::invalid(message)) } else { Ok(text) }
}

/// What a proofreader may save: their own suggestions and comment anchors, nothing else. The
/// text as it prints (`Article::settled`) stays as stored, and every suggestion of someone
/// else's stays exactly as it was (a proofreader neither accepts nor rejects other people's).
pub fn ensure_only_own_suggestions(stored: &Article, saved: &Article, author: &str) -> Result<(), AppError> {
    if stored.settled() != saved.settled() {
        return Err(AppError::new(
            crate::ErrorCode::Forbidden,
            "校对不能直接改动正文，您的修改没有保存；请在“建议模式”下修改（修改会作为建议，由编辑采纳），或用批注提出意见",
        ));
    }
    let others = |article: &Article| -> Vec<(u32, String)> {
        let mut runs: Vec<(u32, String)> = article
            .inlines()
            .filter_map(|run| {
                run.suggestion.as_ref().filter(|s| s.author != author).map(|s| (s.id, run.text.clone()))
            })
            .collect();
        runs.sort();
        let fields = article
            .field_suggestions
            .iter()
            .filter(|f| f.author != author)
            .map(|f| (f.id, format!("{:?}", f.change)));
        let blocks = article
            .block_suggestions
            .iter()
            .filter(|b| b.author != author)
            .map(|b| (b.id, format!("{:?}", b.change)));
        runs.extend(fields.chain(blocks));
        runs
    };
    if others(stored) != others(saved) {
        return Err(AppError::new(
            crate::ErrorCode::Forbidden,
            "只有编辑可以采纳或拒绝别人的修改建议，您的修改没有保存；如有不同意见，请用批注说明",
        ));
    }
    let foreign = saved.inlines().filter_map(|run| run.suggestion.as_ref()).find(|s| s.author != author);
    match foreign {
        Some(suggestion) if !stored.inlines().any(|run| run.suggestion.as_ref() == Some(suggestion)) => {
            Err(AppError::invalid(format!(
                "修改建议署名“{}”与登录的账号“{author}”不符，没有保存；请刷新后重试",
                suggestion.author
            )))
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod furniture_and_structure_tests {
    use super::*;
    use crate::domain::{BlockSuggestion, FieldSuggestion};

    fn with_suggestions(author: &str) -> Article {
        let (author, at) = (author.to_owned(), "2026-12-02T08:00:00Z".to_owned());
        Article {
            title: vec!["冬修水利".into()],
            body: vec![Block::paragraph("前段。"), Block::paragraph("后段。")],
            block_suggestions: vec![BlockSuggestion {
                block: 1,
                change: BlockChange::JoinsPrevious,
                id: 1,
                author: author.clone(),
                at: at.clone(),
            }],
            field_suggestions: vec![FieldSuggestion {
                change: FieldChange::Title { lines: vec!["冬修水利正当时".into()] },
                id: 2,
                author,
                at,
            }],
            ..Article::empty()
        }
    }

    #[test]
    fn field_and_block_suggestions_are_listed_as_pending() {
        let pending = pending_in(7, &with_suggestions("汪校对"));
        let described: Vec<(u32, &str, &str)> =
            pending.iter().map(|p| (p.id, p.deleted.as_str(), p.inserted.as_str())).collect();
        assert_eq!(described, [(2, "冬修水利", "冬修水利正当时"), (1, "", "（并入上一段）后段。")]);
    }

    #[test]
    fn a_proofreader_may_add_structural_suggestions_but_not_decide_others() {
        let stored = Article {
            body: vec![Block::paragraph("前段。"), Block::paragraph("后段。")],
            ..Article::empty()
        };
        let mut own = with_suggestions("汪校对");
        own.title = stored.title.clone();
        ensure_only_own_suggestions(&stored, &own, "汪校对")
            .expect("their own suggestions leave the settled text alone");
        let mut stored_by_other = with_suggestions("李编辑");
        stored_by_other.title = stored.title;
        let decided = stored_by_other.accept(Some(1));
        let refusal = ensure_only_own_suggestions(&stored_by_other, &decided.reject(Some(2)), "汪校对");
        assert!(
            refusal.is_err(),
            "accepting someone else's join changes the settled text or drops their suggestion"
        );
        let dropped = Article { field_suggestions: vec![], ..stored_by_other.clone() };
        assert!(
            ensure_only_own_suggestions(&stored_by_other, &dropped, "汪校对").is_err(),
            "rejecting another's title suggestion is the editor's"
        );
    }
}
