//! Where issues are kept. The service layer sees the `Store` trait (`traits.rs`); `sqlite/`
//! is the embedded single-machine implementation, one file holding publications, issues,
//! articles with every revision, the proof rounds with their snapshots, comments and ignored
//! findings.
//!
//! Safety rules every implementation keeps: every write in a transaction, stored JSON decoded
//! with `?` into an error naming the row (a corrupt article is never read as empty), every
//! article save appends a revision (no text is overwritten without a trace), and a signed-off
//! issue is locked inside the database, so no write path can forget to check.

mod clock;
mod error;
mod records;
mod sqlite;
mod traits;

pub use clock::{Clock, FixedClock, LocalZone, SystemClock};
pub use error::StoreError;
pub use records::{
    ArticleRecord, CommentMessage, CommentThread, FindingKey, IgnoredFinding, IssueRecord, IssueSummary,
    NewComment, Revision, RevisionSummary, RoundSnapshot, SnapshotArticle, StatusChange, StatusTransition,
};
pub use sqlite::{LATEST_VERSION, SqliteStore, apply_migrations, migrations};
pub use traits::{
    ArticleStore, CommentStore, FindingStore, IssueStore, PublicationStore, RevisionStore, RoundStore, Store,
    WordListStore,
};

pub type Id = i64;

/// The store's traits, for calling their methods on a `dyn Store`.
pub mod prelude {
    pub use super::{
        ArticleStore, CommentStore, FindingStore, IssueStore, PublicationStore, RevisionStore, RoundStore,
        Store, WordListStore,
    };
}
