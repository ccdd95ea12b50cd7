//! A Word proof coming back: the .docx exported with `--proof` (`crate::docx`), reviewed in
//! Word or WPS and imported into its issue again. Its tracked changes become the articles'
//! suggestions, signed with the author Word recorded; its comments become comment threads,
//! and the answers to threads that went out with it become replies. Text the leader accepted
//! or rejected in Word is taken as it stands in the file.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::{Article, Block, Inline, Suggestion, SuggestionKind};
use crate::error::AppError;
use crate::import::{ReturnedArticle, ReturnedProof, ReturnedRun, WordComment};
use crate::store::{CommentThread, Id, NewComment, SaveGuard, Store};

/// What a returned proof brought into the issue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReturnedProofReport {
    pub source: String,
    /// Articles whose text or suggestions changed.
    pub articles_changed: u32,
    /// Suggestions now waiting in the issue that came from the file's tracked changes.
    pub suggestions: u32,
    pub new_threads: u32,
    pub replies: u32,
}

/// Applies `proof` (read from the file `source`) to issue `issue_id`. The file must hold the
/// issue's articles, by title and in order: a proof of another issue is refused whole.
pub fn apply_returned_proof(
    store: &mut dyn Store,
    issue_id: Id,
    source: &str,
    proof: &ReturnedProof,
    author: &str,
) -> Result<ReturnedProofReport, AppError> {
    let record = store.issue(issue_id)?;
    check_same_articles(source, &record.issue.articles, &proof.articles)?;
    let threads = store.comment_threads_of_issue(issue_id)?;
    let mapping = ThreadMapping::new(issue_id, &proof.comments, &threads);
    let mut report = ReturnedProofReport {
        source: source.to_owned(),
        articles_changed: 0,
        suggestions: 0,
        new_threads: 0,
        replies: 0,
    };
    let mut quotes: HashMap<String, (Id, String)> = HashMap::new();
    for ((article_id, stored), returned) in
        record.article_ids.iter().zip(&record.issue.articles).zip(&proof.articles)
    {
        let updated = merged_article(source, stored, returned, &mapping)?;
        for inline in updated.inlines() {
            for thread in &inline.comments {
                quotes
                    .entry(thread.clone())
                    .or_insert_with(|| (*article_id, String::new()))
                    .1
                    .push_str(&inline.text);
            }
        }
        report.suggestions += updated.pending_suggestions().len() as u32;
        if &updated != stored {
            let revision = store.article(*article_id)?.revision;
            let guard = SaveGuard { base_revision: Some(revision), holder: Some(author) };
            store.save_article(*article_id, &updated, author, &guard)?;
            report.articles_changed += 1;
        }
    }
    for comment in proof.comments.iter().filter(|c| c.parent.is_none()) {
        let Some(thread_id) = mapping.thread_of(&comment.id) else { continue };
        let existing = threads.iter().find(|t| t.id == thread_id);
        if existing.is_none() {
            let Some((article_id, quote)) = quotes.get(thread_id) else { continue };
            let new = NewComment {
                thread_id,
                article_id: *article_id,
                quote,
                author: &comment.author,
                body: &comment.text,
                anchor: None,
            };
            store.add_comment_thread(&new)?;
            report.new_threads += 1;
        }
        for reply in replies_to(&proof.comments, &comment.id) {
            let known = existing
                .is_some_and(|t| t.messages.iter().any(|m| m.author == reply.author && m.body == reply.text));
            if !known {
                store.add_comment_reply(thread_id, &reply.author, &reply.text)?;
                report.replies += 1;
            }
        }
    }
    Ok(report)
}

fn check_same_articles(
    source: &str,
    stored: &[Article],
    returned: &[ReturnedArticle],
) -> Result<(), AppError> {
    let titles_match =
        stored.len() == returned.len() && stored.iter().zip(returned).all(|(s, r)| s.title_text() == r.title);
    if titles_match {
        return Ok(());
    }
    Err(AppError::invalid(format!(
        "“{source}”是简报台导出的 Word 校样，但其中的文章（{} 篇）与本期（{} 篇）的标题或顺序对不上，未导入任何内容。请确认导入的是本期的校样；如果本期在导出后增删过文章，请重新导出校样再送审。",
        returned.len(),
        stored.len()
    )))
}

/// The stored article with the returned text of its 编者按, paragraphs and headings; titles,
/// pictures and attributions are not edited through Word.
fn merged_article(
    source: &str,
    stored: &Article,
    returned: &ReturnedArticle,
    mapping: &ThreadMapping,
) -> Result<Article, AppError> {
    let mut ids = SuggestionIds::default();
    let mut article = stored.clone();
    if let Some(note) = &returned.editor_note {
        article.editor_note = inlines_of(note, mapping, &mut ids);
    }
    let mut texts = returned.blocks.iter();
    for block in &mut article.body {
        match block {
            Block::Paragraph { content } | Block::Heading { content, .. } => {
                let Some(runs) = texts.next() else {
                    return Err(paragraphs_differ(source, stored));
                };
                *content = inlines_of(runs, mapping, &mut ids);
            }
            Block::Image { .. } => {}
        }
    }
    if texts.next().is_some() {
        return Err(paragraphs_differ(source, stored));
    }
    Ok(article)
}

fn paragraphs_differ(source: &str, article: &Article) -> AppError {
    AppError::invalid(format!(
        "“{source}”中文章“{}”的段落数与本期不同（在 Word 中增删了段落），未导入任何内容。请在 Word 中只用修订修改段落内的文字，或在简报台中直接修改。",
        article.title_text()
    ))
}

/// Suggestion ids of one article: neighbouring runs of one change share an id, and a
/// deletion followed by an insertion of the same author is one replacement, as the editor
/// stores it.
#[derive(Debug, Default)]
struct SuggestionIds {
    next: u32,
    last: Option<(SuggestionKind, String)>,
}

impl SuggestionIds {
    fn id_for(&mut self, kind: SuggestionKind, author: &str) -> u32 {
        let continues = match &self.last {
            Some((last_kind, last_author)) => {
                last_author == author
                    && (*last_kind == kind
                        || (*last_kind == SuggestionKind::Deletion && kind == SuggestionKind::Insertion))
            }
            None => false,
        };
        if !continues {
            self.next += 1;
        }
        self.last = Some((kind, author.to_owned()));
        self.next
    }

    fn plain(&mut self) {
        self.last = None;
    }
}

fn inlines_of(runs: &[ReturnedRun], mapping: &ThreadMapping, ids: &mut SuggestionIds) -> Vec<Inline> {
    let mut inlines: Vec<Inline> = Vec::new();
    ids.plain();
    for run in runs {
        let suggestion = match &run.change {
            Some(change) => Some(Suggestion {
                kind: change.kind,
                id: ids.id_for(change.kind, &change.author),
                author: change.author.clone(),
                at: change.date.clone(),
            }),
            None => {
                ids.plain();
                None
            }
        };
        // A thread's replies cover the same range as its first comment: one anchor each.
        let mut comments: Vec<String> = Vec::new();
        for thread in run.comments.iter().filter_map(|id| mapping.thread_of(id)) {
            if !comments.iter().any(|known| known == thread) {
                comments.push(thread.to_owned());
            }
        }
        let inline = Inline { text: run.text.clone(), bold: run.bold, suggestion, comments };
        match inlines.last_mut() {
            Some(last)
                if last.bold == inline.bold
                    && last.suggestion == inline.suggestion
                    && last.comments == inline.comments =>
            {
                last.text.push_str(&inline.text);
            }
            _ => inlines.push(inline),
        }
    }
    inlines
}

/// Which comment thread each Word comment belongs to: a comment that went out with the
/// proof is its thread again (same author, same words); one the leader added is a new thread;
/// a reply belongs to its root's thread.
#[derive(Debug)]
struct ThreadMapping {
    threads: HashMap<String, String>,
}

impl ThreadMapping {
    fn new(issue_id: Id, comments: &[WordComment], stored: &[CommentThread]) -> Self {
        let mut threads = HashMap::new();
        for comment in comments.iter().filter(|c| c.parent.is_none()) {
            let known = stored.iter().find(|thread| {
                thread.messages.first().is_some_and(|m| m.author == comment.author && m.body == comment.text)
            });
            let id = match known {
                Some(thread) => thread.id.clone(),
                None => format!("word-{issue_id}-{}-{}", comment.date, comment.id),
            };
            threads.insert(comment.id.clone(), id);
        }
        for comment in comments {
            let mut root = comment;
            while let Some(parent) = root.parent.as_ref().and_then(|p| comments.iter().find(|c| &c.id == p)) {
                root = parent;
            }
            if let Some(id) = threads.get(&root.id).cloned() {
                threads.insert(comment.id.clone(), id);
            }
        }
        ThreadMapping { threads }
    }

    fn thread_of(&self, word_id: &str) -> Option<&str> {
        self.threads.get(word_id).map(String::as_str)
    }
}

fn replies_to<'a>(comments: &'a [WordComment], root: &'a str) -> impl Iterator<Item = &'a WordComment> {
    comments.iter().filter(move |c| c.parent.as_deref() == Some(root))
}
