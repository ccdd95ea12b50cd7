//! The two number series of a publication and their consistency.
//!
//! 第N期 restarts every year and counts regular issues only; 增刊第N期 is a per-year series
//! of its own; 总第X期 runs across years and counts every issue, supplements included
//! (2024 第18期 = 总第720期, 2025 第12期 = 总第739期, 2025 第13期 = 总第741期 because a
//! supplement took 740).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::issue_label;
use crate::domain::IssueKind;

/// The numbers that identify an issue within its publication.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IssueNumbers {
    pub kind: IssueKind,
    pub year: i32,
    pub number: u32,
    pub total_number: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProposedNumbers {
    pub number: u32,
    pub total_number: u32,
}

/// The numbers the next issue of `kind` in `year` should carry.
pub fn propose_next(existing: &[IssueNumbers], kind: IssueKind, year: i32) -> ProposedNumbers {
    let number = existing
        .iter()
        .filter(|issue| issue.kind == kind && issue.year == year)
        .map(|issue| issue.number)
        .max()
        .unwrap_or(0)
        + 1;
    let total_number = existing.iter().map(|issue| issue.total_number).max().unwrap_or(0) + 1;
    ProposedNumbers { number, total_number }
}

/// A problem in a number series, with the numbers involved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum NumberingWarning {
    /// Numbers between the lowest and highest issue of a year's series that no issue carries.
    Gap {
        kind: IssueKind,
        year: i32,
        missing: Vec<u32>,
    },
    /// A number of a year's series carried by more than one issue.
    Duplicate {
        kind: IssueKind,
        year: i32,
        number: u32,
        count: u32,
    },
    TotalGap {
        missing: Vec<u32>,
    },
    TotalDuplicate {
        total_number: u32,
        count: u32,
    },
}

impl NumberingWarning {
    pub fn message(&self) -> String {
        match self {
            NumberingWarning::Gap { kind, year, missing } => {
                let list = join_numbers(missing, |n| issue_label(*kind, n));
                format!("{year}年缺少{list}，请核对期号是否跳号")
            }
            NumberingWarning::Duplicate { kind, year, number, count } => {
                let label = issue_label(*kind, *number);
                format!("{year}年{label}重复（共{count}期），请修改其中的期号")
            }
            NumberingWarning::TotalGap { missing } => {
                let list = join_numbers(missing, |n| format!("总第{n}期"));
                format!("总期号缺少{list}，请核对是否跳号")
            }
            NumberingWarning::TotalDuplicate { total_number, count } => {
                format!("总第{total_number}期重复（共{count}期），请修改其中的总期号")
            }
        }
    }
}

/// Every gap and duplicate in the per-year series and in the running total.
pub fn check_series(issues: &[IssueNumbers]) -> Vec<NumberingWarning> {
    let mut per_year: BTreeMap<(i32, bool), Vec<u32>> = BTreeMap::new();
    for issue in issues {
        let supplement = issue.kind == IssueKind::Supplement;
        per_year.entry((issue.year, supplement)).or_default().push(issue.number);
    }
    let mut warnings = Vec::new();
    for ((year, supplement), numbers) in per_year {
        let kind = if supplement { IssueKind::Supplement } else { IssueKind::Regular };
        let (missing, duplicates) = gaps_and_duplicates(numbers);
        for (number, count) in duplicates {
            warnings.push(NumberingWarning::Duplicate { kind, year, number, count });
        }
        if !missing.is_empty() {
            warnings.push(NumberingWarning::Gap { kind, year, missing });
        }
    }
    let totals = issues.iter().map(|issue| issue.total_number).collect();
    let (missing, duplicates) = gaps_and_duplicates(totals);
    for (total_number, count) in duplicates {
        warnings.push(NumberingWarning::TotalDuplicate { total_number, count });
    }
    if !missing.is_empty() {
        warnings.push(NumberingWarning::TotalGap { missing });
    }
    warnings
}

/// Numbers missing between the smallest and largest, and numbers occurring more than once.
fn gaps_and_duplicates(mut numbers: Vec<u32>) -> (Vec<u32>, Vec<(u32, u32)>) {
    numbers.sort_unstable();
    let mut missing = Vec::new();
    let mut duplicates = Vec::new();
    for pair in numbers.chunk_by(|a, b| a == b) {
        if pair.len() > 1 {
            duplicates.push((pair[0], pair.len() as u32));
        }
    }
    numbers.dedup();
    for window in numbers.windows(2) {
        missing.extend(window[0] + 1..window[1]);
    }
    (missing, duplicates)
}

/// `第3期、第5期至第7期`: consecutive numbers collapsed into a range.
fn join_numbers(numbers: &[u32], label: impl Fn(u32) -> String) -> String {
    let mut parts = Vec::new();
    for run in numbers.chunk_by(|a, b| a + 1 == *b) {
        let (first, last) = (run[0], run[run.len() - 1]);
        if first == last {
            parts.push(label(first));
        } else {
            parts.push(format!("{}至{}", label(first), label(last)));
        }
    }
    parts.join("、")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn regular(year: i32, number: u32, total_number: u32) -> IssueNumbers {
        IssueNumbers { kind: IssueKind::Regular, year, number, total_number }
    }

    fn supplement(year: i32, number: u32, total_number: u32) -> IssueNumbers {
        IssueNumbers { kind: IssueKind::Supplement, year, number, total_number }
    }

    /// The real series: 2024 第18期 = 总720, 2025 第12期 = 总739, a supplement = 总740,
    /// 2025 第13期 = 总741.
    fn real_series() -> Vec<IssueNumbers> {
        let mut issues: Vec<_> = (1..=18).map(|n| regular(2024, n, 702 + n)).collect();
        issues.extend((1..=12).map(|n| regular(2025, n, 720 + n + 7)));
        issues.push(supplement(2025, 1, 740));
        issues.push(regular(2025, 13, 741));
        issues
    }

    #[test]
    fn real_series_has_the_printed_totals() {
        let issues = real_series();
        let find = |year, number| {
            issues.iter().find(|i| i.kind == IssueKind::Regular && i.year == year && i.number == number)
        };
        assert_eq!(find(2024, 18).map(|i| i.total_number), Some(720));
        assert_eq!(find(2025, 12).map(|i| i.total_number), Some(739));
        assert_eq!(find(2025, 13).map(|i| i.total_number), Some(741));
        let gaps_2025: Vec<_> = check_series(&issues);
        assert_eq!(gaps_2025, vec![NumberingWarning::TotalGap { missing: (721..=727).collect() }]);
    }

    #[test]
    fn regular_numbers_restart_each_year_but_totals_continue() {
        let issues = vec![regular(2024, 18, 720)];
        assert_eq!(
            propose_next(&issues, IssueKind::Regular, 2025),
            ProposedNumbers { number: 1, total_number: 721 }
        );
        assert_eq!(
            propose_next(&issues, IssueKind::Regular, 2024),
            ProposedNumbers { number: 19, total_number: 721 }
        );
    }

    #[test]
    fn a_supplement_takes_a_total_number_and_has_its_own_series() {
        let issues = vec![regular(2025, 12, 739)];
        let supplement_numbers = propose_next(&issues, IssueKind::Supplement, 2025);
        assert_eq!(supplement_numbers, ProposedNumbers { number: 1, total_number: 740 });
        let issues = vec![regular(2025, 12, 739), supplement(2025, 1, 740)];
        assert_eq!(
            propose_next(&issues, IssueKind::Regular, 2025),
            ProposedNumbers { number: 13, total_number: 741 },
            "2025 第13期 is 总第七百四十一期 because the supplement took 740"
        );
    }

    #[test]
    fn an_empty_store_starts_at_one() {
        assert_eq!(
            propose_next(&[], IssueKind::Regular, 2026),
            ProposedNumbers { number: 1, total_number: 1 }
        );
    }

    #[test]
    fn reports_gaps_and_duplicates_with_their_numbers() {
        let issues = vec![
            regular(2025, 1, 730),
            regular(2025, 4, 731),
            regular(2025, 4, 733),
            supplement(2025, 1, 733),
        ];
        let warnings = check_series(&issues);
        assert_eq!(
            warnings,
            vec![
                NumberingWarning::Duplicate { kind: IssueKind::Regular, year: 2025, number: 4, count: 2 },
                NumberingWarning::Gap { kind: IssueKind::Regular, year: 2025, missing: vec![2, 3] },
                NumberingWarning::TotalDuplicate { total_number: 733, count: 2 },
                NumberingWarning::TotalGap { missing: vec![732] },
            ]
        );
        assert_eq!(warnings[1].message(), "2025年缺少第2期至第3期，请核对期号是否跳号");
        assert_eq!(warnings[2].message(), "总第733期重复（共2期），请修改其中的总期号");
    }

    #[test]
    fn a_clean_series_has_no_warnings() {
        let issues = vec![regular(2025, 12, 739), supplement(2025, 1, 740), regular(2025, 13, 741)];
        assert!(check_series(&issues).is_empty());
    }
}
