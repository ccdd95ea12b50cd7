//! Proof findings an editor has looked at and chosen to leave as they are.
//!
//! A finding is known again by what it flagged, not by where: the article, the rule, the part
//! of the article, the flagged text and a few characters either side of it. Offsets and block
//! numbers move whenever text is typed earlier in the article; this key does not, so an
//! ignored finding stays ignored after edits elsewhere, and comes back if its own sentence
//! is rewritten.

use rusqlite::params;

use super::SqliteStore;
use crate::store::{FindingKey, FindingStore, Id, IgnoredFinding, StoreError};

pub(super) const CREATE: &str = "
CREATE TABLE ignored_finding (
    id         INTEGER PRIMARY KEY,
    issue_id   INTEGER NOT NULL REFERENCES issue (id),
    article_id INTEGER REFERENCES article (id),
    rule       TEXT NOT NULL,
    part       TEXT NOT NULL,
    text       TEXT NOT NULL,
    before     TEXT NOT NULL,
    after      TEXT NOT NULL,
    ignored_by TEXT NOT NULL CHECK (ignored_by <> ''),
    ignored_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX ignored_finding_key
    ON ignored_finding (issue_id, coalesce(article_id, 0), rule, part, text, before, after);
";

impl FindingStore for SqliteStore {
    /// Records that `by` ignores the finding; ignoring it again keeps the first record.
    fn ignore_finding(&mut self, issue_id: Id, key: &FindingKey, by: &str) -> Result<(), StoreError> {
        let now = self.now();
        let tx = self.conn.transaction()?;
        // ON CONFLICT, not INSERT OR IGNORE: that would also skip a row breaking a CHECK (a
        // nameless ignore), dropping it without an error.
        tx.execute(
            "INSERT INTO ignored_finding
                 (issue_id, article_id, rule, part, text, before, after, ignored_by, ignored_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT DO NOTHING",
            params![issue_id, key.article_id, key.rule, key.part, key.text, key.before, key.after, by, now],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Shows the finding again; answers whether it had been ignored.
    fn unignore_finding(&mut self, issue_id: Id, key: &FindingKey) -> Result<bool, StoreError> {
        let tx = self.conn.transaction()?;
        let removed = tx.execute(
            "DELETE FROM ignored_finding
             WHERE issue_id = ?1 AND coalesce(article_id, 0) = coalesce(?2, 0) AND rule = ?3
               AND part = ?4 AND text = ?5 AND before = ?6 AND after = ?7",
            params![issue_id, key.article_id, key.rule, key.part, key.text, key.before, key.after],
        )?;
        tx.commit()?;
        Ok(removed > 0)
    }

    /// Every finding ignored on the issue, oldest first.
    fn ignored_findings(&self, issue_id: Id) -> Result<Vec<IgnoredFinding>, StoreError> {
        let mut statement = self.conn.prepare(
            "SELECT article_id, rule, part, text, before, after, ignored_by, ignored_at
             FROM ignored_finding WHERE issue_id = ?1 ORDER BY id",
        )?;
        let rows = statement.query_map([issue_id], |row| {
            Ok(IgnoredFinding {
                key: FindingKey {
                    article_id: row.get(0)?,
                    rule: row.get(1)?,
                    part: row.get(2)?,
                    text: row.get(3)?,
                    before: row.get(4)?,
                    after: row.get(5)?,
                },
                ignored_by: row.get(6)?,
                ignored_at: row.get(7)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
