//! What the user typed, read as one search: the text is searched as typed (no word
//! segmentation: Chinese needs none when every substring can be found), with the spaces at
//! its ends dropped and runs of spaces inside it read as one.

/// A trigram index finds substrings of at least this many characters; shorter queries (the
/// two characters of 人大) are answered by a scan of the same texts.
pub const TRIGRAM_CHARS: usize = 3;

/// A longer query is not a search term but a pasted paragraph.
pub const MAX_QUERY_CHARS: usize = 100;

/// A query ready for the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchText {
    text: String,
}

impl SearchText {
    /// The query, or the Chinese reason it cannot be searched.
    pub fn parse(typed: &str) -> Result<SearchText, String> {
        let text = typed.split_whitespace().collect::<Vec<_>>().join(" ");
        let length = text.chars().count();
        if length == 0 {
            return Err("请输入要查找的文字（一个字以上）".into());
        }
        if length > MAX_QUERY_CHARS {
            return Err(format!(
                "要查找的文字有 {length} 个字符，最多 {MAX_QUERY_CHARS} 个；请只输入要找的词句"
            ));
        }
        Ok(SearchText { text })
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn char_count(&self) -> usize {
        self.text.chars().count()
    }

    /// Too short for the trigram index: the store scans its texts instead.
    pub fn needs_scan(&self) -> bool {
        self.char_count() < TRIGRAM_CHARS
    }

    /// The query as the texts are compared: Latin letters in lower case, nothing else changed
    /// (so byte and character offsets stay those of the original).
    pub fn folded(&self) -> String {
        self.text.to_ascii_lowercase()
    }

    /// Whether the query has Latin letters, the only characters compared without case. Without
    /// them a text holds the query exactly when its lowered form does, and a store can skip
    /// lowering each text it scans.
    pub fn has_latin_letters(&self) -> bool {
        self.text.chars().any(|c| c.is_ascii_alphabetic())
    }

    /// The query as one FTS5 phrase: in double quotes, a quote inside doubled, so that no
    /// character the user types is read as query syntax.
    pub fn fts_phrase(&self) -> String {
        format!("\"{}\"", self.text.replace('"', "\"\""))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_at_the_ends_go_and_runs_inside_become_one() {
        let query = SearchText::parse("  人大   代表\u{3000}").expect("searchable");
        assert_eq!(query.as_str(), "人大 代表", "the ideographic space is white space too");
    }

    #[test]
    fn an_empty_or_overlong_query_is_refused_with_a_reason() {
        assert!(SearchText::parse(" \t").expect_err("nothing typed").contains("请输入"));
        let long = "字".repeat(MAX_QUERY_CHARS + 1);
        assert!(SearchText::parse(&long).expect_err("too long").contains("最多 100 个"));
        assert!(SearchText::parse(&"字".repeat(MAX_QUERY_CHARS)).is_ok());
    }

    #[test]
    fn queries_under_three_characters_need_a_scan() {
        let short = |text: &str| SearchText::parse(text).expect("searchable").needs_scan();
        assert!(short("人"));
        assert!(short("人大"));
        assert!(!short("人大代"));
        assert!(!short("ABC"));
    }

    #[test]
    fn quotes_cannot_break_out_of_the_phrase() {
        let query = SearchText::parse("“两会”\"OR\"").expect("searchable");
        assert_eq!(query.fts_phrase(), "\"“两会”\"\"OR\"\"\"");
    }

    #[test]
    fn latin_letters_are_told_apart_from_other_characters() {
        assert!(SearchText::parse("5G基站").expect("searchable").has_latin_letters());
        assert!(!SearchText::parse("２０２５年“两会”").expect("searchable").has_latin_letters());
    }

    #[test]
    fn folding_changes_latin_letters_only() {
        let query = SearchText::parse("GDP增长Ⅳ").expect("searchable");
        assert_eq!(query.folded(), "gdp增长Ⅳ");
    }
}
