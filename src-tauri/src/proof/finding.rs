//! What a check reports and where.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Which rule a finding comes from; the JSON and the UI use the kebab-case name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum RuleId {
    HalfWidthPunctuation,
    StraightQuotes,
    UnpairedMark,
    EnumerationCommaBetweenQuotes,
    DoubledPunctuation,
    DashForm,
    EllipsisForm,
    TitleWithoutBookMarks,
    RangeUnit,
    PhoneDash,
    ShortYear,
    LeadingZero,
    YearBrackets,
    Word,
    Typo,
    UnknownPlace,
    WrongPrefecture,
    CrossForPlus,
    DuplicatedCharacter,
    LongSentence,
    AttributionPlace,
    HeadingSequence,
    MastheadDate,
    MastheadRoundDate,
    FooterField,
}

impl RuleId {
    /// The family a rule belongs to, as the findings are grouped for the editor.
    pub fn family(self) -> &'static str {
        use RuleId::*;
        match self {
            HalfWidthPunctuation
            | StraightQuotes
            | UnpairedMark
            | EnumerationCommaBetweenQuotes
            | DoubledPunctuation
            | DashForm
            | EllipsisForm
            | TitleWithoutBookMarks => "标点",
            RangeUnit | PhoneDash | ShortYear | LeadingZero | YearBrackets => "数字",
            Word => "用词",
            Typo => "字词",
            UnknownPlace | WrongPrefecture => "地名",
            CrossForPlus | DuplicatedCharacter | LongSentence => "文字",
            AttributionPlace | HeadingSequence | MastheadDate | MastheadRoundDate | FooterField => "前后一致",
        }
    }
}

/// Which text of an article (or of the issue) a finding is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Part {
    Title,
    Subtitle,
    Byline,
    EditorNote,
    Body,
    Attribution,
    Masthead,
    Footer,
}

impl Part {
    /// Every part, in the order `key` names them.
    pub const ALL: [Part; 8] = [
        Part::Title,
        Part::Subtitle,
        Part::Byline,
        Part::EditorNote,
        Part::Body,
        Part::Attribution,
        Part::Masthead,
        Part::Footer,
    ];

    /// The name the JSON uses, also the one a store keeps (the search index's `part` column).
    pub fn key(self) -> &'static str {
        match self {
            Part::Title => "title",
            Part::Subtitle => "subtitle",
            Part::Byline => "byline",
            Part::EditorNote => "editorNote",
            Part::Body => "body",
            Part::Attribution => "attribution",
            Part::Masthead => "masthead",
            Part::Footer => "footer",
        }
    }

    pub fn from_key(key: &str) -> Option<Part> {
        Part::ALL.into_iter().find(|part| part.key() == key)
    }

    pub fn as_chinese(self) -> &'static str {
        match self {
            Part::Title => "标题",
            Part::Subtitle => "副题",
            Part::Byline => "署名",
            Part::EditorNote => "编者按",
            Part::Body => "正文",
            Part::Attribution => "供稿行",
            Part::Masthead => "报头",
            Part::Footer => "报尾",
        }
    }
}

/// One finding: where, what, why, and the replacement for `text` if there is one.
/// See the module documentation of `proof` for what `block`, `start` and `end` count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    pub rule: RuleId,
    /// Index of the article in print order; `None` for the masthead and footer.
    pub article: Option<u32>,
    pub part: Part,
    pub block: u32,
    pub start: u32,
    pub end: u32,
    /// The flagged characters `start..end`.
    pub text: String,
    /// Why, in Chinese, citing the rule.
    pub message: String,
    /// What replaces `text` if the editor applies the fix; `None` when only a person can fix it.
    pub suggestion: Option<String>,
}

/// A finding within one text, before it is placed in the issue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub rule: RuleId,
    /// Character offsets, half-open.
    pub start: usize,
    pub end: usize,
    pub message: String,
    pub suggestion: Option<String>,
}

impl Hit {
    pub fn new(
        rule: RuleId,
        range: std::ops::Range<usize>,
        message: String,
        suggestion: Option<String>,
    ) -> Self {
        Hit { rule, start: range.start, end: range.end, message, suggestion }
    }

    /// The hit as a finding in `text`, which it was found in.
    pub fn at(self, article: Option<u32>, part: Part, block: u32, text: &str) -> Finding {
        let flagged = text.chars().skip(self.start).take(self.end - self.start).collect();
        Finding {
            rule: self.rule,
            article,
            part,
            block,
            start: self.start as u32,
            end: self.end as u32,
            text: flagged,
            message: self.message,
            suggestion: self.suggestion,
        }
    }
}

/// Character offset of each byte offset a regex match gives, for one text.
pub(crate) struct CharIndex {
    starts: Vec<usize>,
}

impl CharIndex {
    pub(crate) fn new(text: &str) -> Self {
        CharIndex { starts: text.char_indices().map(|(byte, _)| byte).collect() }
    }

    /// The character offset at byte offset `byte` (a char boundary, or the text's end).
    pub(crate) fn chars(&self, byte: usize) -> usize {
        self.starts.partition_point(|&b| b < byte)
    }

    pub(crate) fn range(&self, bytes: std::ops::Range<usize>) -> std::ops::Range<usize> {
        self.chars(bytes.start)..self.chars(bytes.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_count_characters_not_bytes() {
        let text = "会议,指出";
        let index = CharIndex::new(text);
        let byte = text.find(',').expect("has a comma");
        assert_eq!(index.range(byte..byte + 1), 2..3);
        let finding = Hit::new(RuleId::HalfWidthPunctuation, 2..3, String::new(), None).at(
            Some(0),
            Part::Body,
            1,
            text,
        );
        assert_eq!((finding.start, finding.end, finding.text.as_str()), (2, 3, ","));
    }

    #[test]
    fn a_parts_key_is_its_json_name() {
        for part in Part::ALL {
            let json = serde_json::to_value(part).expect("plain data");
            assert_eq!(json, part.key(), "the stored name must read back as the JSON does");
            assert_eq!(Part::from_key(part.key()), Some(part));
        }
    }

    #[test]
    fn json_has_the_documented_field_names() {
        let finding = Hit::new(RuleId::Word, 0..2, "说明".into(), Some("其他".into())).at(
            Some(1),
            Part::Body,
            3,
            "其它",
        );
        let json = serde_json::to_value(&finding).expect("plain data");
        for field in ["rule", "article", "block", "start", "end", "text", "message", "suggestion"] {
            assert!(json.get(field).is_some(), "{field} in {json}");
        }
        assert_eq!(json["rule"], "word");
    }
}
