//! The embedded store: one SQLite file. Each table's file holds its migration and its typed
//! reads and writes; `migration.rs` fixes their order.
//!
//! WAL with full sync, foreign keys on, STRICT tables; a signed-off issue is locked by
//! triggers (`issue_lock`).

mod account_table;
mod article_table;
mod audit_table;
mod comment_table;
mod event_table;
mod ignored_finding_table;
mod issue_lock;
mod issue_table;
mod lease_table;
mod migration;
mod page_count_table;
mod publication_table;
mod revision_table;
mod search_table;
mod status_table;
mod store_identity_table;
mod unit_alias_table;
mod word_list_table;

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

pub(super) use issue_lock::SIGNED_OFF_MARKER;
pub use migration::{LATEST_VERSION, apply_migrations, migrations};

use super::{Clock, StoreError};

/// An open SQLite database.
pub struct SqliteStore {
    conn: Connection,
    clock: Box<dyn Clock>,
}

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStore").field("path", &self.conn.path()).finish_non_exhaustive()
    }
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    /// A database written by a newer Jianbao is refused, untouched.
    pub fn open(path: &Path, clock: Box<dyn Clock>) -> Result<SqliteStore, StoreError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .map_err(|source| StoreError::Io { path: parent.to_owned(), source })?;
        }
        refuse_network_share(path)?;
        let mut conn = Connection::open(path).map_err(|e| StoreError::open(path, e))?;
        configure(&conn).map_err(|e| StoreError::open(path, e))?;
        // Every write transaction takes the write lock when it begins. A deferred one reads
        // first, and of two connections that both read, the second cannot upgrade to write:
        // it fails with "database is locked" at once instead of waiting its turn
        // (busy_timeout), and two editors saving the same issue through a pool would see it.
        conn.set_transaction_behavior(TransactionBehavior::Immediate);
        apply_migrations(&mut conn, &migrations())?;
        Ok(SqliteStore { conn, clock })
    }

    pub fn path(&self) -> Option<&str> {
        self.conn.path()
    }

    fn now(&self) -> String {
        timestamp(self.clock.now())
    }

    /// The time `after` from now, as stored.
    fn later(&self, after: std::time::Duration) -> String {
        let after = chrono::Duration::from_std(after).unwrap_or(chrono::Duration::MAX);
        timestamp(
            self.clock.now().checked_add_signed(after).unwrap_or(chrono::DateTime::<chrono::Utc>::MAX_UTC),
        )
    }

    /// Asks the database for an answer, as a pool does before it hands out a connection.
    pub fn check(&self) -> Result<(), StoreError> {
        Ok(self.conn.execute_batch("SELECT 1")?)
    }

    /// Copies the whole database into `target` while it stays usable (SQLite online backup).
    pub fn backup_to(&self, target: &Path) -> Result<(), StoreError> {
        let mut destination = Connection::open(target).map_err(|e| StoreError::open(target, e))?;
        let backup = rusqlite::backup::Backup::new(&self.conn, &mut destination)?;
        backup.run_to_completion(256, std::time::Duration::ZERO, None)?;
        Ok(())
    }
}

/// A database on a network share is refused before SQLite touches it (see `network_share`).
fn refuse_network_share(path: &Path) -> Result<(), StoreError> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    match super::network_share::file_system_of(folder) {
        Ok(super::network_share::FileSystemKind::Network(kind)) => {
            Err(StoreError::NetworkShare { path: path.to_owned(), kind })
        }
        // statfs failing says nothing about the network; opening the file will tell.
        Ok(super::network_share::FileSystemKind::Local) | Err(_) => Ok(()),
    }
}

/// Times are stored as RFC 3339 in UTC with milliseconds, so that text order is time order.
fn timestamp(at: chrono::DateTime<chrono::Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
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

impl super::Identity for SqliteStore {
    fn store_identity(&self) -> Result<String, StoreError> {
        store_identity_table::store_identity(&self.conn)
    }
}

impl super::Connection for SqliteStore {
    fn check_connection(&self) -> Result<(), StoreError> {
        self.check()
    }

    /// A file does not break off; errors surface on use.
    fn is_broken(&self) -> bool {
        false
    }
}
