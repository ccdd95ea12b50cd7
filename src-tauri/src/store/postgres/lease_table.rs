//! Check-out of articles: one holder per article at a time. A lease is a row with an expiry,
//! not a held database lock, because an editor keeps an article open for minutes; it lapses
//! unless its holder's editor renews it. Taking a lease locks the article's issue and row
//! first, in the order a save does (`lock_issue_of_article`), so the two take turns and every
//! writer takes its locks in one order: issue, article, then the event counter.

use std::time::Duration;

use chrono::{DateTime, Utc};
use postgres::Row;

use super::article_table::lock_issue_of_article;
use super::{PostgresStore, rfc3339};
use crate::store::{Id, Lease, LeaseOutcome, LeaseStore, StoreError};

pub(super) const CREATE: &str = "
CREATE TABLE article_lease (
    article_id bigint PRIMARY KEY REFERENCES article (id),
    holder     text NOT NULL CHECK (holder <> ''),
    taken_at   timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
);
";

const COLUMNS: &str = "article_id, holder, taken_at, expires_at";

impl LeaseStore for PostgresStore {
    fn take_lease(
        &mut self,
        article_id: Id,
        holder: &str,
        ttl: Duration,
    ) -> Result<LeaseOutcome, StoreError> {
        let expires_at = self.later(ttl);
        self.write(|tx, now| {
            lock_issue_of_article(tx, article_id)?;
            let current = tx
                .query_opt(
                    &format!("SELECT {COLUMNS} FROM article_lease WHERE article_id = $1 AND expires_at > $2"),
                    &[&article_id, &now],
                )?
                .map(|row| read_lease(&row))
                .transpose()?;
            if let Some(lease) = current.as_ref().filter(|lease| lease.holder != holder) {
                return Ok(LeaseOutcome::HeldBy(lease.clone()));
            }
            // A lapsed lease of someone else's is replaced, with a new start; the holder's own
            // keeps the time it was first taken.
            let row = tx.query_one(
                &format!(
                    "INSERT INTO article_lease ({COLUMNS}) VALUES ($1, $2, $3, $4)
                     ON CONFLICT (article_id) DO UPDATE
                         SET holder = excluded.holder,
                             taken_at = CASE WHEN article_lease.holder = excluded.holder
                                              AND article_lease.expires_at > $3
                                             THEN article_lease.taken_at ELSE excluded.taken_at END,
                             expires_at = excluded.expires_at
                     RETURNING {COLUMNS}"
                ),
                &[&article_id, &holder, &now, &expires_at],
            )?;
            Ok(LeaseOutcome::Granted(read_lease(&row)?))
        })
    }

    fn renew_lease(
        &mut self,
        article_id: Id,
        holder: &str,
        ttl: Duration,
    ) -> Result<Option<Lease>, StoreError> {
        let expires_at = self.later(ttl);
        self.write(|tx, now| {
            let row = tx.query_opt(
                &format!(
                    "UPDATE article_lease SET expires_at = $3
                     WHERE article_id = $1 AND holder = $2 AND expires_at > $4
                     RETURNING {COLUMNS}"
                ),
                &[&article_id, &holder, &expires_at, &now],
            )?;
            row.map(|row| read_lease(&row)).transpose()
        })
    }

    fn release_lease(&mut self, article_id: Id, holder: &str) -> Result<bool, StoreError> {
        self.write(|tx, _| {
            let removed = tx.execute(
                "DELETE FROM article_lease WHERE article_id = $1 AND holder = $2",
                &[&article_id, &holder],
            )?;
            Ok(removed > 0)
        })
    }

    fn force_release_lease(&mut self, article_id: Id) -> Result<Option<Lease>, StoreError> {
        self.write(|tx, now| {
            let row = tx.query_opt(
                &format!(
                    "DELETE FROM article_lease WHERE article_id = $1 RETURNING {COLUMNS}, expires_at > $2"
                ),
                &[&article_id, &now],
            )?;
            let Some(row) = row else { return Ok(None) };
            let live: bool = row.try_get(4)?;
            live.then(|| read_lease(&row)).transpose()
        })
    }

    fn lease(&self, article_id: Id) -> Result<Option<Lease>, StoreError> {
        let now = self.now();
        self.read(|tx| {
            let row = tx.query_opt(
                &format!("SELECT {COLUMNS} FROM article_lease WHERE article_id = $1 AND expires_at > $2"),
                &[&article_id, &now],
            )?;
            row.map(|row| read_lease(&row)).transpose()
        })
    }

    fn leases_of_issue(&self, issue_id: Id) -> Result<Vec<Lease>, StoreError> {
        let now = self.now();
        self.read(|tx| {
            let rows = tx.query(
                "SELECT l.article_id, l.holder, l.taken_at, l.expires_at
                 FROM article_lease l JOIN article a ON a.id = l.article_id
                 WHERE a.issue_id = $1 AND a.deleted_at IS NULL AND l.expires_at > $2
                 ORDER BY a.position, a.id",
                &[&issue_id, &now],
            )?;
            rows.iter().map(read_lease).collect()
        })
    }
}

fn read_lease(row: &Row) -> Result<Lease, StoreError> {
    Ok(Lease {
        article_id: row.try_get(0)?,
        holder: row.try_get(1)?,
        taken_at: rfc3339(row.try_get::<_, DateTime<Utc>>(2)?),
        expires_at: rfc3339(row.try_get::<_, DateTime<Utc>>(3)?),
    })
}
