//! Schema versions, gated by `PRAGMA user_version`.
//!
//! The SQL of each step lives beside its table (`*_table.rs`); this list only fixes their
//! order. rusqlite_migration applies all pending steps and the new user_version in one
//! transaction, so a failing step leaves the database exactly as it was.

use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};

use crate::store::StoreError;

use super::{
    account_table, article_table, audit_table, comment_table, event_table, ignored_finding_table, issue_lock,
    issue_table, lease_table, page_count_table, publication_table, revision_table, search_table,
    status_table, store_identity_table, unit_alias_table, word_list_table,
};

/// Every schema step in order; step N brings the database to user_version N.
pub fn migrations() -> Vec<M<'static>> {
    vec![
        M::up(publication_table::CREATE),
        M::up(issue_table::CREATE),
        M::up(article_table::CREATE),
        M::up(revision_table::CREATE),
        M::up(status_table::CREATE),
        M::up(status_table::CREATE_SNAPSHOT),
        M::up(issue_lock::CREATE),
        M::up(comment_table::CREATE),
        M::up(ignored_finding_table::CREATE),
        M::up(word_list_table::CREATE),
        M::up(account_table::CREATE),
        M::up(lease_table::CREATE),
        M::up(comment_table::CREATE_PENDING_ANCHOR),
        M::up(event_table::CREATE),
        M::up(audit_table::CREATE),
        M::up(status_table::CREATE_ASSIGNEE),
        M::up(issue_table::CREATE_PRINT_EXTRAS),
        // The search index, filled from the articles already stored in the same transaction.
        M::up_with_hook(search_table::CREATE, search_table::index_existing),
        M::up(unit_alias_table::CREATE),
        M::up(page_count_table::CREATE),
        M::up(store_identity_table::CREATE),
    ]
}

/// The schema version this build writes. A database with a higher user_version is refused.
pub const LATEST_VERSION: u32 = 21;

/// Refuses a newer database untouched, then applies what is pending in one transaction.
pub fn apply_migrations(conn: &mut Connection, steps: &[M<'static>]) -> Result<(), StoreError> {
    let path = std::path::PathBuf::from(conn.path().unwrap_or_default());
    let found: u32 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .map_err(|e| StoreError::open(&path, e))?;
    let supported = steps.len() as u32;
    if found > supported {
        return Err(StoreError::TooNew { found, supported });
    }
    Migrations::from_slice(steps).to_latest(conn).map_err(|e| StoreError::Migration(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latest_version_counts_the_steps() {
        assert_eq!(migrations().len() as u32, LATEST_VERSION);
    }

    #[test]
    fn migrations_are_valid_sql() {
        assert!(Migrations::new(migrations()).validate().is_ok());
    }
}
