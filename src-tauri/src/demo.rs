//! The demo database `make run` opens: 《联络动态》 with 2025年第13期 as printed.

use std::path::Path;

use crate::domain::{IssueFile, Publication};
use crate::error::AppError;
use crate::store::{Clock, Store};

/// 2025年第13期（总第七百四十一期）, typed in from the printed issue.
pub const LIANLUO_2025_13: &str = include_str!("../../tests/fixtures/lianluo-2025-13.json");

/// Opens `path`, and if it holds no publication yet, fills it with the demo publication and issue.
/// Running it again on a filled database changes nothing.
pub fn open_demo(path: &Path, clock: Box<dyn Clock>) -> Result<Store, AppError> {
    let mut store = Store::open(path, clock)?;
    if store.default_publication_id().is_err() {
        let file = IssueFile::from_json(LIANLUO_2025_13)?;
        let publication_id = store.create_publication(&file.publication)?;
        store.create_issue(publication_id, &file.issue, "示例")?;
    }
    Ok(store)
}

/// Creates the publication of a fresh database unless one exists; returns whether it did.
pub fn init(store: &mut Store) -> Result<bool, AppError> {
    if store.default_publication_id().is_ok() {
        return Ok(false);
    }
    store.create_publication(&Publication::lianluo_dongtai())?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_issue_reads_as_an_exchange_file() {
        let file = IssueFile::from_json(LIANLUO_2025_13).expect("the committed fixture is valid");
        assert_eq!(file.issue.total_number, 741);
        assert_eq!(file.issue.articles.len(), 2);
        assert_eq!(
            file.publication,
            Publication::lianluo_dongtai(),
            "the fixture carries the same settings a fresh database starts with"
        );
    }
}
