//! What a hit shows: a window of the text around the first match, with every match in it
//! marked by character offsets (Unicode code points, as Rust and the proof findings count;
//! the UI slices with `Array.from`), never as HTML, so no text from an article is ever markup.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::SearchText;

/// Characters shown before the first match, and at most in a whole snippet.
const BEFORE: usize = 20;
const LENGTH: usize = 80;
/// Marks text cut off at either end of the snippet.
const CUT: char = '…';

/// A half-open range of characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TextRange {
    pub start: u32,
    pub end: u32,
}

/// A piece of a text around its first match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Snippet {
    pub text: String,
    /// The matches within `text`.
    pub highlights: Vec<TextRange>,
    /// The first match within the whole text, where the editor selects.
    pub first: Option<TextRange>,
}

impl Snippet {
    /// The text with each highlight between `open` and `close`, for a terminal or a file.
    pub fn marked(&self, open: char, close: char) -> String {
        let chars: Vec<char> = self.text.chars().collect();
        let mut out = String::new();
        let mut at = 0;
        for range in &self.highlights {
            let (start, end) = (range.start as usize, range.end as usize);
            out.extend(&chars[at..start]);
            out.push(open);
            out.extend(&chars[start..end]);
            out.push(close);
            at = end;
        }
        out.extend(&chars[at..]);
        out
    }
}

/// Every match of `query` in `text`, left to right, not overlapping.
pub fn occurrences(text: &str, query: &SearchText) -> Vec<TextRange> {
    let folded_text = text.to_ascii_lowercase();
    let folded_query = query.folded();
    let mut byte_ranges = Vec::new();
    let mut from = 0;
    while let Some(found) = folded_text[from..].find(&folded_query) {
        let start = from + found;
        let end = start + folded_query.len();
        byte_ranges.push(start..end);
        from = end;
    }
    // ASCII folding keeps every byte where it was, so these offsets are the original's.
    let char_at = |byte: usize| text[..byte].chars().count() as u32;
    byte_ranges.into_iter().map(|r| TextRange { start: char_at(r.start), end: char_at(r.end) }).collect()
}

/// The window of `text` around its first match of `query`; the text's opening when it has none
/// (a store may have matched a letter this folding does not, such as a full-width one).
pub fn snippet(text: &str, query: &SearchText) -> Snippet {
    let chars: Vec<char> = text.chars().collect();
    let matches = occurrences(text, query);
    let first = matches.first().copied();
    let start = first.map_or(0, |m| (m.start as usize).saturating_sub(BEFORE));
    let end = (start + LENGTH).min(chars.len());
    let mut shown: String = chars[start..end].iter().collect();
    let lead = if start > 0 { 1 } else { 0 };
    if start > 0 {
        shown.insert(0, CUT);
    }
    if end < chars.len() {
        shown.push(CUT);
    }
    let highlights = matches
        .iter()
        .filter(|m| m.start as usize >= start && m.end as usize <= end)
        .map(|m| TextRange { start: m.start - start as u32 + lead, end: m.end - start as u32 + lead })
        .collect();
    Snippet { text: shown, highlights, first }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(text: &str) -> SearchText {
        SearchText::parse(text).expect("searchable")
    }

    fn marked(snippet: &Snippet) -> String {
        snippet.marked('[', ']')
    }

    #[test]
    fn every_match_is_found_in_characters_not_bytes() {
        let found = occurrences("人大代表联系人大常委会", &query("人大"));
        assert_eq!(found, [TextRange { start: 0, end: 2 }, TextRange { start: 6, end: 8 }]);
        assert_eq!(occurrences("哈哈哈哈", &query("哈哈")).len(), 2, "matches do not overlap");
    }

    #[test]
    fn latin_letters_match_without_case() {
        let found = occurrences("推进5G基站和5g应用", &query("5G"));
        assert_eq!(found.len(), 2);
        assert_eq!(found[1], TextRange { start: 7, end: 9 });
    }

    #[test]
    fn a_short_text_is_shown_whole_with_its_matches_marked() {
        let shown = snippet("县人大常委会组织代表视察人大代表之家。", &query("人大"));
        assert_eq!(marked(&shown), "县[人大]常委会组织代表视察[人大]代表之家。");
        assert_eq!(shown.first, Some(TextRange { start: 1, end: 3 }));
    }

    #[test]
    fn a_long_text_is_cut_around_the_first_match() {
        let text = format!("{}乡村振兴{}", "甲".repeat(50), "乙".repeat(100));
        let shown = snippet(&text, &query("乡村振兴"));
        assert!(shown.text.starts_with('…') && shown.text.ends_with('…'), "{}", shown.text);
        assert_eq!(shown.text.chars().count(), LENGTH + 2);
        assert_eq!(marked(&shown), format!("…{}[乡村振兴]{}…", "甲".repeat(20), "乙".repeat(56)));
        assert_eq!(shown.first, Some(TextRange { start: 50, end: 54 }), "in the whole text, for the editor");
    }

    #[test]
    fn a_match_cut_by_the_window_is_not_marked() {
        let text = format!("人大{}人大", "丙".repeat(77));
        let shown = snippet(&text, &query("人大"));
        assert_eq!(
            shown.highlights,
            [TextRange { start: 0, end: 2 }],
            "the second starts at 79, ends past 80"
        );
    }

    #[test]
    fn a_text_without_the_match_shows_its_opening() {
        let shown = snippet("全文没有这个词。", &query("人大"));
        assert_eq!((shown.text.as_str(), shown.highlights.len(), shown.first), ("全文没有这个词。", 0, None));
    }
}
