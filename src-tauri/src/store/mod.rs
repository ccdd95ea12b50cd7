//! One SQLite file holds everything: publications, issues, articles and every article's
//! revisions, and each issue's status history with the text of every proof round. Each table's file holds its migration and its typed reads and writes.
//!
//! Safety rules: WAL with full sync, foreign keys on, every write in a transaction, stored JSON
//! decoded with `?` into an error naming the row (a corrupt article is never read as empty),
//! and every article save appends a revision, so no text is overwritten without a trace. A signed-off issue is locked by triggers
//! (`issue_lock`).

mod article_table;
mod clock;
mod comment_table;
mod error;
mod ignored_finding_table;
mod issue_lock;
mod issue_table;
mod migration;
mod publication_table;
mod revision_table;
mod status_table;
mod word_list_table;

use std::path::Path;

use rusqlite::Connection;

pub use article_table::ArticleRecord;
pub use clock::{Clock, FixedClock, LocalZone, SystemClock};
pub use comment_table::{CommentMessage, CommentThread, NewComment};
pub use error::StoreError;
pub use ignored_finding_table::{FindingKey, IgnoredFinding};
pub use issue_table::{IssueRecord, IssueSummary};
pub use migration::{LATEST_VERSION, apply_migrations, migrations};
pub use revision_table::{Revision, RevisionSummary};
pub use status_table::{RoundSnapshot, SnapshotArticle, StatusChange, StatusTransition};

pub type Id = i64;

/// An open database.
pub struct Store {
    conn: Connection,
    clock: Box<dyn Clock>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.conn.path()).finish_non_exhaustive()
    }
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    /// A database written by a newer Jianbao is refused, untouched.
    pub fn open(path: &Path, clock: Box<dyn Clock>) -> Result<Store, StoreError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .map_err(|source| StoreError::Io { path: parent.to_owned(), source })?;
        }
        let mut conn = Connection::open(path).map_err(|e| StoreError::open(path, e))?;
        configure(&conn).map_err(|e| StoreError::open(path, e))?;
        apply_migrations(&mut conn, &migrations())?;
        Ok(Store { conn, clock })
    }

    pub fn path(&self) -> Option<&str> {
        self.conn.path()
    }

    fn now(&self) -> String {
        self.clock.now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
    }

    /// Copies the whole database into `target` while it stays usable (SQLite online backup).
    pub fn backup_to(&self, target: &Path) -> Result<(), StoreError> {
        let mut destination = Connection::open(target).map_err(|e| StoreError::open(target, e))?;
        let backup = rusqlite::backup::Backup::new(&self.conn, &mut destination)?;
        backup.run_to_completion(256, std::time::Duration::ZERO, None)?;
        Ok(())
    }
}

fn configure(conn: &Connection) -> rusqlite::Result<()> {
    // journal_mode answers with a row, so it is read rather than executed.
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
    debug_assert!(mode.eq_ignore_ascii_case("wal") || mode.eq_ignore_ascii_case("memory"));
    conn.execute_batch(
        "PRAGMA foreign_keys = ON;
         PRAGMA synchronous = FULL;
         PRAGMA busy_timeout = 5000;",
    )
}
