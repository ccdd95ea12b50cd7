use rusqlite::{OptionalExtension, params};

use super::SqliteStore;
use crate::domain::Publication;
use crate::store::{Id, PublicationStore, StoreError};

pub(super) const CREATE: &str = "
CREATE TABLE publication (
    id         INTEGER PRIMARY KEY,
    settings   TEXT NOT NULL CHECK (json_valid(settings)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
";

impl PublicationStore for SqliteStore {
    fn create_publication(&mut self, publication: &Publication) -> Result<Id, StoreError> {
        let now = self.now();
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO publication (settings, created_at, updated_at) VALUES (?1, ?2, ?2)",
            params![to_json(publication), now],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        Ok(id)
    }

    fn update_publication(&mut self, id: Id, publication: &Publication) -> Result<(), StoreError> {
        let now = self.now();
        let tx = self.conn.transaction()?;
        let changed = tx.execute(
            "UPDATE publication SET settings = ?1, updated_at = ?2 WHERE id = ?3",
            params![to_json(publication), now, id],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound { what: "刊物", id });
        }
        tx.commit()?;
        Ok(())
    }

    fn publication(&self, id: Id) -> Result<Publication, StoreError> {
        let settings: Option<String> = self
            .conn
            .query_row("SELECT settings FROM publication WHERE id = ?1", [id], |row| row.get(0))
            .optional()?;
        let settings = settings.ok_or(StoreError::NotFound { what: "刊物", id })?;
        serde_json::from_str(&settings).map_err(|e| StoreError::corrupt("publication", id, e))
    }

    /// The publication a single-bulletin office works on: the first one created.
    fn default_publication_id(&self) -> Result<Id, StoreError> {
        self.conn
            .query_row("SELECT id FROM publication ORDER BY id LIMIT 1", [], |row| row.get(0))
            .optional()?
            .ok_or(StoreError::NoPublication)
    }
}

fn to_json(publication: &Publication) -> String {
    serde_json::to_string(publication).expect("domain types serialize without failure")
}
