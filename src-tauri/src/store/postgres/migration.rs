//! Schema versions, kept in a one-row `schema_version` table: PostgreSQL's counterpart of
//! SQLite's `PRAGMA user_version`, with the same rule (version N = the first N steps applied).
//!
//! The SQL of each step lives beside its table (`*_table.rs`); this list only fixes their
//! order. No PostgreSQL database has been released yet, so columns the SQLite store added in
//! later steps (the round's assignee, a comment's pending anchor) are in their tables' first
//! step here; from the first release on, a change is a new step. The gate, every pending step and the new version run in one transaction under an
//! advisory lock: a failing step leaves the database exactly as it was, a newer schema is
//! refused untouched, and two servers starting at once migrate one after the other.
//!
//! A migration crate was weighed (refinery 0.10): it creates its history table and reads it in
//! transactions of their own before the grouped one that applies the steps, so a failed first
//! step leaves a table behind and two starting servers race each other. Twenty lines here keep
//! the SQLite store's guarantees exactly.

use postgres::{Client, Transaction};

use super::{
    account_table, article_table, audit_table, comment_table, event_table, ignored_finding_table, issue_lock,
    issue_table, lease_table, page_count_table, publication_table, revision_table, search_table,
    status_table, store_identity_table, unit_alias_table, word_list_table,
};
use crate::store::StoreError;

/// One schema step: its SQL, and what Rust must do in the same transaction after it (the search
/// index of the articles already stored is built from their decoded text).
#[derive(Debug, Clone, Copy)]
pub struct Step {
    pub sql: &'static str,
    pub then: Option<StepInRust>,
}

/// Rust run inside a step's transaction, after its SQL.
pub type StepInRust = fn(&mut Transaction) -> Result<(), StoreError>;

impl From<&'static str> for Step {
    fn from(sql: &'static str) -> Self {
        Step { sql, then: None }
    }
}

/// Every schema step in order; step N brings the database to version N.
pub fn migrations() -> Vec<Step> {
    let mut steps: Vec<Step> = [
        publication_table::CREATE,
        issue_table::CREATE,
        article_table::CREATE,
        revision_table::CREATE,
        status_table::CREATE,
        status_table::CREATE_SNAPSHOT,
        issue_lock::CREATE,
        comment_table::CREATE,
        ignored_finding_table::CREATE,
        word_list_table::CREATE,
        account_table::CREATE,
        lease_table::CREATE,
        event_table::CREATE,
        audit_table::CREATE,
    ]
    .map(Step::from)
    .into();
    steps.push(Step { sql: search_table::CREATE, then: Some(search_table::index_existing) });
    steps.push(unit_alias_table::CREATE.into());
    steps.push(page_count_table::CREATE.into());
    steps.push(store_identity_table::CREATE.into());
    steps
}

/// The schema version this build writes. A database with a higher version is refused.
pub const LATEST_VERSION: u32 = 18;

/// Taken for the whole migrating transaction (`pg_advisory_xact_lock`); the number only has
/// to differ from other advisory locks taken in the same database.
const MIGRATION_LOCK: i64 = 0x006A_6961_6E62_616F; // "jianbao" in ASCII

const CREATE_VERSION_TABLE: &str = "
CREATE TABLE IF NOT EXISTS schema_version (
    single  boolean PRIMARY KEY DEFAULT true CHECK (single),
    version integer NOT NULL CHECK (version >= 0)
);
";

/// Refuses a newer database untouched, then applies what is pending in one transaction.
pub fn apply_migrations(client: &mut Client, steps: &[Step]) -> Result<(), StoreError> {
    let mut tx = client.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])?;
    refuse_foreign_tables(&mut tx)?;
    tx.batch_execute(CREATE_VERSION_TABLE)?;
    let found = current_version(&mut tx)?;
    let supported = steps.len() as u32;
    if found > supported {
        return Err(StoreError::TooNew { found, supported });
    }
    for (index, step) in steps.iter().enumerate().skip(found as usize) {
        let failed = |detail: String| StoreError::Migration(format!("第 {} 步：{detail}", index + 1));
        tx.batch_execute(step.sql).map_err(|e| {
            failed(e.as_db_error().map_or_else(|| e.to_string(), |db| db.message().to_owned()))
        })?;
        if let Some(then) = step.then {
            then(&mut tx).map_err(|e| failed(e.to_string()))?;
        }
    }
    tx.execute(
        "INSERT INTO schema_version (version) VALUES ($1)
         ON CONFLICT (single) DO UPDATE SET version = excluded.version",
        &[&(supported as i32)],
    )?;
    tx.commit()?;
    Ok(())
}

fn current_version(tx: &mut Transaction) -> Result<u32, StoreError> {
    let row = tx.query_opt("SELECT version FROM schema_version", &[])?;
    let version: i32 = match row {
        Some(row) => row.try_get(0)?,
        None => 0,
    };
    u32::try_from(version).map_err(|_| StoreError::Migration(format!("结构版本 {version} 无效")))
}

/// A database holding other programs' tables and no schema version is not ours to fill.
fn refuse_foreign_tables(tx: &mut Transaction) -> Result<(), StoreError> {
    let row = tx.query_one(
        "SELECT count(*) FILTER (WHERE tablename <> 'schema_version'),
                count(*) FILTER (WHERE tablename = 'schema_version'),
                current_database()
         FROM pg_tables WHERE schemaname = current_schema()",
        &[],
    )?;
    let (others, ours, name): (i64, i64, String) = (row.try_get(0)?, row.try_get(1)?, row.try_get(2)?);
    if others > 0 && ours == 0 {
        return Err(StoreError::Invalid(format!(
            "数据库“{name}”里已有不属于简报台的数据表，未作任何改动；请为简报台单独建一个数据库（例如 createdb -E UTF8 jianbao）"
        )));
    }
    Ok(())
}

/// Chinese text needs a UTF8 database; another encoding would refuse or garble it.
pub(super) fn check_encoding(client: &mut Client) -> Result<(), StoreError> {
    let row = client.query_one("SELECT current_setting('server_encoding'), current_database()", &[])?;
    let (encoding, name): (String, String) = (row.try_get(0)?, row.try_get(1)?);
    if encoding != "UTF8" {
        return Err(StoreError::Invalid(format!(
            "数据库“{name}”的编码是 {encoding}，简报台需要 UTF8；请新建一个 UTF8 数据库（createdb -E UTF8 -T template0 jianbao）"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latest_version_counts_the_steps() {
        assert_eq!(migrations().len() as u32, LATEST_VERSION);
    }
}
