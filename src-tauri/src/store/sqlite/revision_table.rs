use rusqlite::{OptionalExtension, Transaction, params};

use super::SqliteStore;
use crate::store::prelude::*;
use crate::store::{Id, Revision, RevisionStore, RevisionSummary, StoreError};

pub(super) const CREATE: &str = "
CREATE TABLE article_revision (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES article (id),
    author     TEXT NOT NULL,
    created_at TEXT NOT NULL,
    content    TEXT NOT NULL CHECK (json_valid(content))
) STRICT;
CREATE INDEX revision_by_article ON article_revision (article_id, id);
";

pub(super) fn append_revision(
    tx: &Transaction,
    article_id: Id,
    author: &str,
    now: &str,
    content: &str,
) -> Result<Id, StoreError> {
    tx.execute(
        "INSERT INTO article_revision (article_id, author, created_at, content) VALUES (?1, ?2, ?3, ?4)",
        params![article_id, author, now, content],
    )?;
    Ok(tx.last_insert_rowid())
}

impl RevisionStore for SqliteStore {
    /// Every saved state of an article, newest first.
    fn revisions(&self, article_id: Id) -> Result<Vec<RevisionSummary>, StoreError> {
        let mut statement = self.conn.prepare(
            "SELECT id, author, created_at FROM article_revision WHERE article_id = ?1 ORDER BY id DESC",
        )?;
        let rows = statement.query_map([article_id], |row| {
            Ok(RevisionSummary { id: row.get(0)?, article_id, author: row.get(1)?, created_at: row.get(2)? })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn revision(&self, id: Id) -> Result<Revision, StoreError> {
        let row = self
            .conn
            .query_row(
                "SELECT article_id, author, created_at, content FROM article_revision WHERE id = ?1",
                [id],
                |row| {
                    let summary = RevisionSummary {
                        id,
                        article_id: row.get(0)?,
                        author: row.get(1)?,
                        created_at: row.get(2)?,
                    };
                    Ok((summary, row.get::<_, String>(3)?))
                },
            )
            .optional()?;
        let (summary, content) = row.ok_or(StoreError::NotFound { what: "修订", id })?;
        let article =
            serde_json::from_str(&content).map_err(|e| StoreError::corrupt("article_revision", id, e))?;
        Ok(Revision { summary, article })
    }

    /// Makes an old revision the article's content again; this is itself a new revision,
    /// so restoring never loses the state it replaces.
    fn restore_revision(&mut self, revision_id: Id, author: &str) -> Result<(), StoreError> {
        let revision = self.revision(revision_id)?;
        self.save_article(revision.summary.article_id, &revision.article, author)
    }
}
