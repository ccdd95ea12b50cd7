//! The masthead date against the issue's way through the rounds, from dates the caller reads
//! out of the status history (this module stays free of storage).
//!
//! - Signed off: the masthead is the sign-off date (house rule, `service::sign_off`) unless
//!   the editor fixed the date (`date_fixed`). An unfixed date that differs is an error (an
//!   issue file or an older database may carry one). A fixed date is a decision, so only a
//!   fixed date *before* the sign-off is flagged, mildly: a bulletin dated before it was
//!   approved is most likely an old date left standing, while a later fixed date is the
//!   planned day of issue and not worth a finding.
//! - Before sign-off: a masthead date earlier than the day the issue entered its current
//!   round is out of date on every proof printed in that round.

use chrono::NaiveDate;

use super::finding::{Finding, Hit, Part, RuleId};
use crate::domain::{Issue, IssueStatus};
use crate::numbering::format_masthead_date;

/// What the status history says about the issue's dates; all `None` when it is unknown (an
/// issue file), and then nothing is checked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RoundDates {
    /// The date the signer gave, when the issue is signed off.
    pub sign_off: Option<NaiveDate>,
    /// The day (in the office's time zone) the issue entered its current status.
    pub entered_status: Option<NaiveDate>,
    /// Whether the editor fixed the masthead date, so that a sign-off keeps it.
    pub date_fixed: bool,
}

pub fn check_masthead_dates(issue: &Issue, dates: &RoundDates) -> Vec<Finding> {
    let masthead = issue.date;
    let printed = format_masthead_date(masthead);
    let message = match (issue.status, dates.sign_off, dates.entered_status) {
        (IssueStatus::SignedOff, Some(signed_on), _) if masthead != signed_on => {
            let signed = format_masthead_date(signed_on);
            if !dates.date_fixed {
                format!(
                    "报头日期“{printed}”与签发日期“{signed}”不一致：未确定出刊日期时，报头应为签发日期（本刊体例）；请撤销签发后核对"
                )
            } else if masthead < signed_on {
                format!(
                    "报头日期“{printed}”是编辑确定的出刊日期，但早于签发日期“{signed}”；如非有意，请撤销签发后改正（本刊体例）"
                )
            } else {
                return vec![];
            }
        }
        (IssueStatus::SignedOff | IssueStatus::Draft, ..) => return vec![],
        (status, _, Some(entered)) if masthead < entered => {
            let entered = format_masthead_date(entered);
            let then = if dates.date_fixed {
                "这是编辑确定的出刊日期，请核对是否有意"
            } else {
                "本轮校样上的日期已过时；签发时报头将改为签发日期"
            };
            format!("报头日期“{printed}”早于本期进入“{}”的日期“{entered}”：{then}", status.as_chinese())
        }
        _ => return vec![],
    };
    let length = printed.chars().count();
    vec![Hit::new(RuleId::MastheadRoundDate, 0..length, message, None).at(None, Part::Masthead, 0, &printed)]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, month, day).expect("valid date")
    }

    fn signed_off(masthead: NaiveDate) -> Issue {
        let mut issue = Issue::sample(vec![]);
        issue.status = IssueStatus::SignedOff;
        issue.date = masthead;
        issue
    }

    #[test]
    fn a_signed_off_masthead_other_than_the_sign_off_date_is_flagged() {
        let dates = RoundDates { sign_off: Some(date(9, 3)), ..RoundDates::default() };
        let findings = check_masthead_dates(&signed_off(date(9, 2)), &dates);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].text, "2025年9月2日");
        assert!(findings[0].message.contains("签发日期“2025年9月3日”"), "{}", findings[0].message);
        assert!(check_masthead_dates(&signed_off(date(9, 3)), &dates).is_empty(), "the same date is right");
    }

    #[test]
    fn a_fixed_date_is_flagged_only_before_the_sign_off_and_says_it_was_fixed() {
        let dates = RoundDates { sign_off: Some(date(9, 3)), date_fixed: true, ..RoundDates::default() };
        let earlier = check_masthead_dates(&signed_off(date(9, 1)), &dates);
        assert!(earlier[0].message.contains("编辑确定的出刊日期"), "{}", earlier[0].message);
        assert!(check_masthead_dates(&signed_off(date(9, 10)), &dates).is_empty(), "a planned later date");
    }

    #[test]
    fn before_sign_off_a_date_earlier_than_the_round_is_flagged() {
        let mut issue = Issue::sample(vec![]);
        issue.status = IssueStatus::SecondProof;
        let dates = RoundDates { entered_status: Some(date(9, 5)), ..RoundDates::default() };
        let findings = check_masthead_dates(&issue, &dates);
        assert!(findings[0].message.contains("进入“二校”的日期“2025年9月5日”"), "{}", findings[0].message);
        let same_day = RoundDates { entered_status: Some(date(9, 2)), ..RoundDates::default() };
        assert!(check_masthead_dates(&issue, &same_day).is_empty());
    }

    #[test]
    fn drafts_and_unknown_histories_are_not_checked() {
        let mut issue = Issue::sample(vec![]);
        let dates = RoundDates { entered_status: Some(date(9, 5)), ..RoundDates::default() };
        assert!(check_masthead_dates(&issue, &dates).is_empty(), "a draft has no round yet");
        issue.status = IssueStatus::SignedOff;
        assert!(check_masthead_dates(&issue, &RoundDates::default()).is_empty());
    }
}
