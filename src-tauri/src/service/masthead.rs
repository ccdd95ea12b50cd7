//! Editing an issue's masthead: its kind, 第N期, 总第X期 and date. The year follows the date,
//! so 第N期 always belongs to the year printed beside it.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::IssueKind;
use crate::error::AppError;
use crate::numbering::IssueNumbers;
use crate::store::{Id, Store};

/// The masthead fields as the user typed them, numbers already read as numbers by the UI;
/// a zero is refused here with a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MastheadUpdate {
    pub kind: IssueKind,
    pub number: u32,
    pub total_number: u32,
    pub date: NaiveDate,
}

/// Stores the new masthead; gaps and duplicates it creates are not refused (an office may
/// renumber on purpose) but show as warnings in the issue's view.
pub fn update_masthead(store: &mut dyn Store, id: Id, update: &MastheadUpdate) -> Result<(), AppError> {
    if update.number == 0 {
        return Err(AppError::invalid("期号必须是正整数，例如 13"));
    }
    if update.total_number == 0 {
        return Err(AppError::invalid("总期号必须是正整数，例如 741"));
    }
    let numbers = IssueNumbers {
        kind: update.kind,
        year: update.date.year(),
        number: update.number,
        total_number: update.total_number,
    };
    Ok(store.update_issue_masthead(id, &numbers, update.date)?)
}
