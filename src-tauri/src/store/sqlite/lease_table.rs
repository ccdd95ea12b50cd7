//! Check-out of articles: one holder per article at a time. A lease is a row with an expiry,
//! not a held database lock, because an editor keeps an article open for minutes; it lapses
//! unless its holder's editor renews it.

use std::time::Duration;

use rusqlite::{OptionalExtension, Row, params};

use super::SqliteStore;
use crate::store::{Id, Lease, LeaseOutcome, LeaseStore, StoreError};

pub(super) const CREATE: &str = "
CREATE TABLE article_lease (
    article_id INTEGER PRIMARY KEY REFERENCES article (id),
    holder     TEXT NOT NULL CHECK (holder <> ''),
    taken_at   TEXT NOT NULL,
    expires_at TEXT NOT NULL
) STRICT;
";

impl LeaseStore for SqliteStore {
    fn take_lease(
        &mut self,
        article_id: Id,
        holder: &str,
        ttl: Duration,
    ) -> Result<LeaseOutcome, StoreError> {
        let now = self.now();
        let expires_at = self.later(ttl);
        let tx = self.conn.transaction()?;
        let live: Option<Id> = tx
            .query_row("SELECT id FROM article WHERE id = ?1 AND deleted_at IS NULL", [article_id], |row| {
                row.get(0)
            })
            .optional()?;
        live.ok_or(StoreError::NotFound { what: "文章", id: article_id })?;
        let current = tx
            .query_row(
                "SELECT article_id, holder, taken_at, expires_at FROM article_lease
                 WHERE article_id = ?1 AND expires_at > ?2",
                params![article_id, now],
                read_lease,
            )
            .optional()?;
        if let Some(lease) = current.as_ref().filter(|lease| lease.holder != holder) {
            return Ok(LeaseOutcome::HeldBy(lease.clone()));
        }
        // A lapsed lease of someone else's is replaced, with a new start; the holder's own
        // keeps the time it was first taken.
        let taken_at = current.map_or(now, |lease| lease.taken_at);
        let lease = tx.query_row(
            "INSERT INTO article_lease (article_id, holder, taken_at, expires_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (article_id) DO UPDATE
                 SET holder = excluded.holder, taken_at = excluded.taken_at, expires_at = excluded.expires_at
             RETURNING article_id, holder, taken_at, expires_at",
            params![article_id, holder, taken_at, expires_at],
            read_lease,
        )?;
        tx.commit()?;
        Ok(LeaseOutcome::Granted(lease))
    }

    fn renew_lease(
        &mut self,
        article_id: Id,
        holder: &str,
        ttl: Duration,
    ) -> Result<Option<Lease>, StoreError> {
        let now = self.now();
        let expires_at = self.later(ttl);
        let tx = self.conn.transaction()?;
        let lease = tx
            .query_row(
                "UPDATE article_lease SET expires_at = ?3
                 WHERE article_id = ?1 AND holder = ?2 AND expires_at > ?4
                 RETURNING article_id, holder, taken_at, expires_at",
                params![article_id, holder, expires_at, now],
                read_lease,
            )
            .optional()?;
        tx.commit()?;
        Ok(lease)
    }

    fn release_lease(&mut self, article_id: Id, holder: &str) -> Result<bool, StoreError> {
        let tx = self.conn.transaction()?;
        let removed = tx.execute(
            "DELETE FROM article_lease WHERE article_id = ?1 AND holder = ?2",
            params![article_id, holder],
        )?;
        tx.commit()?;
        Ok(removed > 0)
    }

    fn force_release_lease(&mut self, article_id: Id) -> Result<Option<Lease>, StoreError> {
        let now = self.now();
        let tx = self.conn.transaction()?;
        let lease = tx
            .query_row(
                "DELETE FROM article_lease WHERE article_id = ?1 RETURNING article_id, holder, taken_at, expires_at",
                [article_id],
                read_lease,
            )
            .optional()?;
        tx.commit()?;
        Ok(lease.filter(|lease| lease.expires_at > now))
    }

    fn lease(&self, article_id: Id) -> Result<Option<Lease>, StoreError> {
        let now = self.now();
        Ok(self
            .conn
            .query_row(
                "SELECT article_id, holder, taken_at, expires_at FROM article_lease
                 WHERE article_id = ?1 AND expires_at > ?2",
                params![article_id, now],
                read_lease,
            )
            .optional()?)
    }

    fn leases_of_issue(&self, issue_id: Id) -> Result<Vec<Lease>, StoreError> {
        let now = self.now();
        let mut statement = self.conn.prepare(
            "SELECT l.article_id, l.holder, l.taken_at, l.expires_at
             FROM article_lease l JOIN article a ON a.id = l.article_id
             WHERE a.issue_id = ?1 AND a.deleted_at IS NULL AND l.expires_at > ?2
             ORDER BY a.position, a.id",
        )?;
        let rows = statement.query_map(params![issue_id, now], read_lease)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

fn read_lease(row: &Row) -> rusqlite::Result<Lease> {
    Ok(Lease { article_id: row.get(0)?, holder: row.get(1)?, taken_at: row.get(2)?, expires_at: row.get(3)? })
}
