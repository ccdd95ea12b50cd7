//! Putting a comment's anchor into an article's runs after the fact: when a proofreader
//! comments on an article someone else is editing, the thread is kept with where it was made,
//! and the anchor goes into the text when the article is next free.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Article, Block, Inline};

/// Where a comment was made: the part, the block and the range of characters (code points,
/// over the runs' text including pending suggestions), as the commenter's editor saw it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CommentAnchor {
    pub part: AnchorPart,
    pub block: u32,
    pub start: u32,
    pub end: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum AnchorPart {
    EditorNote,
    Body,
}

impl Article {
    /// Marks `quote` with `thread_id`: at the anchor's range if the text there is still the
    /// quote, else at the occurrence of the quote in the same block nearest to it (the text
    /// moved when something was typed before it). False when the block holds the quote no
    /// longer: the thread then shows that its text is gone.
    pub fn place_comment(&mut self, thread_id: &str, anchor: &CommentAnchor, quote: &str) -> bool {
        let Some(runs) = self.anchor_runs(anchor) else { return false };
        let text: Vec<char> = runs.iter().flat_map(|run| run.text.chars()).collect();
        let quote: Vec<char> = quote.chars().collect();
        let Some(start) = nearest_occurrence(&text, &quote, anchor.start as usize) else { return false };
        mark_range(runs, start, start + quote.len(), thread_id);
        true
    }

    fn anchor_runs(&mut self, anchor: &CommentAnchor) -> Option<&mut Vec<Inline>> {
        match anchor.part {
            AnchorPart::EditorNote => Some(&mut self.editor_note),
            AnchorPart::Body => match self.body.get_mut(anchor.block as usize)? {
                Block::Paragraph { content } | Block::Heading { content, .. } => Some(content),
                Block::Image { .. } => None,
            },
        }
    }
}

fn nearest_occurrence(text: &[char], quote: &[char], near: usize) -> Option<usize> {
    if quote.is_empty() || quote.len() > text.len() {
        return None;
    }
    (0..=text.len() - quote.len())
        .filter(|&at| text[at..at + quote.len()] == *quote)
        .min_by_key(|&at| at.abs_diff(near))
}

/// Adds `thread_id` to the runs over characters `start..end`, splitting the runs at the ends.
fn mark_range(runs: &mut Vec<Inline>, start: usize, end: usize, thread_id: &str) {
    let mut marked = Vec::with_capacity(runs.len() + 2);
    let mut at = 0;
    for run in runs.drain(..) {
        let chars: Vec<char> = run.text.chars().collect();
        let (run_start, run_end) = (at, at + chars.len());
        at = run_end;
        let cut = |from: usize, to: usize| Inline { text: chars[from..to].iter().collect(), ..run.clone() };
        let (from, to) =
            (start.clamp(run_start, run_end) - run_start, end.clamp(run_start, run_end) - run_start);
        if from == to {
            marked.push(run);
            continue;
        }
        if from > 0 {
            marked.push(cut(0, from));
        }
        let mut middle = cut(from, to);
        if !middle.comments.iter().any(|id| id == thread_id) {
            middle.comments.push(thread_id.to_owned());
        }
        marked.push(middle);
        if to < chars.len() {
            marked.push(cut(to, chars.len()));
        }
    }
    *runs = marked;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body_anchor(block: u32, start: u32, end: u32) -> CommentAnchor {
        CommentAnchor { part: AnchorPart::Body, block, start, end }
    }

    fn article(runs: Vec<Inline>) -> Article {
        Article {
            body: vec![Block::heading(1, "一、总体"), Block::Paragraph { content: runs }],
            ..Article::empty()
        }
    }

    fn marked_texts(article: &Article) -> Vec<(String, Vec<String>)> {
        match &article.body[1] {
            Block::Paragraph { content } => {
                content.iter().map(|r| (r.text.clone(), r.comments.clone())).collect()
            }
            other => panic!("the test article's second block is a paragraph, not {other:?}"),
        }
    }

    #[test]
    fn the_quote_at_its_place_is_marked_across_runs_and_split_out() {
        let mut article = article(vec![Inline::plain("代表建议"), Inline::styled("办理情况", true)]);
        assert!(article.place_comment("t1", &body_anchor(1, 2, 6), "建议办理"));
        let texts = marked_texts(&article);
        assert_eq!(
            texts,
            vec![
                ("代表".into(), vec![]),
                ("建议".into(), vec!["t1".into()]),
                ("办理".into(), vec!["t1".into()]),
                ("情况".into(), vec![]),
            ]
        );
    }

    #[test]
    fn text_typed_before_the_quote_moves_it_and_the_nearest_copy_is_marked() {
        // The commenter saw 督办 at 4..6; the editor has since typed two characters before it.
        let mut article = article(vec![Inline::plain("督办要抓，新增督办要实")]);
        assert!(article.place_comment("t2", &body_anchor(1, 6, 8), "督办"));
        let texts = marked_texts(&article);
        assert_eq!(texts[1], ("督办".into(), vec!["t2".into()]), "{texts:?}");
    }

    #[test]
    fn a_quote_no_longer_in_the_block_is_not_placed() {
        let mut article = article(vec![Inline::plain("全文已改写")]);
        assert!(!article.place_comment("t3", &body_anchor(1, 0, 2), "原文"));
        assert!(!article.place_comment("t3", &body_anchor(7, 0, 2), "全文"), "no such block");
        assert_eq!(marked_texts(&article), vec![("全文已改写".into(), vec![])]);
    }
}
