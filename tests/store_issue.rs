//! The `issue` table.

mod common;

use jianbao::domain::{IssueKind, IssueStatus};
use jianbao::numbering::IssueNumbers;
use jianbao::store::StoreError;
use jianbao::store::prelude::*;
use rusqlite::Connection;

#[test]
fn an_issue_round_trips_with_its_articles_in_order() {
    let db = common::TempDb::new();
    let (mut store, publication) = db.with_publication();
    let articles = vec![common::article("甲", "第一篇。"), common::article("乙", "第二篇。")];
    let issue = common::issue(13, 741, articles);
    let id = store.create_issue(publication, &issue, "汤建").expect("create");
    drop(store);
    let record = db.open().issue(id).expect("read back");
    assert_eq!(record.issue, issue);
    assert_eq!(record.publication_id, publication);
    assert_eq!(record.article_ids.len(), 2);
}

#[test]
fn the_list_is_newest_first_with_counts_and_masthead_labels() {
    let db = common::TempDb::new();
    let (mut store, publication) = db.with_publication();
    store.create_issue(publication, &common::issue(12, 739, vec![]), "汤建").expect("create");
    let articles = vec![common::article("娄底", "正文。")];
    store.create_issue(publication, &common::issue(13, 741, articles), "汤建").expect("create");
    let list = store.list_issues(publication).expect("list");
    let labels: Vec<_> = list.iter().map(|s| (s.issue_label.as_str(), s.article_count)).collect();
    assert_eq!(labels, [("第13期", 1), ("第12期", 0)]);
    assert_eq!(list[0].total_label, "（总第七百四十一期）");
    assert_eq!(list[0].date_label, "2025年9月2日");
    assert_eq!(list[0].first_title.as_deref(), Some("娄底"));
}

#[test]
fn issue_numbers_feed_the_numbering() {
    let db = common::TempDb::new();
    let (mut store, publication) = db.with_publication();
    store.create_issue(publication, &common::issue(12, 739, vec![]), "汤建").expect("create");
    let numbers = store.issue_numbers(publication).expect("numbers");
    assert_eq!(
        numbers,
        [IssueNumbers { kind: IssueKind::Regular, year: 2025, number: 12, total_number: 739 }]
    );
}

#[test]
fn a_trashed_issue_leaves_the_list_and_can_be_restored() {
    let db = common::TempDb::new();
    let (mut store, publication) = db.with_publication();
    let id = store.create_issue(publication, &common::issue(13, 741, vec![]), "汤建").expect("create");
    store.trash_issue(id).expect("trash");
    assert!(store.list_issues(publication).expect("list").is_empty());
    assert!(store.issue(id).is_ok(), "a trashed issue is still readable by id");
    store.restore_issue(id).expect("restore");
    assert_eq!(store.list_issues(publication).expect("list").len(), 1);
}

#[test]
fn an_issue_for_a_missing_publication_is_refused() {
    let db = common::TempDb::new();
    let mut store = db.open();
    let error = store.create_issue(99, &common::issue(1, 1, vec![]), "汤建").expect_err("no publication 99");
    assert!(matches!(error, StoreError::NotFound { id: 99, .. }), "got {error:?}");
}

#[test]
fn a_date_outside_the_issue_year_is_refused() {
    let db = common::TempDb::new();
    let (mut store, publication) = db.with_publication();
    let mut issue = common::issue(1, 1, vec![]);
    issue.year = 2024;
    let error = store.create_issue(publication, &issue, "汤建").expect_err("2025 date in a 2024 issue");
    assert!(error.to_string().contains("不在 2024 年内"), "{error}");
}

#[test]
fn an_unknown_status_in_the_file_is_an_error_naming_the_row() {
    let db = common::TempDb::new();
    let (mut store, publication) = db.with_publication();
    let id = store.create_issue(publication, &common::issue(13, 741, vec![]), "汤建").expect("create");
    drop(store);
    let conn = Connection::open(&db.path).expect("open");
    conn.execute("UPDATE issue SET status = 'published?' WHERE id = ?1", [id]).expect("corrupt");
    drop(conn);
    let error = db.open().issue(id).expect_err("unknown status");
    assert!(matches!(error, StoreError::CorruptRow { table: "issue", .. }), "got {error:?}");
    assert_eq!(IssueStatus::parse("published?"), None);
}
