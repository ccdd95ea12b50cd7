//! What every store hands out and takes in, whichever database holds it: plain rows, decoded
//! and checked, never the database's own row types.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Id;
use crate::domain::{Article, Issue, IssueKind, IssueStatus};

#[derive(Debug, Clone, PartialEq)]
pub struct ArticleRecord {
    pub id: Id,
    pub issue_id: Id,
    pub article: Article,
}

/// An issue as stored, with its id and its articles' ids in print order.
#[derive(Debug, Clone, PartialEq)]
pub struct IssueRecord {
    pub id: Id,
    pub publication_id: Id,
    pub issue: Issue,
    pub article_ids: Vec<Id>,
}

/// One row of the issue list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IssueSummary {
    pub id: Id,
    pub kind: IssueKind,
    pub year: i32,
    pub number: u32,
    pub total_number: u32,
    pub date: NaiveDate,
    pub status: IssueStatus,
    pub article_count: u32,
    pub first_title: Option<String>,
    /// `第13期` / `增刊第1期`
    pub issue_label: String,
    /// `（总第七百四十一期）`
    pub total_label: String,
    /// `2025年9月2日`
    pub date_label: String,
    pub status_label: String,
}

/// A revision in the history list: who saved it and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RevisionSummary {
    pub id: Id,
    pub article_id: Id,
    pub author: String,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Revision {
    pub summary: RevisionSummary,
    pub article: Article,
}

/// One recorded change of an issue's status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StatusChange {
    pub id: Id,
    pub issue_id: Id,
    pub from: IssueStatus,
    pub to: IssueStatus,
    pub changed_by: String,
    /// UTC, RFC 3339.
    pub changed_at: String,
    /// The note of an advance, or the reasons of a send-back or revocation.
    pub note: String,
    /// The date the signer gave, on a sign-off only.
    pub sign_off_date: Option<NaiveDate>,
}

/// A change about to be recorded. `from` is the status the caller saw: if the issue has moved
/// on meanwhile the change is refused rather than applied to a state nobody looked at.
#[derive(Debug, Clone, Copy)]
pub struct StatusTransition<'a> {
    pub from: IssueStatus,
    pub to: IssueStatus,
    pub by: &'a str,
    pub note: &'a str,
    pub sign_off_date: Option<NaiveDate>,
    /// A new masthead date written together with the status (the sign-off date rule).
    pub masthead_date: Option<NaiveDate>,
}

/// The articles as they stood when the issue entered a status.
#[derive(Debug, Clone, PartialEq)]
pub struct RoundSnapshot {
    pub status_change_id: Id,
    pub status: IssueStatus,
    pub taken_at: String,
    pub articles: Vec<SnapshotArticle>,
}

/// One article of a snapshot, in print order.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SnapshotArticle {
    pub article_id: Id,
    pub article: Article,
}

/// A comment and its answers, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CommentThread {
    pub id: String,
    pub article_id: Id,
    /// The text the comment was made on, as it was then.
    pub quote: String,
    pub messages: Vec<CommentMessage>,
    pub resolved_by: Option<String>,
    /// UTC, RFC 3339.
    pub resolved_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CommentMessage {
    pub author: String,
    /// UTC, RFC 3339.
    pub written_at: String,
    pub body: String,
}

/// What a new thread starts with.
#[derive(Debug, Clone, Copy)]
pub struct NewComment<'a> {
    pub thread_id: &'a str,
    pub article_id: Id,
    pub quote: &'a str,
    pub author: &'a str,
    pub body: &'a str,
}

/// What identifies a finding across edits (see the module documentation). `article_id` is
/// `None` for the masthead and the footer; `rule` and `part` are their JSON names.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FindingKey {
    pub article_id: Option<Id>,
    pub rule: String,
    pub part: String,
    pub text: String,
    pub before: String,
    pub after: String,
}

/// An ignored finding and who ignored it when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IgnoredFinding {
    pub key: FindingKey,
    pub ignored_by: String,
    /// UTC, RFC 3339.
    pub ignored_at: String,
}
