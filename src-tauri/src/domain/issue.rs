use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Article, FooterSettings, Inline, IssueImprint, Publication};

/// One issue of a publication: its numbers, date, status and articles in print order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Issue {
    pub kind: IssueKind,
    pub year: i32,
    /// 第N期 for a regular issue, 增刊第N期 for a supplement; restarts every year.
    pub number: u32,
    /// 总第X期: runs across years and counts supplements too.
    pub total_number: u32,
    /// The date printed on the masthead.
    pub date: NaiveDate,
    pub status: IssueStatus,
    /// 编者按 of the whole issue (a back issue may open with one before its first article),
    /// printed after the 要目. Runs as in `Article::editor_note`; `\n` separates paragraphs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(optional, as = "Option<_>")]
    pub editor_note: Vec<Inline>,
    /// The editing unit and footer this issue printed, when they differ from the
    /// publication's settings (back issues from the archive); `None` prints the settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub imprint: Option<IssueImprint>,
    pub articles: Vec<Article>,
}

impl Issue {
    /// The editing unit the masthead prints: the one this issue printed, else the
    /// publication's unit in force on its date.
    pub fn editing_unit<'a>(&'a self, publication: &'a Publication) -> Option<&'a str> {
        let printed = self.imprint.as_ref().and_then(|imprint| imprint.editing_unit.as_deref());
        printed.or_else(|| publication.editing_unit_on(self.date).map(|unit| unit.name.as_str()))
    }

    /// The footer the last page prints: this issue's own, field by field, over the settings.
    pub fn footer(&self, publication: &Publication) -> FooterSettings {
        match self.imprint.as_ref().and_then(|imprint| imprint.footer.as_ref()) {
            Some(printed) => printed.over(&publication.footer),
            None => publication.footer.clone(),
        }
    }
}

#[cfg(test)]
impl Issue {
    /// 2025年第13期（总第741期）, a draft dated 2025-09-02, holding `articles`: the issue unit
    /// tests build on.
    pub(crate) fn sample(articles: Vec<Article>) -> Self {
        Issue {
            kind: IssueKind::Regular,
            year: 2025,
            number: 13,
            total_number: 741,
            date: NaiveDate::from_ymd_opt(2025, 9, 2).expect("valid date"),
            status: IssueStatus::Draft,
            editor_note: vec![],
            imprint: None,
            articles,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum IssueKind {
    Regular,
    /// 增刊
    Supplement,
}

impl IssueKind {
    pub fn as_str(self) -> &'static str {
        match self {
            IssueKind::Regular => "regular",
            IssueKind::Supplement => "supplement",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "regular" => Some(IssueKind::Regular),
            "supplement" => Some(IssueKind::Supplement),
            _ => None,
        }
    }
}

/// Where an issue is on its way from draft to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum IssueStatus {
    Draft,
    FirstProof,
    SecondProof,
    ThirdProof,
    AwaitingSignOff,
    SignedOff,
}

impl IssueStatus {
    pub const ALL: [IssueStatus; 6] = [
        IssueStatus::Draft,
        IssueStatus::FirstProof,
        IssueStatus::SecondProof,
        IssueStatus::ThirdProof,
        IssueStatus::AwaitingSignOff,
        IssueStatus::SignedOff,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            IssueStatus::Draft => "draft",
            IssueStatus::FirstProof => "firstProof",
            IssueStatus::SecondProof => "secondProof",
            IssueStatus::ThirdProof => "thirdProof",
            IssueStatus::AwaitingSignOff => "awaitingSignOff",
            IssueStatus::SignedOff => "signedOff",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.as_str() == text)
    }

    pub fn as_chinese(self) -> &'static str {
        match self {
            IssueStatus::Draft => "草稿",
            IssueStatus::FirstProof => "一校",
            IssueStatus::SecondProof => "二校",
            IssueStatus::ThirdProof => "三校",
            IssueStatus::AwaitingSignOff => "待签发",
            IssueStatus::SignedOff => "已签发",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_names_round_trip_through_their_stored_form() {
        for status in IssueStatus::ALL {
            assert_eq!(IssueStatus::parse(status.as_str()), Some(status));
            let json = serde_json::to_string(&status).expect("plain enum");
            assert_eq!(json, format!("\"{}\"", status.as_str()), "stored form equals JSON form");
        }
    }
}
