//! The office store: one PostgreSQL database that a server shares among its clients. Each
//! table's file holds its migration and its typed reads and writes, mirroring `sqlite/`;
//! `migration.rs` fixes their order.
//!
//! PostgreSQL runs transactions in READ COMMITTED, so no guarantee rests on isolation alone:
//! every write locks the issue row it changes first (`lock_issue`), a status change locks it
//! `FOR UPDATE`, and the sign-off lock is in triggers (`issue_lock`) that take a share lock on
//! the same row, so a write and a sign-off never pass each other. Locks are always taken in
//! one order, so writers queue instead of deadlocking: the issue, then the article (a save, a
//! lease), then the change-event counter (`event_table`), which numbers events in commit
//! order. Documents are `json` columns, which keep the text exactly as written (`jsonb` would
//! reorder keys).

mod account_table;
mod article_table;
mod audit_table;
mod comment_table;
mod error;
mod event_table;
mod from_sqlite;
mod ignored_finding_table;
mod issue_lock;
mod issue_table;
mod lease_table;
mod migration;
mod notify;
mod page_count_table;
mod publication_table;
mod revision_table;
mod search_table;
mod status_table;
mod store_identity_table;
mod unit_alias_table;
mod word_list_table;

use std::cell::RefCell;
use std::str::FromStr;

use chrono::{DateTime, SecondsFormat, Timelike, Utc};
use postgres::{Client, Config, IsolationLevel, NoTls, Transaction};

pub use from_sqlite::{MoveReport, move_sqlite_to_postgres};
pub use migration::{LATEST_VERSION, Step, apply_migrations, migrations};
pub use notify::{CHANNEL, ChangeListener};

use super::{Clock, Id, StoreError};

/// A connection to the office database.
pub struct PostgresStore {
    /// `postgres::Client` reads through `&mut`; the traits read through `&self`. A store is
    /// used from one thread at a time (it is `Send`, not `Sync`), and no method keeps the
    /// borrow while it calls another, so `borrow_mut` cannot find it taken.
    client: RefCell<Client>,
    clock: Box<dyn Clock>,
}

impl std::fmt::Debug for PostgresStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PostgresStore").finish_non_exhaustive()
    }
}

impl PostgresStore {
    /// Connects with a libpq connection string (`host=… dbname=jianbao user=…`) or URL
    /// (`postgres://user@host/jianbao`) and brings the schema up to date. A database written
    /// by a newer Jianbao is refused, untouched.
    pub fn connect(params: &str, clock: Box<dyn Clock>) -> Result<PostgresStore, StoreError> {
        PostgresStore::connect_with(&parse_config(params)?, clock)
    }

    pub fn connect_with(config: &Config, clock: Box<dyn Clock>) -> Result<PostgresStore, StoreError> {
        let mut client = config.connect(NoTls).map_err(error::unreachable)?;
        migration::check_encoding(&mut client)?;
        apply_migrations(&mut client, &migrations())?;
        Ok(PostgresStore { client: RefCell::new(client), clock })
    }

    /// Whether the connection has broken off; a broken store answers every call with
    /// `StoreError::Unreachable` and should be replaced (a pool does so).
    pub fn is_closed(&self) -> bool {
        self.client.borrow().is_closed()
    }

    /// Asks the server for an answer within `timeout`.
    pub fn check(&self, timeout: std::time::Duration) -> Result<(), StoreError> {
        Ok(self.client.borrow_mut().is_valid(timeout)?)
    }

    /// Millisecond precision, as the SQLite store records times, so both give the same text.
    fn now(&self) -> DateTime<Utc> {
        let now = self.clock.now();
        now.with_nanosecond(now.nanosecond() / 1_000_000 * 1_000_000).unwrap_or(now)
    }

    /// The time `after` from now, as `now` gives it.
    fn later(&self, after: std::time::Duration) -> DateTime<Utc> {
        let after = chrono::Duration::from_std(after).unwrap_or(chrono::Duration::MAX);
        self.now().checked_add_signed(after).unwrap_or(DateTime::<Utc>::MAX_UTC)
    }

    /// Runs `body` in one READ COMMITTED transaction: committed whole, or rolled back on error.
    fn write<T>(
        &mut self,
        body: impl FnOnce(&mut Transaction, DateTime<Utc>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let now = self.now();
        let mut tx = self.client.get_mut().transaction()?;
        let value = body(&mut tx, now)?;
        tx.commit()?;
        Ok(value)
    }

    /// Runs `body` in a read-only snapshot, so a read of several statements (an issue and its
    /// articles) never mixes two states of the database.
    fn read<T>(&self, body: impl FnOnce(&mut Transaction) -> Result<T, StoreError>) -> Result<T, StoreError> {
        let mut client = self.client.borrow_mut();
        let mut tx = client
            .build_transaction()
            .isolation_level(IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()?;
        let value = body(&mut tx)?;
        tx.commit()?;
        Ok(value)
    }
}

/// Both forms libpq reads: `key=value …` and `postgres://` / `postgresql://` URLs.
pub fn parse_config(params: &str) -> Result<Config, StoreError> {
    Config::from_str(params).map_err(|e| {
        StoreError::Invalid(format!(
            "数据库连接串无法识别（{e}）；请写成 host=服务器 dbname=jianbao user=用户名，或 postgres://用户名@服务器/jianbao"
        ))
    })
}

/// Locks the issue row for a write of its content and answers its status. Every write takes
/// this lock before any other, so two writes of one issue queue up instead of deadlocking
/// when each would upgrade a share lock its triggers took.
fn lock_issue(tx: &mut Transaction, issue_id: Id) -> Result<(), StoreError> {
    let found = tx.query_opt("SELECT id FROM issue WHERE id = $1 FOR NO KEY UPDATE", &[&issue_id])?;
    found.map(drop).ok_or(StoreError::NotFound { what: "期刊", id: issue_id })
}

/// Times are shown as the SQLite store writes them: UTC, RFC 3339, milliseconds.
fn rfc3339(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// A count or number read back into the `u32` the domain uses, or an error naming the row.
fn to_u32(table: &'static str, id: Id, value: i64) -> Result<u32, StoreError> {
    u32::try_from(value).map_err(|_| StoreError::corrupt(table, id, format!("数值 {value} 超出范围")))
}

impl super::Identity for PostgresStore {
    fn store_identity(&self) -> Result<String, StoreError> {
        self.read(store_identity_table::store_identity)
    }
}

impl super::Connection for PostgresStore {
    fn check_connection(&self) -> Result<(), StoreError> {
        self.check(std::time::Duration::from_secs(5))
    }

    fn is_broken(&self) -> bool {
        self.is_closed()
    }
}
