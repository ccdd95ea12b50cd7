//! The database's own identity: a random id made once, when the schema step creates the table.
//! Whatever is kept outside the database about its content (the editor's unsaved drafts in the
//! web view's storage, which every database on the computer shares) is keyed by it, so that
//! it is never taken for content of another database.

use rusqlite::Connection;

use crate::store::StoreError;

pub(super) const CREATE: &str = "
CREATE TABLE store_identity (
    single INTEGER PRIMARY KEY CHECK (single = 1),
    id     TEXT NOT NULL CHECK (length(id) = 32)
) STRICT;
INSERT INTO store_identity (single, id) VALUES (1, lower(hex(randomblob(16))));
";

pub(super) fn store_identity(conn: &Connection) -> Result<String, StoreError> {
    Ok(conn.query_row("SELECT id FROM store_identity", [], |row| row.get(0))?)
}
