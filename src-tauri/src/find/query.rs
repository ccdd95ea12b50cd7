//! What to look for, and the plain matching of it in one text.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::fold::fold_char;
use crate::error::AppError;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FindOptions {
    /// 全角半角视为相同: `,` finds `，` and the other way round.
    #[serde(default)]
    pub fold_width: bool,
}

/// A text to find, ready for matching.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pattern: Vec<char>,
    options: FindOptions,
}

impl Query {
    pub fn new(text: &str, options: FindOptions) -> Result<Query, AppError> {
        if text.is_empty() {
            return Err(AppError::invalid("请输入要查找的文字"));
        }
        let query = Query { pattern: vec![], options };
        Ok(Query { pattern: text.chars().map(|c| query.fold(c)).collect(), ..query })
    }

    fn fold(&self, c: char) -> char {
        if self.options.fold_width { fold_char(c) } else { c }
    }

    /// Non-overlapping matches in `chars`, left to right, as char ranges.
    pub fn matches(&self, chars: &[char]) -> Vec<std::ops::Range<usize>> {
        let n = self.pattern.len();
        let mut found = vec![];
        let mut at = 0;
        while at + n <= chars.len() {
            if chars[at..at + n].iter().zip(&self.pattern).all(|(&c, &p)| self.fold(c) == p) {
                found.push(at..at + n);
                at += n;
            } else {
                at += 1;
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(text: &str) -> Vec<char> {
        text.chars().collect()
    }

    #[test]
    fn empty_query_is_refused_in_chinese() {
        let error = Query::new("", FindOptions::default()).expect_err("nothing to look for");
        assert!(error.message.contains("查找"), "{}", error.message);
    }

    #[test]
    fn matches_do_not_overlap() {
        let query = Query::new("哈哈", FindOptions::default()).expect("query");
        assert_eq!(query.matches(&chars("哈哈哈哈哈")), [0..2, 2..4]);
    }

    #[test]
    fn width_folding_is_an_option_and_works_both_ways() {
        let exact = Query::new(",", FindOptions::default()).expect("query");
        assert!(exact.matches(&chars("甲，乙")).is_empty(), "without folding only `,` matches `,`");
        let folded = Query::new(",", FindOptions { fold_width: true }).expect("query");
        assert_eq!(folded.matches(&chars("甲，乙,丙")), [1..2, 3..4]);
        let wide = Query::new("（Ａ）", FindOptions { fold_width: true }).expect("query");
        assert_eq!(wide.matches(&chars("见(A)与（Ａ）")), [1..4, 5..8]);
    }

    #[test]
    fn latin_case_is_kept() {
        let query = Query::new("GDP", FindOptions { fold_width: true }).expect("query");
        assert!(query.matches(&chars("gdp")).is_empty());
    }
}
