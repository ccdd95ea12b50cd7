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
        assert!(list.entries.len() >= 300, "the office list has at least 300 entries");
        let mut wrong: Vec<&str> = list.entries.iter().map(|e| e.wrong.as_str()).collect();
        wrong.sort_unstable();
        let count = wrong.len();
        wrong.dedup();
        assert_eq!(wrong.len(), count, "each wrong form is listed once");
        for entry in &list.entries {
            assert!(
                !entry.right.contains(&entry.wrong),
                "{}: the right form does not hold the wrong one",
                entry.wrong
            );
            assert!(entry.explanation.contains('（'), "{}: the explanation names its source", entry.wrong);
        }
    }

    /// Correct official prose, written to hold the right forms of the list and the words a
    /// careless entry would fire inside (个人材料, 有关连锁, 记录相关, 希有关单位, 以经济…).
    const CLEAN_OFFICIAL_TEXT: &str = "\
        截至目前，县人大常委会主任会议已作出决定，对报名截止日期作出明确规定。\
        市人大常委会副主任、秘书长出席会议。全省各级人大常委会要依法行使职权，\
        监督“一府一委两院”工作，推进全过程人民民主。设区的市人大及其常委会制定地方性法规，\
        必须遵守宪法和法律；口罩、药品等生活必需品保障有力。会议审议了个人材料和一份内部文件，\
        听取了有关连锁经营、记录相关情况的汇报。希有关单位以经济建设为中心，认真执行。\
        毕竟争取到了资金，完成份额任务，划定边界时一并研究。县委常委会成员参加。\
        代表们反映强烈，要求渡过难关、作出新的更大贡献。其他代表依法提出议案和建议，\
        人民检察院、人民法院负责同志列席，会议纪要印发各乡镇。换届选举工作有序推进。\
        本届以来共制定地方性法规5部，座谈会交流了做法，大家一致认为要把工作做细做实。";

    #[test]
    fn the_shipped_list_finds_nothing_in_clean_official_text() {
        let list = WordList::shipped();
        let found: Vec<String> = list
            .check(CLEAN_OFFICIAL_TEXT)
            .iter()
            .map(|h| CLEAN_OFFICIAL_TEXT.chars().skip(h.start).take(h.end - h.start).collect())
            .collect();
        assert!(found.is_empty(), "false alarms on correct text: {found:?}");
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
