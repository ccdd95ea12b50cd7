//! The office's alias list for the 供稿 counts (see the SQLite store's `unit_alias_table`).

use chrono::{DateTime, Utc};
use postgres::Transaction;

use crate::archive::UnitAlias;
use crate::store::{Id, StoreError};

pub(super) const CREATE: &str = "
CREATE TABLE unit_alias (
    publication_id bigint NOT NULL REFERENCES publication (id),
    position       bigint NOT NULL,
    alias          text NOT NULL,
    unit           text NOT NULL,
    updated_at     timestamptz NOT NULL,
    PRIMARY KEY (publication_id, position),
    UNIQUE (publication_id, alias)
);
";

pub(super) fn unit_aliases(tx: &mut Transaction, publication_id: Id) -> Result<Vec<UnitAlias>, StoreError> {
    let rows = tx.query(
        "SELECT alias, unit FROM unit_alias WHERE publication_id = $1 ORDER BY position",
        &[&publication_id],
    )?;
    rows.iter().map(|row| Ok(UnitAlias { alias: row.try_get(0)?, unit: row.try_get(1)? })).collect()
}

pub(super) fn replace_unit_aliases(
    tx: &mut Transaction,
    publication_id: Id,
    aliases: &[UnitAlias],
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    tx.execute("DELETE FROM unit_alias WHERE publication_id = $1", &[&publication_id])?;
    let insert = tx.prepare(
        "INSERT INTO unit_alias (publication_id, position, alias, unit, updated_at) VALUES ($1, $2, $3, $4, $5)",
    )?;
    for (position, row) in aliases.iter().enumerate() {
        let params: [&(dyn postgres::types::ToSql + Sync); 5] =
            [&publication_id, &(position as i64), &row.alias.trim(), &row.unit.trim(), &now];
        tx.execute(&insert, &params).map_err(|e| duplicate_to_invalid(e, &row.alias))?;
    }
    Ok(())
}

/// A name listed twice is the caller's mistake, said as such.
fn duplicate_to_invalid(error: postgres::Error, alias: &str) -> StoreError {
    if error.code() == Some(&postgres::error::SqlState::UNIQUE_VIOLATION) {
        StoreError::Invalid(format!("别名“{alias}”列了两次，请删去重复的一行"))
    } else {
        error.into()
    }
}
