//! The database's own identity (see the SQLite store's `store_identity_table`). A database
//! moved from SQLite gets its own: drafts typed against the single-machine file are not the
//! office database's.

use postgres::Transaction;

use crate::store::StoreError;

pub(super) const CREATE: &str = "
CREATE TABLE store_identity (
    single boolean PRIMARY KEY DEFAULT true CHECK (single),
    id     text NOT NULL CHECK (length(id) = 32)
);
INSERT INTO store_identity (id) VALUES (replace(gen_random_uuid()::text, '-', ''));
";

pub(super) fn store_identity(tx: &mut Transaction) -> Result<String, StoreError> {
    Ok(tx.query_one("SELECT id FROM store_identity", &[])?.try_get(0)?)
}
