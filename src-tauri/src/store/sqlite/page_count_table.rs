//! Page counts of issues kept for the statistics (see `store::PageCount`): a cache, written
//! when the statistics lay an issue out, read back while its layout key still matches.

use rusqlite::{Connection, params};

use crate::store::{Id, PageCount, StoreError};

pub(super) const CREATE: &str = "
CREATE TABLE issue_page_count (
    issue_id   INTEGER PRIMARY KEY REFERENCES issue (id),
    layout_key TEXT NOT NULL,
    pages      INTEGER NOT NULL CHECK (pages >= 0)
) STRICT;
";

pub(super) fn page_counts(conn: &Connection, publication_id: Id) -> Result<Vec<PageCount>, StoreError> {
    let mut statement = conn.prepare(
        "SELECT p.issue_id, p.layout_key, p.pages FROM issue_page_count p JOIN issue i ON i.id = p.issue_id
         WHERE i.publication_id = ?1",
    )?;
    let rows = statement.query_map([publication_id], |row| {
        Ok(PageCount { issue_id: row.get(0)?, layout_key: row.get(1)?, pages: row.get(2)? })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub(super) fn save_page_count(conn: &Connection, count: &PageCount) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO issue_page_count (issue_id, layout_key, pages) VALUES (?1, ?2, ?3)
         ON CONFLICT (issue_id) DO UPDATE SET layout_key = excluded.layout_key, pages = excluded.pages",
        params![count.issue_id, count.layout_key, count.pages],
    )?;
    Ok(())
}
