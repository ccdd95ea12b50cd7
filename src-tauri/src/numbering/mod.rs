//! Issue numbers as a masthead prints them: 第N期 per year, 总第X期 across years, 增刊第N期,
//! Chinese numerals and dates. Pure functions; the store supplies the existing issues.

mod chinese_numeral;
mod masthead_date;
mod series;

pub use chinese_numeral::{parse_chinese_numeral, to_chinese_numeral};
pub use masthead_date::{format_masthead_date, parse_iso_date, parse_typed_date};
pub use series::{IssueNumbers, NumberingWarning, ProposedNumbers, check_series, propose_next};

use crate::domain::IssueKind;

/// `第13期` or `增刊第2期`.
pub fn issue_label(kind: IssueKind, number: u32) -> String {
    match kind {
        IssueKind::Regular => format!("第{number}期"),
        IssueKind::Supplement => format!("增刊第{number}期"),
    }
}

/// `（总第七百四十一期）`, with full-width parentheses as the masthead prints it.
pub fn total_label(total: u32) -> String {
    format!("（总第{}期）", to_chinese_numeral(total))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_match_the_printed_masthead() {
        assert_eq!(issue_label(IssueKind::Regular, 13), "第13期");
        assert_eq!(issue_label(IssueKind::Supplement, 2), "增刊第2期");
        assert_eq!(total_label(741), "（总第七百四十一期）");
    }
}
