use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{BlockSuggestion, FieldSuggestion, Suggestion};

/// One piece of a bulletin: a title (kept as the editor broke it into lines), optional
/// furniture around the body, the body itself, and the attribution line at its end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Article {
    /// Title lines as the editor broke them; the layout keeps these breaks.
    pub title: Vec<String>,
    /// `——…` line under the title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub subtitle: Option<String>,
    /// Authors, printed centred under the title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub byline: Option<String>,
    /// 编者按: printed before the body, after a 【编者按】 label.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(optional, as = "Option<_>")]
    pub editor_note: Vec<Inline>,
    pub body: Vec<Block>,
    /// Contributing units of the `（…供稿）` line, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(optional, as = "Option<_>")]
    pub contributors: Vec<String>,
    /// What follows 摘编自 in the `（摘编自…）` line, as typed (with or without 《》).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub source: Option<String>,
    /// Pending suggestions on the title, subtitle, byline, captions and attribution line; the
    /// fields above hold the settled text (see `structure`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(optional, as = "Option<_>")]
    pub field_suggestions: Vec<FieldSuggestion>,
    /// Pending suggestions on the body's structure: blocks inserted, deleted, split, joined or
    /// changed in kind (see `structure`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(optional, as = "Option<_>")]
    pub block_suggestions: Vec<BlockSuggestion>,
}

impl Article {
    /// An article with nothing in it yet: a new article in the editor, or one being assembled.
    pub fn empty() -> Self {
        Article {
            title: vec![],
            subtitle: None,
            byline: None,
            editor_note: vec![],
            body: vec![],
            contributors: vec![],
            source: None,
            field_suggestions: vec![],
            block_suggestions: vec![],
        }
    }

    /// The title as one line, as the 要目 and the issue list show it.
    pub fn title_text(&self) -> String {
        self.title.concat()
    }

    /// The title as one line of a table of contents: the stored lines joined by `separator`
    /// (none after a line that ends in a mark such as `：`, which already separates), and a
    /// space typed between two phrases (`抓重点 求突破`) kept as a full-width space.
    pub fn title_for_contents(&self, separator: &str) -> String {
        let mut joined = String::new();
        for line in self.title.iter().map(|line| line.trim()).filter(|line| !line.is_empty()) {
            let ends_in_mark = joined.chars().last().is_some_and(|c| "：，、；:,".contains(c));
            if !joined.is_empty() && !ends_in_mark {
                joined.push_str(separator);
            }
            joined.push_str(line);
        }
        full_width_phrase_spaces(&joined)
    }

    /// The attribution lines printed after the body: `（摘编自…）` and `（… 供稿）`, each if the
    /// article has it, in that order (an article taken from a paper and sent in by a unit
    /// ends with both).
    pub fn attribution_lines(&self) -> Vec<String> {
        let source = self.source.iter().map(|source| format!("（摘编自{source}）"));
        let units =
            (!self.contributors.is_empty()).then(|| format!("（{} 供稿）", self.contributors.join("、")));
        source.chain(units).collect()
    }

    /// Han characters in the article, the unit editors count manuscripts in.
    pub fn han_count(&self) -> usize {
        let furniture = self.title.iter().chain(&self.subtitle).chain(&self.byline);
        let furniture: usize = furniture.map(|line| count_han(line)).sum();
        let note: usize = self.editor_note.iter().map(|i| count_han(&i.text)).sum();
        let body: usize = self.body.iter().map(Block::han_count).sum();
        furniture + note + body
    }
}

/// A block of an article's body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "camelCase", deny_unknown_fields)]
pub enum Block {
    Paragraph {
        content: Vec<Inline>,
    },
    /// Level 1 `一、`, level 2 `（一）`, level 3 `1.`; the numbering is part of the text.
    Heading {
        level: u8,
        content: Vec<Inline>,
    },
    Image {
        /// A `data:` URL, so that an issue file carries its pictures with it.
        src: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        caption: Option<String>,
    },
}

impl Block {
    pub fn paragraph(text: &str) -> Self {
        Block::Paragraph { content: vec![Inline::plain(text)] }
    }

    pub fn heading(level: u8, text: &str) -> Self {
        Block::Heading { level, content: vec![Inline::plain(text)] }
    }

    /// The block's text without formatting.
    pub fn plain_text(&self) -> String {
        match self {
            Block::Paragraph { content } | Block::Heading { content, .. } => {
                content.iter().map(|i| i.text.as_str()).collect()
            }
            Block::Image { caption, .. } => caption.clone().unwrap_or_default(),
        }
    }

    fn han_count(&self) -> usize {
        count_han(&self.plain_text())
    }
}

/// A run of text; bold is the only emphasis a bulletin uses. A run may carry a proofreader's
/// pending change and the comment threads anchored on it (see `review`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Inline {
    pub text: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[ts(optional, as = "Option<bool>")]
    pub bold: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub suggestion: Option<Suggestion>,
    /// Ids of the comment threads anchored on this run.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(optional, as = "Option<_>")]
    pub comments: Vec<String>,
}

impl Inline {
    pub fn plain(text: &str) -> Self {
        Inline::styled(text, false)
    }

    pub fn styled(text: &str, bold: bool) -> Self {
        Inline { text: text.to_owned(), bold, suggestion: None, comments: vec![] }
    }
}

/// Counts CJK unified ideographs (basic block and extension A), as 字数 is counted in an office.
pub fn count_han(text: &str) -> usize {
    text.chars().filter(|c| matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')).count()
}

/// Spaces between two Han characters become one ideographic space (U+3000); other spaces, as
/// between Latin words, stay.
fn full_width_phrase_spaces(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let han =
        |c: Option<&char>| c.is_some_and(|c| ('\u{4E00}'..='\u{9FFF}').contains(c) || "”》）".contains(*c));
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let run_end = (i..chars.len()).find(|&k| chars[k] != ' ').unwrap_or(chars.len());
        if chars[i] == ' ' && i > 0 && han(chars.get(i - 1)) && han(chars.get(run_end)) {
            out.push('\u{3000}');
            i = run_end;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article() -> Article {
        Article {
            title: vec!["会同县：“五纳入五保障”将".into(), "“三会三文”精神转化为惠民实招".into()],
            subtitle: None,
            byline: None,
            editor_note: vec![],
            body: vec![Block::heading(1, "一、纳入"), Block::paragraph("县委将")],
            contributors: vec!["会同县人大常委会".into()],
            source: None,
            field_suggestions: vec![],
            block_suggestions: vec![],
        }
    }

    #[test]
    fn title_for_contents_joins_lines_and_keeps_phrase_spaces_full_width() {
        let mut a = article();
        assert_eq!(a.title_for_contents(""), a.title_text());
        a.title = vec!["湘潭县：".into(), "小切口立法见实效".into()];
        assert_eq!(a.title_for_contents("　"), "湘潭县：小切口立法见实效", "none after ：");
        a.title = vec!["抓重点 求突破".into(), "开创代表工作新局面".into()];
        assert_eq!(a.title_for_contents("　"), "抓重点　求突破　开创代表工作新局面");
        assert_eq!(a.title_for_contents(""), "抓重点　求突破开创代表工作新局面");
        a.title = vec!["推进 NPC 数字化".into()];
        assert_eq!(a.title_for_contents(""), "推进 NPC 数字化", "spaces beside Latin words stay");
    }

    #[test]
    fn title_text_joins_lines_without_separator() {
        assert_eq!(article().title_text(), "会同县：“五纳入五保障”将“三会三文”精神转化为惠民实招");
    }

    #[test]
    fn attribution_lines_source_first_then_units() {
        let mut a = article();
        assert_eq!(a.attribution_lines(), ["（会同县人大常委会 供稿）"]);
        a.source = Some("《湖南日报》".into());
        assert_eq!(a.attribution_lines(), ["（摘编自《湖南日报》）", "（会同县人大常委会 供稿）"]);
        a.contributors.clear();
        assert_eq!(a.attribution_lines(), ["（摘编自《湖南日报》）"]);
        a.source = None;
        assert!(a.attribution_lines().is_empty());
    }

    #[test]
    fn han_count_ignores_punctuation_and_digits() {
        assert_eq!(count_han("2025年“三会三文”，"), 5);
        assert_eq!(article().han_count(), 22 + 4 + 3);
    }

    #[test]
    fn block_json_is_tagged_by_type() {
        let json = serde_json::to_string(&Block::heading(2, "（一）")).expect("plain data");
        assert_eq!(json, r#"{"type":"heading","level":2,"content":[{"text":"（一）"}]}"#);
    }
}
