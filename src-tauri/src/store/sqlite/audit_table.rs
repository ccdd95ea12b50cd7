//! The record of administrative actions: who added, disabled or reset an account, who
//! released someone's article by force.

use rusqlite::params;

use super::SqliteStore;
use crate::store::{AuditEntry, AuditStore, StoreError};

pub(super) const CREATE: &str = "
CREATE TABLE audit_entry (
    id     INTEGER PRIMARY KEY,
    at     TEXT NOT NULL,
    actor  TEXT NOT NULL CHECK (actor <> ''),
    action TEXT NOT NULL CHECK (action <> ''),
    target TEXT NOT NULL,
    detail TEXT NOT NULL
) STRICT;
";

impl AuditStore for SqliteStore {
    fn record_audit(
        &mut self,
        actor: &str,
        action: &str,
        target: &str,
        detail: &str,
    ) -> Result<(), StoreError> {
        let now = self.now();
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO audit_entry (at, actor, action, target, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![now, actor, action, target, detail],
        )?;
        tx.commit()?;
        Ok(())
    }

    fn audit_entries(&self, limit: u32) -> Result<Vec<AuditEntry>, StoreError> {
        let mut statement = self
            .conn
            .prepare("SELECT at, actor, action, target, detail FROM audit_entry ORDER BY id DESC LIMIT ?1")?;
        let rows = statement.query_map([limit], |row| {
            Ok(AuditEntry {
                at: row.get(0)?,
                actor: row.get(1)?,
                action: row.get(2)?,
                target: row.get(3)?,
                detail: row.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
