//! The texts of an article the search index keeps, one row each, placed as the proof checks
//! place their findings (`proof::Part`, block, characters), so that the editor selects a hit
//! exactly as it selects a finding.

use crate::domain::{Article, count_han};
use crate::proof::{Part, article_texts};

/// One text of an article as indexed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexedText {
    pub part: Part,
    /// The body block's index (blocks keep their places); 0 for the other parts.
    pub block: u32,
    pub text: String,
    /// Han characters, the unit 字数 is counted in (see `Article::han_count`).
    pub han_count: u32,
}

impl IndexedText {
    /// Whether the text is part of the article's 字数: everything but the attribution line.
    pub fn counts_as_characters(&self) -> bool {
        self.part != Part::Attribution
    }
}

/// The article's texts in reading order, as printed: pending suggestions are not yet the text
/// (`Article::settled_block_for_block`); empty texts (a picture without caption) are left out.
pub fn indexed_texts(article: &Article) -> Vec<IndexedText> {
    article_texts(&article.settled_block_for_block())
        .into_iter()
        .filter(|(_, _, text)| !text.is_empty())
        .map(|(part, block, text)| IndexedText { part, block, han_count: count_han(&text) as u32, text })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Block, Inline, Suggestion, SuggestionKind};

    fn article() -> Article {
        Article {
            title: vec!["沅陵县：代表".into(), "进村入户听民声".into()],
            byline: Some("杨青 田禾".into()),
            body: vec![
                Block::heading(1, "一、走访"),
                Block::Image { src: "data:image/png;base64,".into(), caption: None },
                Block::paragraph("代表们走进12个村。"),
            ],
            contributors: vec!["沅陵县人大常委会".into(), "怀化市人大常委会".into()],
            ..Article::empty()
        }
    }

    #[test]
    fn texts_are_placed_by_part_and_block_and_empty_ones_are_left_out() {
        let places: Vec<_> =
            indexed_texts(&article()).into_iter().map(|t| (t.part, t.block, t.text)).collect();
        assert_eq!(
            places,
            [
                (Part::Title, 0, "沅陵县：代表进村入户听民声".to_owned()),
                (Part::Byline, 0, "杨青 田禾".to_owned()),
                (Part::Body, 0, "一、走访".to_owned()),
                (Part::Body, 2, "代表们走进12个村。".to_owned()),
                (Part::Attribution, 0, "（沅陵县人大常委会、怀化市人大常委会 供稿）".to_owned()),
            ],
            "the picture without caption (block 1) has no text; block 2 keeps its index"
        );
    }

    #[test]
    fn the_counted_characters_are_the_articles_han_count() {
        let article = article();
        let counted: u32 =
            indexed_texts(&article).iter().filter(|t| t.counts_as_characters()).map(|t| t.han_count).sum();
        assert_eq!(counted as usize, article.han_count());
        assert_eq!(counted, 12 + 4 + 3 + 7, "title, byline, heading, paragraph");
    }

    #[test]
    fn a_pending_insertion_is_not_indexed_until_accepted() {
        let mut article = article();
        let inserted = Inline {
            suggestion: Some(Suggestion {
                id: 1,
                kind: SuggestionKind::Insertion,
                author: "李校对".into(),
                at: "2025-09-01T08:00:00Z".into(),
            }),
            ..Inline::plain("新增")
        };
        article.body[2] = Block::Paragraph { content: vec![Inline::plain("代表们"), inserted] };
        let body: Vec<_> =
            indexed_texts(&article).into_iter().filter(|t| t.block == 2).map(|t| t.text).collect();
        assert_eq!(body, ["代表们"]);
    }
}
