//! The office's alias list for the 供稿 counts, one per publication, rows in the order the
//! office saved them. No rows: every name counts as itself.

use rusqlite::{Connection, Transaction, params};

use crate::archive::UnitAlias;
use crate::store::{Id, StoreError};

pub(super) const CREATE: &str = "
CREATE TABLE unit_alias (
    publication_id INTEGER NOT NULL REFERENCES publication (id),
    position       INTEGER NOT NULL,
    alias          TEXT NOT NULL,
    unit           TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    PRIMARY KEY (publication_id, position),
    UNIQUE (publication_id, alias)
) STRICT;
";

pub(super) fn unit_aliases(conn: &Connection, publication_id: Id) -> Result<Vec<UnitAlias>, StoreError> {
    let mut statement =
        conn.prepare("SELECT alias, unit FROM unit_alias WHERE publication_id = ?1 ORDER BY position")?;
    let rows = statement
        .query_map([publication_id], |row| Ok(UnitAlias { alias: row.get(0)?, unit: row.get(1)? }))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub(super) fn replace_unit_aliases(
    tx: &Transaction,
    publication_id: Id,
    aliases: &[UnitAlias],
    now: &str,
) -> Result<(), StoreError> {
    tx.execute("DELETE FROM unit_alias WHERE publication_id = ?1", [publication_id])?;
    let mut insert = tx.prepare(
        "INSERT INTO unit_alias (publication_id, position, alias, unit, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (position, row) in aliases.iter().enumerate() {
        insert
            .execute(params![publication_id, position as i64, row.alias.trim(), row.unit.trim(), now])
            .map_err(|e| duplicate_to_invalid(e, &row.alias))?;
    }
    Ok(())
}

/// A name listed twice is the caller's mistake, said as such.
fn duplicate_to_invalid(error: rusqlite::Error, alias: &str) -> StoreError {
    if error.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation) {
        StoreError::Invalid(format!("别名“{alias}”列了两次，请删去重复的一行"))
    } else {
        error.into()
    }
}
