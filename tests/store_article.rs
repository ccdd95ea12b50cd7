//! The `article` table.

mod common;

use jianbao::store::StoreError;
use jianbao::store::prelude::*;
use rusqlite::Connection;

fn issue_with_two_articles(db: &common::TempDb) -> (jianbao::store::SqliteStore, i64, Vec<i64>) {
    let (mut store, publication) = db.with_publication();
    let articles = vec![common::article("甲", "一。"), common::article("乙", "二。")];
    let id = store.create_issue(publication, &common::issue(13, 741, articles), "汤建").expect("create");
    let ids = store.issue(id).expect("read").article_ids;
    (store, id, ids)
}

#[test]
fn a_saved_article_reads_back_after_reopening() {
    let db = common::TempDb::new();
    let (mut store, _, ids) = issue_with_two_articles(&db);
    let edited = common::article("甲（改）", "改过的正文。");
    store.save_article(ids[0], &edited, "校对员").expect("save");
    drop(store);
    assert_eq!(db.open().article(ids[0]).expect("read").article, edited);
}

#[test]
fn added_articles_go_to_the_end() {
    let db = common::TempDb::new();
    let (mut store, issue, _) = issue_with_two_articles(&db);
    store.add_article(issue, &common::article("丙", "三。"), "汤建").expect("add");
    let titles: Vec<_> =
        store.articles_of(issue).expect("read").into_iter().map(|r| r.article.title_text()).collect();
    assert_eq!(titles, ["甲", "乙", "丙"]);
}

#[test]
fn reorder_changes_the_print_order() {
    let db = common::TempDb::new();
    let (mut store, issue, ids) = issue_with_two_articles(&db);
    store.reorder_articles(issue, &[ids[1], ids[0]]).expect("reorder");
    drop(store);
    assert_eq!(db.open().issue(issue).expect("read").article_ids, [ids[1], ids[0]]);
}

#[test]
fn a_reorder_that_misses_an_article_is_refused_and_changes_nothing() {
    let db = common::TempDb::new();
    let (mut store, issue, ids) = issue_with_two_articles(&db);
    let error = store.reorder_articles(issue, &[ids[1]]).expect_err("one article missing");
    assert!(matches!(error, StoreError::Invalid(_)));
    assert_eq!(store.issue(issue).expect("read").article_ids, ids);
}

#[test]
fn a_removed_article_leaves_the_issue_but_keeps_its_revisions() {
    let db = common::TempDb::new();
    let (mut store, issue, ids) = issue_with_two_articles(&db);
    store.remove_article(ids[0]).expect("remove");
    assert_eq!(store.issue(issue).expect("read").article_ids, [ids[1]]);
    assert_eq!(store.revisions(ids[0]).expect("revisions").len(), 1, "its history is kept");
}

#[test]
fn saving_a_missing_article_is_not_found() {
    let db = common::TempDb::new();
    let mut store = db.open();
    let error = store.save_article(7, &common::article("x", "y"), "汤建").expect_err("no article 7");
    assert!(matches!(error, StoreError::NotFound { id: 7, .. }));
}

#[test]
fn a_corrupt_article_is_an_error_naming_the_row_never_an_empty_document() {
    let db = common::TempDb::new();
    let (store, issue, ids) = issue_with_two_articles(&db);
    drop(store);
    let conn = Connection::open(&db.path).expect("open");
    conn.execute("UPDATE article SET content = '{\"title\":[]}' WHERE id = ?1", [ids[1]]).expect("corrupt");
    drop(conn);
    let store = db.open();
    let error = store.issue(issue).expect_err("one article cannot be decoded");
    assert!(
        matches!(&error, StoreError::CorruptRow { table: "article", id, .. } if *id == ids[1]),
        "got {error:?}"
    );
    assert!(error.to_string().contains(&format!("第 {} 行", ids[1])), "message names the row: {error}");
}
