//! What proofreaders leave in an article: suggested insertions and deletions (track changes)
//! and the anchors of comment threads. The text the layout, the proof checks and the round
//! snapshots read is the *settled* text: suggestions not yet accepted leave it as it was.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Article, Block, Inline, Issue};

/// A proofreader's pending change on a run of text, with who suggested it and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Suggestion {
    pub kind: SuggestionKind,
    /// Unique within the article; neighbouring runs of one change share it.
    pub id: u32,
    pub author: String,
    /// RFC 3339.
    pub at: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SuggestionKind {
    Insertion,
    Deletion,
}

/// The editor anchors a paragraph-boundary change on a zero-width space; it never prints.
const ANCHOR: char = '\u{200B}';

impl Issue {
    /// Every article settled (see `Article::settled`): what prints.
    pub fn settled(&self) -> Issue {
        Issue { articles: self.articles.iter().map(Article::settled).collect(), ..self.clone() }
    }
}

impl Article {
    /// The article as it stands before any pending suggestion is accepted, without comment
    /// anchors: suggested insertions are left out, suggested deletions are kept, a suggested
    /// split, join or kind change is not made, the title, subtitle, byline, captions and
    /// attribution line read as stored. A block that held suggested text only is left out, as
    /// the layout leaves out empty paragraphs.
    pub fn settled(&self) -> Article {
        let body = self.body.iter().map(settled_block).collect();
        let mut article = Article {
            editor_note: settled_runs(&self.editor_note),
            body: self.settled_structure(body),
            field_suggestions: vec![],
            block_suggestions: vec![],
            ..self.clone()
        };
        article.body.retain(|block| !matches!(block, Block::Paragraph { content } | Block::Heading { content, .. } if content.is_empty()));
        article
    }

    /// Like `settled`, but every block stays where it was, emptied if it held suggested text
    /// only or was suggested as new, kept apart if it was suggested as split off the one
    /// before: findings on it point at the stored article's blocks.
    pub fn settled_block_for_block(&self) -> Article {
        let mut body: Vec<Block> = self.body.iter().map(settled_block).collect();
        self.settle_structure_in_place(&mut body);
        Article {
            editor_note: settled_runs(&self.editor_note),
            body,
            field_suggestions: vec![],
            block_suggestions: vec![],
            ..self.clone()
        }
    }

    /// The ids of the suggestions waiting to be accepted or rejected: the runs' in reading
    /// order, then the furniture's and the structure's.
    pub fn pending_suggestions(&self) -> Vec<u32> {
        let mut ids: Vec<u32> = vec![];
        for inline in self.inlines() {
            if let Some(suggestion) = &inline.suggestion
                && !ids.contains(&suggestion.id)
            {
                ids.push(suggestion.id);
            }
        }
        for id in self.furniture_and_structure_ids() {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        ids
    }

    /// The comment threads anchored somewhere in the article, in reading order.
    pub fn comment_anchors(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = vec![];
        for id in self.inlines().flat_map(|inline| &inline.comments) {
            if !ids.contains(&id.as_str()) {
                ids.push(id);
            }
        }
        ids
    }

    /// Every run that can carry a suggestion or a comment: the 编者按's, then the body's.
    pub fn inlines(&self) -> impl Iterator<Item = &Inline> {
        let body = self.body.iter().flat_map(|block| match block {
            Block::Paragraph { content } | Block::Heading { content, .. } => content.as_slice(),
            Block::Image { .. } => &[],
        });
        self.editor_note.iter().chain(body)
    }
}

fn settled_block(block: &Block) -> Block {
    match block {
        Block::Paragraph { content } => Block::Paragraph { content: settled_runs(content) },
        Block::Heading { level, content } => Block::Heading { level: *level, content: settled_runs(content) },
        Block::Image { .. } => block.clone(),
    }
}

fn settled_runs(runs: &[Inline]) -> Vec<Inline> {
    let mut settled: Vec<Inline> = vec![];
    for run in runs {
        let inserted = matches!(&run.suggestion, Some(s) if s.kind == SuggestionKind::Insertion);
        let text: String = run.text.chars().filter(|&c| c != ANCHOR).collect();
        if inserted || text.is_empty() {
            continue;
        }
        match settled.last_mut() {
            Some(last) if last.bold == run.bold => last.text.push_str(&text),
            _ => settled.push(Inline::styled(&text, run.bold)),
        }
    }
    settled
}

#[cfg(test)]
mod tests {
    use super::*;

    fn suggested(text: &str, kind: SuggestionKind, id: u32) -> Inline {
        let suggestion =
            Suggestion { kind, id, author: "李校对".into(), at: "2026-11-23T10:00:00Z".into() };
        Inline { suggestion: Some(suggestion), ..Inline::plain(text) }
    }

    fn article_with(content: Vec<Inline>) -> Article {
        Article { body: vec![Block::Paragraph { content }], ..Article::empty() }
    }

    #[test]
    fn settled_text_leaves_insertions_out_and_keeps_deletions() {
        let article = article_with(vec![
            Inline::plain("截至"),
            suggested("10月", SuggestionKind::Insertion, 1),
            suggested("十月", SuggestionKind::Deletion, 2),
            Inline::plain("底"),
        ]);
        assert_eq!(article.settled().body, vec![Block::paragraph("截至十月底")]);
        assert_eq!(article.pending_suggestions(), vec![1, 2]);
    }

    #[test]
    fn a_paragraph_of_suggested_text_only_is_not_settled_text() {
        let article = article_with(vec![suggested("\u{200B}新段落", SuggestionKind::Insertion, 3)]);
        assert!(article.settled().body.is_empty());
        assert_eq!(article.settled_block_for_block().body, vec![Block::Paragraph { content: vec![] }]);
    }

    #[test]
    fn comment_anchors_are_listed_once_and_left_out_of_the_settled_text() {
        let anchored = Inline { comments: vec!["c1".into()], ..Inline::plain("代表") };
        let article = article_with(vec![anchored.clone(), Inline::plain("依法"), anchored]);
        assert_eq!(article.comment_anchors(), vec!["c1"]);
        assert_eq!(article.settled().body, vec![Block::paragraph("代表依法代表")]);
        assert!(article.pending_suggestions().is_empty());
    }
}
