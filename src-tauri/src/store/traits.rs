//! What a store must do, one trait per table family, whichever database is behind it. The
//! service layer sees only `dyn Store`; every implementation passes the same contract suite
//! (`tests/store_contract/`), so the guarantees below hold for each.
//!
//! Every method that writes runs in one transaction of its own: it either happens whole or
//! not at all. A signed-off issue refuses every write to its masthead, articles, revisions and
//! comments with `StoreError::SignedOff`, enforced by the database itself.

use chrono::NaiveDate;

use super::{
    Account, ArticleRecord, ArticleSave, ArticleSearch, AuditEntry, ChangeEvent, CommentAnchor,
    CommentThread, FindingKey, Id, IgnoredFinding, IssueRecord, IssueSummary, Lease, LeaseOutcome,
    NewComment, PageCount, Revision, RevisionSummary, RoundSnapshot, SaveGuard, SearchRows, SessionRecord,
    StatusChange, StatusTransition, StoreError, YearCount,
};
use crate::archive::{Contribution, UnitAlias};
use crate::domain::{Article, Issue, IssueStatus, Publication, Role};
use crate::numbering::IssueNumbers;

/// Everything the service layer needs from a database.
pub trait Store:
    PublicationStore
    + IssueStore
    + ArticleStore
    + RevisionStore
    + RoundStore
    + CommentStore
    + FindingStore
    + WordListStore
    + AccountStore
    + LeaseStore
    + EventStore
    + AuditStore
    + ArchiveStore
    + Connection
    + Identity
    + Send
{
}

impl<T> Store for T where
    T: PublicationStore
        + IssueStore
        + ArticleStore
        + RevisionStore
        + RoundStore
        + CommentStore
        + FindingStore
        + WordListStore
        + AccountStore
        + LeaseStore
        + EventStore
        + AuditStore
        + ArchiveStore
        + Connection
        + Identity
        + Send
{
}

pub trait PublicationStore {
    fn create_publication(&mut self, publication: &Publication) -> Result<Id, StoreError>;
    fn update_publication(&mut self, id: Id, publication: &Publication) -> Result<(), StoreError>;
    fn publication(&self, id: Id) -> Result<Publication, StoreError>;
    /// The publication a single-bulletin office works on: the first one created.
    fn default_publication_id(&self) -> Result<Id, StoreError>;
}

pub trait IssueStore {
    /// Stores a new issue with its articles (each article's first revision by `author`).
    fn create_issue(&mut self, publication_id: Id, issue: &Issue, author: &str) -> Result<Id, StoreError>;
    /// The issue with its articles in print order. A trashed issue is still readable by id.
    fn issue(&self, id: Id) -> Result<IssueRecord, StoreError>;
    /// Issues not in the trash, newest first.
    fn list_issues(&self, publication_id: Id) -> Result<Vec<IssueSummary>, StoreError>;
    /// Issues in the trash (回收站), newest first, for restoring.
    fn list_trashed_issues(&self, publication_id: Id) -> Result<Vec<IssueSummary>, StoreError>;
    /// The numbers of every issue of the publication not in the trash, for numbering.
    fn issue_numbers(&self, publication_id: Id) -> Result<Vec<IssueNumbers>, StoreError>;
    /// Changes the masthead (kind, numbers, date; the year follows the date), keeping the
    /// articles and status. A date changed by hand becomes fixed (see `issue_date_fixed`).
    fn update_issue_masthead(
        &mut self,
        id: Id,
        numbers: &IssueNumbers,
        date: NaiveDate,
    ) -> Result<(), StoreError>;
    /// Whether the editor set the masthead date by hand (otherwise the sign-off date becomes it).
    fn issue_date_fixed(&self, id: Id) -> Result<bool, StoreError>;
    /// Moves an issue to the trash; it keeps its articles and revisions and can be restored.
    fn trash_issue(&mut self, id: Id) -> Result<(), StoreError>;
    fn restore_issue(&mut self, id: Id) -> Result<(), StoreError>;
}

pub trait ArticleStore {
    /// Appends an article at the end of the issue.
    fn add_article(&mut self, issue_id: Id, article: &Article, author: &str) -> Result<Id, StoreError>;
    /// Saves new content for an article and appends it as a revision in the same transaction;
    /// answers with the new revision's id. Refused, with nothing written, when `guard` is not
    /// met: `StoreError::Conflict` if a revision newer than `guard.base_revision` exists,
    /// `StoreError::Leased` if another account holds the article.
    fn save_article(
        &mut self,
        id: Id,
        article: &Article,
        author: &str,
        guard: &SaveGuard,
    ) -> Result<Id, StoreError>;
    /// Saves several articles in one transaction, each as one new revision by `author`:
    /// either every save lands or none (a replace-all across an issue never half-lands).
    /// Each save is refused as `save_article` refuses it; answers the new revisions in order.
    fn save_articles(
        &mut self,
        saves: &[ArticleSave],
        author: &str,
        holder: Option<&str>,
    ) -> Result<Vec<Id>, StoreError>;
    fn article(&self, id: Id) -> Result<ArticleRecord, StoreError>;
    /// The issue's articles in print order.
    fn articles_of(&self, issue_id: Id) -> Result<Vec<ArticleRecord>, StoreError>;
    /// Puts the issue's articles in the given order; `order` must list each of them once.
    fn reorder_articles(&mut self, issue_id: Id, order: &[Id]) -> Result<(), StoreError>;
    /// Takes an article out of its issue; the row and its revisions stay for recovery.
    fn remove_article(&mut self, id: Id) -> Result<(), StoreError>;
    /// Appends several articles at the end of the issue in one transaction: either all of them
    /// are stored, each with its first revision, or none (an import never half-lands).
    fn append_articles(
        &mut self,
        issue_id: Id,
        articles: &[Article],
        author: &str,
    ) -> Result<Vec<Id>, StoreError>;
}

pub trait RevisionStore {
    /// Every saved state of an article, newest first.
    fn revisions(&self, article_id: Id) -> Result<Vec<RevisionSummary>, StoreError>;
    fn revision(&self, id: Id) -> Result<Revision, StoreError>;
    /// Makes an old revision the article's content again; this is itself a new revision,
    /// so restoring never loses the state it replaces.
    fn restore_revision(
        &mut self,
        revision_id: Id,
        author: &str,
        guard: &SaveGuard,
    ) -> Result<Id, StoreError>;
}

/// The proof rounds: status changes with who/when/why and the text as each round began.
pub trait RoundStore {
    /// Records a status change, its snapshot of the text (for any status but draft) and the
    /// new status itself, all in one transaction; refused if the issue is no longer in
    /// `change.from`.
    fn record_transition(&mut self, issue_id: Id, change: &StatusTransition) -> Result<Id, StoreError>;
    /// Every status change of the issue, oldest first.
    fn status_history(&self, issue_id: Id) -> Result<Vec<StatusChange>, StoreError>;
    /// The text as it stood the last time the issue entered `status`, if it ever did.
    fn latest_snapshot(&self, issue_id: Id, status: IssueStatus)
    -> Result<Option<RoundSnapshot>, StoreError>;
}

pub trait CommentStore {
    fn add_comment_thread(&mut self, comment: &NewComment) -> Result<(), StoreError>;
    fn add_comment_reply(&mut self, thread_id: &str, author: &str, body: &str) -> Result<(), StoreError>;
    /// Resolves the thread (`by` = Some) or opens it again (`by` = None).
    fn set_comment_resolved(&mut self, thread_id: &str, by: Option<&str>) -> Result<(), StoreError>;
    /// Every thread on the issue's live articles, by article and in the order they were started.
    fn comment_threads_of_issue(&self, issue_id: Id) -> Result<Vec<CommentThread>, StoreError>;
    /// Threads of the article whose anchor still waits to be put into its runs.
    fn pending_anchors(&self, article_id: Id) -> Result<Vec<(String, CommentAnchor)>, StoreError>;
    /// The thread's anchor is in the article's runs now (or can no longer be placed).
    fn clear_pending_anchor(&mut self, thread_id: &str) -> Result<(), StoreError>;
}

/// Proof findings an editor chose to leave as they are, known by what they flagged.
pub trait FindingStore {
    /// Records that `by` ignores the finding; ignoring it again keeps the first record.
    fn ignore_finding(&mut self, issue_id: Id, key: &FindingKey, by: &str) -> Result<(), StoreError>;
    /// Shows the finding again; answers whether it had been ignored.
    fn unignore_finding(&mut self, issue_id: Id, key: &FindingKey) -> Result<bool, StoreError>;
    /// Every finding ignored on the issue, oldest first.
    fn ignored_findings(&self, issue_id: Id) -> Result<Vec<IgnoredFinding>, StoreError>;
}

/// The office's own word list for the proof checks, kept as the list file's text.
pub trait WordListStore {
    /// The office's list as text, if it has edited one.
    fn word_list_text(&self, publication_id: Id) -> Result<Option<String>, StoreError>;
    /// Replaces the office's list; the caller has checked that `text` parses.
    fn save_word_list_text(&mut self, publication_id: Id, text: &str) -> Result<(), StoreError>;
    /// Goes back to the shipped list.
    fn reset_word_list(&mut self, publication_id: Id) -> Result<(), StoreError>;
}

/// The accounts of an office and their logins. A token is stored only as its hash.
pub trait AccountStore {
    /// Refused with `StoreError::Invalid` if the name is taken.
    fn create_account(&mut self, name: &str, roles: &[Role], password_hash: &str) -> Result<Id, StoreError>;
    fn account_by_name(&self, name: &str) -> Result<Option<Account>, StoreError>;
    /// Every account, by name.
    fn accounts(&self) -> Result<Vec<Account>, StoreError>;
    /// Disables (or enables again) an account; disabling releases its leases in the same
    /// transaction. Its sessions stay, so that its next request is told the account is
    /// disabled (the session carries `disabled_at`) rather than only that it is logged out.
    fn set_account_disabled(&mut self, name: &str, disabled: bool) -> Result<(), StoreError>;
    /// Sets a new password and ends every session of the account.
    fn set_account_password(&mut self, name: &str, password_hash: &str) -> Result<(), StoreError>;
    fn set_account_roles(&mut self, name: &str, roles: &[Role]) -> Result<(), StoreError>;
    fn create_session(
        &mut self,
        token_hash: &str,
        account_id: Id,
        expires_at: &str,
    ) -> Result<(), StoreError>;
    /// The session, if it exists (expired or not: the caller compares `expires_at`).
    fn session(&self, token_hash: &str) -> Result<Option<SessionRecord>, StoreError>;
    /// Moves a live session's expiry on (it slides with use).
    fn extend_session(&mut self, token_hash: &str, expires_at: &str) -> Result<(), StoreError>;
    fn delete_session(&mut self, token_hash: &str) -> Result<(), StoreError>;
    /// Removes sessions that expired before now; answers how many.
    fn delete_expired_sessions(&mut self) -> Result<usize, StoreError>;
}

/// Check-out of articles for editing: one holder per article, lapsing without renewal.
pub trait LeaseStore {
    /// Gives the article to `holder` for `ttl` from now if nobody else holds it (or the
    /// other holder's lease lapsed); renews it if `holder` has it already.
    fn take_lease(
        &mut self,
        article_id: Id,
        holder: &str,
        ttl: std::time::Duration,
    ) -> Result<LeaseOutcome, StoreError>;
    /// Renews `holder`'s lease; `None` if they no longer hold it (it lapsed and someone
    /// else took it, or an administrator released it).
    fn renew_lease(
        &mut self,
        article_id: Id,
        holder: &str,
        ttl: std::time::Duration,
    ) -> Result<Option<Lease>, StoreError>;
    /// Gives the article up; answers whether `holder` held it.
    fn release_lease(&mut self, article_id: Id, holder: &str) -> Result<bool, StoreError>;
    /// Ends whoever's lease on the article; answers the lease it ended.
    fn force_release_lease(&mut self, article_id: Id) -> Result<Option<Lease>, StoreError>;
    /// The live lease on the article, if any.
    fn lease(&self, article_id: Id) -> Result<Option<Lease>, StoreError>;
    /// The live leases on the issue's articles.
    fn leases_of_issue(&self, issue_id: Id) -> Result<Vec<Lease>, StoreError>;
}

/// Change events, written by the database itself in the transaction of each change, so that
/// no change goes unannounced; numbered so that a client catches up on what it missed.
pub trait EventStore {
    /// Events after `seq`, oldest first, at most `limit`.
    fn events_since(&self, seq: Id, limit: u32) -> Result<Vec<ChangeEvent>, StoreError>;
    /// The number of the last event (0 when there is none).
    fn latest_event_seq(&self) -> Result<Id, StoreError>;
    /// The number of the oldest event still kept (clients behind it must reload everything).
    fn oldest_event_seq(&self) -> Result<Id, StoreError>;
    /// Forgets events older than `keep` of the newest ones; answers how many went.
    fn prune_events(&mut self, keep: u32) -> Result<usize, StoreError>;
}

/// The record of administrative actions.
pub trait AuditStore {
    fn record_audit(
        &mut self,
        actor: &str,
        action: &str,
        target: &str,
        detail: &str,
    ) -> Result<(), StoreError>;
    /// The newest `limit` entries, newest first.
    fn audit_entries(&self, limit: u32) -> Result<Vec<AuditEntry>, StoreError>;
}

/// The archive: search across every issue and the 供稿 counts. The store keeps an index of
/// each live article's texts (`archive::indexed_texts`) and attribution units, written in the
/// transaction of every article insert, save and removal, so it never lags the articles.
pub trait ArchiveStore {
    /// Articles with a text containing `search.text` (Latin letters without case), newest
    /// issue first and in print order within an issue.
    fn search_articles(&self, search: &ArticleSearch) -> Result<SearchRows, StoreError>;
    /// Every unit named on a live article's attribution line, with the issue's date.
    fn contributions(&self, publication_id: Id) -> Result<Vec<Contribution>, StoreError>;
    /// Every distinct unit name on live articles, sorted.
    fn contributing_units(&self, publication_id: Id) -> Result<Vec<String>, StoreError>;
    /// Issues and 字数 (`IndexedText::counts_as_characters`) of live issues per year, oldest first.
    fn year_counts(&self, publication_id: Id) -> Result<Vec<YearCount>, StoreError>;
    /// The office's alias list for the counts, in the order saved.
    fn unit_aliases(&self, publication_id: Id) -> Result<Vec<UnitAlias>, StoreError>;
    /// Replaces the alias list; the caller has checked it (`archive::alias_problems`).
    fn save_unit_aliases(&mut self, publication_id: Id, aliases: &[UnitAlias]) -> Result<(), StoreError>;
    /// The page counts kept for the publication's issues.
    fn page_counts(&self, publication_id: Id) -> Result<Vec<PageCount>, StoreError>;
    /// Keeps an issue's page count, replacing the one kept before.
    fn save_page_count(&mut self, count: &PageCount) -> Result<(), StoreError>;
}

/// Which database a store is: the same for every connection to it and for its backups, and
/// different for every database made.
pub trait Identity {
    /// A random id (32 hex digits) made when the database was.
    fn store_identity(&self) -> Result<String, StoreError>;
}

/// The connection under a store, for a pool to test and replace.
pub trait Connection {
    /// A cheap round trip to the database.
    fn check_connection(&self) -> Result<(), StoreError>;
    /// The connection is gone for good (the server closed it); the store must be replaced.
    fn is_broken(&self) -> bool;
}
