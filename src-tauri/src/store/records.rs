//! What every store hands out and takes in, whichever database holds it: plain rows, decoded
//! and checked, never the database's own row types.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Id;
use crate::domain::{Article, CommentAnchor, Issue, IssueKind, IssueStatus, Role};

#[derive(Debug, Clone, PartialEq)]
pub struct ArticleRecord {
    pub id: Id,
    pub issue_id: Id,
    pub article: Article,
    /// The revision the content is: the latest one saved.
    pub revision: Id,
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
    /// The proofreader the round was given to, when the editor named one.
    pub assignee: Option<String>,
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
    /// The proofreader the round entered is given to.
    pub assignee: Option<&'a str>,
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
    /// Where the comment was made, while its anchor waits to be put into the article's runs
    /// (someone else was editing the article when it was made).
    pub pending_anchor: Option<CommentAnchor>,
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
    /// Where the text is, when the thread's id is not in the article's runs yet.
    pub anchor: Option<&'a CommentAnchor>,
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

/// Conditions a save must meet, checked inside the save's own transaction.
#[derive(Debug, Clone, Copy, Default)]
pub struct SaveGuard<'a> {
    /// The revision the editor's text started from: if the article has a newer one, the save
    /// is refused with `StoreError::Conflict` instead of overwriting it.
    pub base_revision: Option<Id>,
    /// Who saves: refused with `StoreError::Leased` while another account holds the article.
    pub holder: Option<&'a str>,
}

/// One article's new content in a batch save (`ArticleStore::save_articles`), on the
/// revision it was computed from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleSave {
    pub id: Id,
    pub article: Article,
    pub base_revision: Id,
}

/// An account of an office server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub id: Id,
    /// The person's name: how they log in and how every action of theirs is signed.
    pub name: String,
    pub roles: Vec<Role>,
    /// argon2 PHC string.
    pub password_hash: String,
    pub created_at: String,
    pub disabled_at: Option<String>,
}

/// A login: the token's hash (never the token), whose account, and until when it is valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRecord {
    pub account: Account,
    pub created_at: String,
    pub expires_at: String,
}

/// Who is editing an article, since when and until when unless renewed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Lease {
    pub article_id: Id,
    pub holder: String,
    /// UTC, RFC 3339.
    pub taken_at: String,
    pub expires_at: String,
}

/// What asking for an article's lease gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LeaseOutcome {
    /// The caller holds it now (new, renewed, or taken over after the last holder's lapsed).
    Granted(Lease),
    /// Someone else holds it.
    HeldBy(Lease),
}

/// A change other clients should see, numbered in the order it was committed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChangeEvent {
    pub seq: Id,
    pub kind: ChangeKind,
    #[ts(optional)]
    pub issue_id: Option<Id>,
    #[ts(optional)]
    pub article_id: Option<Id>,
}

/// What changed, so that a client reloads only what it shows of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ChangeKind {
    /// An issue's masthead, status or place in the list (created, trashed, restored).
    Issue,
    /// An issue's article list: an article added, removed or moved.
    Articles,
    /// An article's text: a new revision.
    Article,
    /// A round moved: a status change was recorded.
    Status,
    /// A comment thread started, answered, resolved or reopened.
    Comments,
    /// A finding ignored or shown again.
    Findings,
    /// Someone took or gave up an article.
    Lease,
    /// The publication's settings or word list.
    Publication,
}

impl ChangeKind {
    pub const ALL: [ChangeKind; 8] = [
        ChangeKind::Issue,
        ChangeKind::Articles,
        ChangeKind::Article,
        ChangeKind::Status,
        ChangeKind::Comments,
        ChangeKind::Findings,
        ChangeKind::Lease,
        ChangeKind::Publication,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Issue => "issue",
            ChangeKind::Articles => "articles",
            ChangeKind::Article => "article",
            ChangeKind::Status => "status",
            ChangeKind::Comments => "comments",
            ChangeKind::Findings => "findings",
            ChangeKind::Lease => "lease",
            ChangeKind::Publication => "publication",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        ChangeKind::ALL.into_iter().find(|kind| kind.as_str() == text)
    }
}

/// An administrative action, kept for the record: accounts added, disabled or reset,
/// leases released by force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditEntry {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub target: String,
    pub detail: String,
}
