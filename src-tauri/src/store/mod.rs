//! Where issues are kept. The service layer sees the `Store` trait (`traits.rs`); `sqlite/`
//! is the embedded single-machine implementation and `postgres/` (feature `postgres`) the
//! office store a server shares; SQLite keeps one file holding publications, issues,
//! articles with every revision, the proof rounds with their snapshots, comments and ignored
//! findings.
//!
//! Safety rules every implementation keeps: every write in a transaction, stored JSON decoded
//! with `?` into an error naming the row (a corrupt article is never read as empty), every
//! article save appends a revision (no text is overwritten without a trace), and a signed-off
//! issue is locked inside the database, so no write path can forget to check.

mod archive_records;
mod clock;
mod error;
mod masthead;
pub mod network_share;
pub mod pool;
#[cfg(feature = "postgres")]
pub mod postgres;
mod records;
mod sqlite;
mod traits;

#[cfg(feature = "postgres")]
pub use self::postgres::PostgresStore;
pub use archive_records::{ArticleSearch, PageCount, SearchRow, SearchRows, YearCount};
use archive_records::{stored_kind, stored_part};
pub use clock::{Clock, FixedClock, LocalZone, SystemClock};
pub use error::StoreError;
pub use records::{
    Account, ArticleRecord, ArticleSave, AuditEntry, ChangeEvent, ChangeKind, CommentMessage, CommentThread,
    FindingKey, IgnoredFinding, IssueRecord, IssueSummary, Lease, LeaseOutcome, NewComment, Revision,
    RevisionSummary, RoundSnapshot, SaveGuard, SessionRecord, SnapshotArticle, StatusChange,
    StatusTransition,
};
pub use sqlite::{LATEST_VERSION, SqliteStore, apply_migrations, migrations};
pub use traits::{
    AccountStore, ArchiveStore, ArticleStore, AuditStore, CommentStore, Connection, EventStore, FindingStore,
    Identity, IssueStore, LeaseStore, PublicationStore, RevisionStore, RoundStore, Store, WordListStore,
};

pub use crate::domain::{AnchorPart, CommentAnchor};

pub type Id = i64;

/// The store's traits, for calling their methods on a `dyn Store`.
pub mod prelude {
    pub use super::{
        AccountStore, ArchiveStore, ArticleStore, AuditStore, CommentStore, EventStore, FindingStore,
        Identity, IssueStore, LeaseStore, PublicationStore, RevisionStore, RoundStore, Store, WordListStore,
    };
}
