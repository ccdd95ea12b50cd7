//! The demo database `make run` opens: 《联络动态》 with 2025年第13期 as printed.

use crate::domain::IssueFile;
use crate::error::AppError;
use crate::store::Store;

/// 2025年第13期（总第七百四十一期）, typed in from the printed issue.
pub const LIANLUO_2025_13: &str = include_str!("../../tests/fixtures/lianluo-2025-13.json");

/// Fills a database that holds no publication yet with the demo publication and issue.
/// Running it again on a filled database changes nothing.
pub fn fill_demo(store: &mut dyn Store) -> Result<(), AppError> {
    if store.default_publication_id().is_err() {
        let file = IssueFile::from_json(LIANLUO_2025_13)?;
        let publication_id = store.create_publication(&file.publication)?;
        store.create_issue(publication_id, &file.issue, "示例")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Publication;

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
