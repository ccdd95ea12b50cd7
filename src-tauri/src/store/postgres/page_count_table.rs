//! Page counts of issues kept for the statistics (see the SQLite store's `page_count_table`).

use postgres::Transaction;

use super::to_u32;
use crate::store::{Id, PageCount, StoreError};

pub(super) const CREATE: &str = "
CREATE TABLE issue_page_count (
    issue_id   bigint PRIMARY KEY REFERENCES issue (id),
    layout_key text NOT NULL,
    pages      bigint NOT NULL CHECK (pages >= 0)
);
";

pub(super) fn page_counts(tx: &mut Transaction, publication_id: Id) -> Result<Vec<PageCount>, StoreError> {
    let rows = tx.query(
        "SELECT p.issue_id, p.layout_key, p.pages FROM issue_page_count p JOIN issue i ON i.id = p.issue_id
         WHERE i.publication_id = $1",
        &[&publication_id],
    )?;
    rows.iter()
        .map(|row| {
            let issue_id: Id = row.try_get(0)?;
            Ok(PageCount {
                issue_id,
                layout_key: row.try_get(1)?,
                pages: to_u32("issue_page_count", issue_id, row.try_get(2)?)?,
            })
        })
        .collect()
}

pub(super) fn save_page_count(tx: &mut Transaction, count: &PageCount) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO issue_page_count (issue_id, layout_key, pages) VALUES ($1, $2, $3)
         ON CONFLICT (issue_id) DO UPDATE SET layout_key = excluded.layout_key, pages = excluded.pages",
        &[&count.issue_id, &count.layout_key, &i64::from(count.pages)],
    )?;
    Ok(())
}
