//! Runs of text, and in a proof what proofreaders left on them: a pending suggestion becomes
//! a Word tracked change (`w:ins`/`w:del` with its author and date) and a comment thread a
//! Word comment (its replies as answers in the thread), so a leader can accept, reject and
//! answer them in Word or WPS.

use std::collections::HashMap;

use docx_rs::{Comment, Delete, Insert, Paragraph, Run};

use crate::domain::{Article, Inline, SuggestionKind};
use crate::store::CommentThread;

/// The editor anchors a paragraph-boundary change on a zero-width space; Word has no use for it.
const ANCHOR: char = '\u{200B}';

/// Places comments across the whole document: Word numbers them once per file.
#[derive(Debug)]
pub(super) struct RunWriter<'a> {
    threads: &'a [CommentThread],
    next_comment_id: usize,
    /// Comment ids of each thread started, for closing its range.
    started: HashMap<String, Vec<usize>>,
    /// For the article being written: how many of each thread's runs are still to come.
    remaining: HashMap<String, usize>,
}

impl<'a> RunWriter<'a> {
    pub fn new(threads: &'a [CommentThread]) -> Self {
        RunWriter { threads, next_comment_id: 0, started: HashMap::new(), remaining: HashMap::new() }
    }

    /// Counts the runs each thread is anchored on, so its range closes after the last one
    /// even when that is paragraphs later.
    pub fn begin_article(&mut self, article: &Article) {
        self.remaining.clear();
        for inline in article.inlines() {
            for id in &inline.comments {
                *self.remaining.entry(id.clone()).or_default() += 1;
            }
        }
    }

    /// `paragraph` with `runs` appended; `style` is a character style for all of them.
    pub fn add_runs(&mut self, mut paragraph: Paragraph, runs: &[Inline], style: Option<&str>) -> Paragraph {
        for inline in runs {
            let text: String = inline.text.chars().filter(|&c| c != ANCHOR).collect();
            for id in &inline.comments {
                if !self.started.contains_key(id)
                    && let Some(thread) = self.threads.iter().find(|t| &t.id == id)
                {
                    let comments = self.comments_of(thread);
                    self.started.insert(id.clone(), comments.iter().map(Comment::id).collect());
                    for comment in comments {
                        paragraph = paragraph.add_comment_start(comment);
                    }
                }
            }
            if !text.is_empty() {
                paragraph = add_text(paragraph, inline, &text, style);
            }
            for id in &inline.comments {
                let left = self.remaining.get_mut(id).map(|n| {
                    *n = n.saturating_sub(1);
                    *n
                });
                if left == Some(0)
                    && let Some(ids) = self.started.get(id)
                {
                    for &comment_id in ids {
                        paragraph = paragraph.add_comment_end(comment_id);
                    }
                }
            }
        }
        paragraph
    }

    /// The thread's first message as the comment, each answer as a reply to it.
    fn comments_of(&mut self, thread: &CommentThread) -> Vec<Comment> {
        let mut comments: Vec<Comment> = Vec::new();
        let mut parent = None;
        for message in &thread.messages {
            let id = self.next_comment_id;
            self.next_comment_id += 1;
            let mut comment = Comment::new(id)
                .author(&message.author)
                .date(&message.written_at)
                .add_paragraph(Paragraph::new().add_run(Run::new().add_text(&message.body)));
            if let Some(parent) = parent {
                comment = comment.parent_comment_id(parent);
            }
            parent.get_or_insert(id);
            comments.push(comment);
        }
        comments
    }
}

fn add_text(paragraph: Paragraph, inline: &Inline, text: &str, style: Option<&str>) -> Paragraph {
    let run = |deleted: bool| {
        let mut run = Run::new();
        if let Some(style) = style {
            run = run.style(style);
        }
        if inline.bold {
            run = run.bold();
        }
        if deleted { run.add_delete_text(text) } else { run.add_text(text) }
    };
    match &inline.suggestion {
        None => paragraph.add_run(run(false)),
        Some(s) if s.kind == SuggestionKind::Insertion => {
            paragraph.add_insert(Insert::new(run(false)).author(&s.author).date(&s.at))
        }
        Some(s) => paragraph.add_delete(Delete::new().add_run(run(true)).author(&s.author).date(&s.at)),
    }
}
