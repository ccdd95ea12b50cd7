//! The masthead rules every store checks before it writes: positive numbers, a date in the
//! issue's year.

use crate::domain::Issue;
use crate::numbering::{self, IssueNumbers};
use chrono::NaiveDate;

use super::StoreError;

pub(super) fn validate_numbers(issue: &Issue) -> Result<(), StoreError> {
    let numbers = IssueNumbers {
        kind: issue.kind,
        year: issue.year,
        number: issue.number,
        total_number: issue.total_number,
    };
    validate_masthead(&numbers, issue.date)
}

pub(super) fn validate_masthead(numbers: &IssueNumbers, date: NaiveDate) -> Result<(), StoreError> {
    use chrono::Datelike;
    if numbers.number == 0 || numbers.total_number == 0 {
        return Err(StoreError::Invalid("期号和总期号都必须是正整数".into()));
    }
    if date.year() != numbers.year {
        return Err(StoreError::Invalid(format!(
            "出刊日期 {} 不在 {} 年内，请核对年份或日期",
            numbering::format_masthead_date(date),
            numbers.year
        )));
    }
    Ok(())
}
