//! The way of an issue from draft to print: 草稿 → 一校 → 二校 → 三校 → 待签发 → 已签发, every
//! step recorded with who took it, when and why.
//!
//! Sending back: a round that finds problems returns the issue one step by default (三校 goes
//! back to 二校, 待签发 to 三校), or to any earlier status the sender names, 草稿 included, for
//! changes that need the editor. Reasons are required, since the next person must know what
//! to fix. A signed-off issue is not sent back: its sign-off is revoked, which returns it to
//! 待签发.

use chrono::{DateTime, Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::IssueStatus;
use crate::error::AppError;
use crate::numbering;
use crate::store::{Id, LocalZone, StatusChange, StatusTransition, Store};

/// An issue's status and how it got there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IssueRounds {
    pub status: IssueStatus,
    /// `一校`, `已签发`, …
    pub status_label: String,
    /// Oldest first; times in UTC, for the reader to show in local time.
    pub history: Vec<StatusChange>,
    /// The date the masthead prints: what the sign-off date starts from.
    pub masthead_date: NaiveDate,
}

/// What a sign-off did to the masthead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignOff {
    pub date: NaiveDate,
    /// The masthead date afterwards: the sign-off date, or the one the editor fixed.
    pub masthead_date: NaiveDate,
}

/// The status after `status` on the way to print, if an advance may take it there.
pub fn next_status(status: IssueStatus) -> Option<IssueStatus> {
    match status {
        IssueStatus::Draft => Some(IssueStatus::FirstProof),
        IssueStatus::FirstProof => Some(IssueStatus::SecondProof),
        IssueStatus::SecondProof => Some(IssueStatus::ThirdProof),
        IssueStatus::ThirdProof => Some(IssueStatus::AwaitingSignOff),
        IssueStatus::AwaitingSignOff | IssueStatus::SignedOff => None,
    }
}

/// The proof round (1–3) whose proofs an issue in `status` gets: 一校 to 三校 their own; the
/// text awaiting sign-off is the third round's.
pub fn proof_round_of(status: IssueStatus) -> Option<u8> {
    match status {
        IssueStatus::FirstProof => Some(1),
        IssueStatus::SecondProof => Some(2),
        IssueStatus::ThirdProof | IssueStatus::AwaitingSignOff => Some(3),
        IssueStatus::Draft | IssueStatus::SignedOff => None,
    }
}

pub fn issue_rounds(store: &dyn Store, issue: Id) -> Result<IssueRounds, AppError> {
    let current = store.issue(issue)?.issue;
    let status = current.status;
    let history = store.status_history(issue)?;
    Ok(IssueRounds { status, status_label: status.as_chinese().into(), history, masthead_date: current.date })
}

/// `2025年9月2日 16:00　一校 → 二校　汤建　签发日期 …　note`, the time in `zone`.
pub fn change_line(change: &StatusChange, zone: LocalZone) -> String {
    let mut line = format!(
        "{}　{} → {}　{}",
        local_time_label(&change.changed_at, zone),
        change.from.as_chinese(),
        change.to.as_chinese(),
        change.changed_by
    );
    if let Some(date) = change.sign_off_date {
        line.push_str(&format!("　签发日期 {}", numbering::format_masthead_date(date)));
    }
    if !change.note.is_empty() {
        line.push_str(&format!("　{}", change.note));
    }
    line
}

/// A stored RFC 3339 time as the user's wall clock read it: `2026年11月23日 18:05`.
pub fn local_time_label(rfc3339: &str, zone: LocalZone) -> String {
    match DateTime::parse_from_rfc3339(rfc3339) {
        Ok(at) => {
            let at = at.to_utc();
            at.with_timezone(&zone.offset_at(at)).format("%Y年%-m月%-d日 %H:%M").to_string()
        }
        // The store writes every time itself, so this is a row written by hand; its text is
        // still the best account of when the change happened.
        Err(_) => rfc3339.to_owned(),
    }
}

/// Moves the issue one step along the way; 待签发 goes on only by `sign_off`. A proof round it
/// enters may be given to `assignee`, the proofreader who passes it on.
pub fn advance(
    store: &mut dyn Store,
    issue: Id,
    who: &str,
    note: &str,
    assignee: Option<&str>,
) -> Result<IssueStatus, AppError> {
    let who = required_name(who)?;
    let from = store.issue(issue)?.issue.status;
    let to = match (from, next_status(from)) {
        (_, Some(to)) => to,
        (IssueStatus::AwaitingSignOff, None) => {
            return Err(AppError::invalid("本期正待签发，请由签发人“签发”，或“退回”修改"));
        }
        (_, None) => return Err(AppError::invalid("本期已签发，不能再推进；如需修改请先“撤销签发”")),
    };
    let note = note.trim();
    let assignee = assignee.map(str::trim).filter(|name| !name.is_empty() && proof_round_of(to).is_some());
    record(
        store,
        issue,
        StatusTransition { from, to, by: who, note, sign_off_date: None, masthead_date: None, assignee },
    )?;
    Ok(to)
}

/// The proofreader the issue's current round was given to, if the editor named one.
pub fn current_assignee(store: &dyn Store, issue: Id) -> Result<Option<String>, AppError> {
    let history = store.status_history(issue)?;
    Ok(history.last().and_then(|change| change.assignee.clone()))
}

/// Returns the issue to an earlier status (one step back unless `to` is given) with reasons.
pub fn send_back(
    store: &mut dyn Store,
    issue: Id,
    who: &str,
    reasons: &str,
    to: Option<IssueStatus>,
) -> Result<IssueStatus, AppError> {
    let who = required_name(who)?;
    let reasons = required_text(reasons, "请写明退回的理由，以便下一位知道要改什么")?;
    let from = store.issue(issue)?.issue.status;
    if from == IssueStatus::SignedOff {
        return Err(AppError::invalid("本期已签发，不能退回；如需修改请先“撤销签发”"));
    }
    let Some(previous) = previous_status(from) else {
        return Err(AppError::invalid("本期还是草稿，没有可退回的上一步"));
    };
    let to = to.unwrap_or(previous);
    if rank(to) >= rank(from) {
        return Err(AppError::invalid(format!(
            "只能退回到“{}”之前的状态，不能退回到“{}”",
            from.as_chinese(),
            to.as_chinese()
        )));
    }
    let change = StatusTransition {
        from,
        to,
        by: who,
        note: reasons,
        sign_off_date: None,
        masthead_date: None,
        assignee: None,
    };
    record(store, issue, change)?;
    Ok(to)
}

/// Signs off an issue awaiting sign-off on `date`, keeping the masthead date: the printed
/// date never changes unless the signer confirms it (see `sign_off_moving_masthead`).
pub fn sign_off(
    store: &mut dyn Store,
    issue: Id,
    signer: &str,
    date: NaiveDate,
) -> Result<SignOff, AppError> {
    sign_off_with(store, issue, signer, date, false)
}

/// Signs off on `date` and, as the signer confirmed after seeing both dates, prints that date
/// in the masthead too (it must fall in the issue's year: the number series is the year's).
pub fn sign_off_moving_masthead(
    store: &mut dyn Store,
    issue: Id,
    signer: &str,
    date: NaiveDate,
) -> Result<SignOff, AppError> {
    sign_off_with(store, issue, signer, date, true)
}

fn sign_off_with(
    store: &mut dyn Store,
    issue: Id,
    signer: &str,
    date: NaiveDate,
    move_masthead: bool,
) -> Result<SignOff, AppError> {
    let signer = required_name(signer)?;
    let current = store.issue(issue)?;
    let from = current.issue.status;
    if from != IssueStatus::AwaitingSignOff {
        return Err(AppError::invalid(format!(
            "只有“待签发”的期刊才能签发，本期现在是“{}”",
            from.as_chinese()
        )));
    }
    super::review::ensure_nothing_waits(store, issue)?;
    let masthead_date = if !move_masthead || date == current.issue.date {
        current.issue.date
    } else if date.year() == current.issue.year {
        date
    } else {
        return Err(AppError::invalid(format!(
            "签发日期 {} 与本期的年份 {} 年不符，出刊日期不能随签发改过去；请保留刊头的出刊日期 {}，或先在刊头中改定出刊日期，再签发",
            numbering::format_masthead_date(date),
            current.issue.year,
            numbering::format_masthead_date(current.issue.date)
        )));
    };
    let change = StatusTransition {
        from,
        to: IssueStatus::SignedOff,
        by: signer,
        note: "",
        sign_off_date: Some(date),
        masthead_date: Some(masthead_date),
        assignee: None,
    };
    record(store, issue, change)?;
    Ok(SignOff { date, masthead_date })
}

/// Unlocks a signed-off issue: it returns to 待签发, with the reason recorded.
pub fn revoke_sign_off(
    store: &mut dyn Store,
    issue: Id,
    who: &str,
    reason: &str,
) -> Result<IssueStatus, AppError> {
    let who = required_name(who)?;
    let reason = required_text(reason, "请写明撤销签发的理由")?;
    let from = store.issue(issue)?.issue.status;
    if from != IssueStatus::SignedOff {
        return Err(AppError::invalid(format!("本期尚未签发（现在是“{}”），无需撤销", from.as_chinese())));
    }
    let to = IssueStatus::AwaitingSignOff;
    record(
        store,
        issue,
        StatusTransition {
            from,
            to,
            by: who,
            note: reason,
            sign_off_date: None,
            masthead_date: None,
            assignee: None,
        },
    )?;
    Ok(to)
}

fn record(store: &mut dyn Store, issue: Id, change: StatusTransition) -> Result<(), AppError> {
    store.record_transition(issue, &change)?;
    Ok(())
}

fn previous_status(status: IssueStatus) -> Option<IssueStatus> {
    IssueStatus::ALL.into_iter().find(|candidate| next_status(*candidate) == Some(status))
}

fn rank(status: IssueStatus) -> usize {
    IssueStatus::ALL.iter().position(|s| *s == status).unwrap_or(usize::MAX)
}

fn required_name(who: &str) -> Result<&str, AppError> {
    required_text(who, "请填写您的姓名：每一步都要记下是谁做的")
}

fn required_text<'a>(text: &'a str, message: &str) -> Result<&'a str, AppError> {
    let text = text.trim();
    if text.is_empty() { Err(AppError::invalid(message)) } else { Ok(text) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_way_to_print_visits_every_status_once() {
        let mut status = IssueStatus::Draft;
        let mut visited = vec![status];
        while let Some(next) = next_status(status) {
            status = next;
            visited.push(status);
        }
        assert_eq!(visited, IssueStatus::ALL[..5], "sign-off is not an advance");
    }

    #[test]
    fn one_step_back_is_the_previous_round() {
        assert_eq!(previous_status(IssueStatus::ThirdProof), Some(IssueStatus::SecondProof));
        assert_eq!(previous_status(IssueStatus::AwaitingSignOff), Some(IssueStatus::ThirdProof));
        assert_eq!(previous_status(IssueStatus::Draft), None);
    }

    #[test]
    fn history_times_are_shown_on_the_local_clock() {
        let beijing = LocalZone::Fixed(chrono::FixedOffset::east_opt(8 * 3600).expect("valid offset"));
        assert_eq!(local_time_label("2026-11-23T10:05:00Z", beijing), "2026年11月23日 18:05");
        assert_eq!(
            local_time_label("2026-11-23T20:30:00Z", beijing),
            "2026年11月24日 04:30",
            "after 16:00 UTC the Beijing date is the next day"
        );
        let change = StatusChange {
            id: 1,
            issue_id: 1,
            from: IssueStatus::FirstProof,
            to: IssueStatus::SecondProof,
            changed_by: "汤建".into(),
            changed_at: "2025-09-02T08:00:00Z".into(),
            note: "已核人名".into(),
            sign_off_date: None,
            assignee: None,
        };
        assert_eq!(change_line(&change, beijing), "2025年9月2日 16:00　一校 → 二校　汤建　已核人名");
    }

    #[test]
    fn proofs_are_numbered_by_the_round() {
        assert_eq!(proof_round_of(IssueStatus::SecondProof), Some(2));
        assert_eq!(proof_round_of(IssueStatus::AwaitingSignOff), Some(3));
        assert_eq!(proof_round_of(IssueStatus::Draft), None);
    }
}
