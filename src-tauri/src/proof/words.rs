//! Confusable words and house terms, from a list the office can edit: one entry a line,
//! `wrong<TAB>right<TAB>condition<TAB>explanation`, `#` starts a comment. The default list is
//! shipped in the program (assets/proof/words.tsv); an office-edited copy replaces it.

use super::finding::{CharIndex, Hit, RuleId};

/// The word list shipped with the program.
pub const DEFAULT_WORDS: &str = include_str!("../../../assets/proof/words.tsv");

/// One line of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordEntry {
    pub wrong: String,
    pub right: String,
    /// A word that must occur in the same text for the entry to apply (`代表` for 行使权利).
    pub condition: Option<String>,
    pub explanation: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WordList {
    pub entries: Vec<WordEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("用词表第 {line} 行有误：{problem}。每行应为“错误写法、正确写法、条件、说明”四栏，用制表符分隔")]
pub struct WordListError {
    pub line: usize,
    pub problem: &'static str,
}

impl WordList {
    /// The list shipped with the program.
    pub fn shipped() -> Self {
        Self::parse(DEFAULT_WORDS).expect("the shipped word list is checked by a unit test")
    }

    /// Reads a list in the file format above; refuses it whole if a line is malformed, so
    /// that an editing slip is reported instead of silently dropping entries.
    pub fn parse(text: &str) -> Result<Self, WordListError> {
        let mut entries = Vec::new();
        for (index, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let error = |problem| WordListError { line: index + 1, problem };
            let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
            let [wrong, right, condition, explanation] = fields[..] else {
                return Err(error("栏数不是四栏"));
            };
            if wrong.is_empty() || right.is_empty() || explanation.is_empty() {
                return Err(error("错误写法、正确写法和说明都不能空"));
            }
            if wrong == right {
                return Err(error("错误写法与正确写法相同"));
            }
            entries.push(WordEntry {
                wrong: wrong.into(),
                right: right.into(),
                condition: (!condition.is_empty()).then(|| condition.into()),
                explanation: explanation.into(),
            });
        }
        Ok(WordList { entries })
    }

    /// House style and confusable words: every entry of the list that applies to `text`.
    pub fn check(&self, text: &str) -> Vec<Hit> {
        let index = CharIndex::new(text);
        let mut hits = Vec::new();
        for entry in &self.entries {
            if entry.condition.as_ref().is_some_and(|word| !text.contains(word.as_str())) {
                continue;
            }
            // A wrong form inside the right one (were the list to hold such a pair) is right.
            let right_spans: Vec<_> =
                text.match_indices(&entry.right).map(|(at, s)| at..at + s.len()).collect();
            for (at, wrong) in text.match_indices(&entry.wrong) {
                if right_spans.iter().any(|span| span.start <= at && at + wrong.len() <= span.end) {
                    continue;
                }
                let message = format!("“{}”应为“{}”：{}", entry.wrong, entry.right, entry.explanation);
                let range = index.range(at..at + wrong.len());
                hits.push(Hit::new(RuleId::Word, range, message, Some(entry.right.clone())));
            }
        }
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_list_parses() {
        let list = WordList::parse(DEFAULT_WORDS).expect("the shipped list is well formed");
        assert!(list.entries.len() >= 10);
    }

    #[test]
    fn listed_words_are_found_with_their_fix() {
        let list = WordList::shipped();
        let hits = list.check("截止目前，县人大主任和其它同志");
        let fixes: Vec<_> =
            hits.iter().map(|h| (h.start, h.end, h.suggestion.clone().unwrap_or_default())).collect();
        assert!(fixes.contains(&(0, 4, "截至目前".into())));
        assert!(fixes.contains(&(6, 10, "人大常委会主任".into())));
        assert!(fixes.contains(&(11, 13, "其他".into())));
        assert!(list.check("截至目前，县人大常委会主任和其他同志，报名截止日期").is_empty());
    }

    #[test]
    fn a_condition_limits_the_entry() {
        let list = WordList::shipped();
        assert_eq!(list.check("人大代表依法行使权利").len(), 1);
        assert!(list.check("选民依法行使权利").is_empty());
    }

    #[test]
    fn malformed_lines_are_refused_with_their_number() {
        let error = WordList::parse("# 注释\n其它\t其他\n").expect_err("two columns");
        assert_eq!(error.line, 2);
        assert!(error.to_string().contains("第 2 行"));
        assert!(WordList::parse("甲\t甲\t\t说明").is_err());
    }
}
