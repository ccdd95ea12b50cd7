//! `service::articles`: what the editor's commands do, against a real SQLite file.

mod common;

use jianbao::service;
use jianbao::store::prelude::*;
use jianbao::store::{Id, SqliteStore};

fn issue_with_two_articles(db: &common::TempDb) -> (SqliteStore, Id, Vec<Id>) {
    let (mut store, publication) = db.with_publication();
    let articles = vec![common::article("第一篇", "甲。"), common::article("第二篇", "乙。")];
    let issue = store.create_issue(publication, &common::issue(13, 741, articles), "汤建").expect("create");
    let ids = store.issue(issue).expect("read").article_ids;
    (store, issue, ids)
}

#[test]
fn a_saved_article_reads_back_with_its_save_time() {
    let db = common::TempDb::new();
    let (mut store, _, ids) = issue_with_two_articles(&db);
    let edited = common::article("改过的标题", "新写的正文。");
    let summary = service::save_article(&mut store, ids[0], &edited, "汤建").expect("save");
    assert_eq!(summary.title, "改过的标题");
    assert_eq!(
        summary.han_count,
        5 + 5 + 5,
        "title, heading and paragraph; the contributor line is not counted"
    );

    let reopened = common::open(&db.path);
    let view = service::article_view(&reopened, ids[0]).expect("read");
    assert_eq!(view.article, edited, "the editor must find what it saved after a restart");
    assert_eq!(view.saved_at, "2025-09-02T08:30:00.000Z");
}

#[test]
fn a_blank_article_is_appended_and_can_be_removed() {
    let db = common::TempDb::new();
    let (mut store, issue, ids) = issue_with_two_articles(&db);
    let added = service::add_blank_article(&mut store, issue, "汤建").expect("add");
    let view = service::issue_view(&store, issue).expect("view");
    assert_eq!(view.articles.last().map(|a| a.id), Some(added), "a new article goes at the end");
    assert_eq!(view.articles.last().map(|a| a.han_count), Some(0));

    assert_eq!(service::remove_article(&mut store, ids[0]).expect("remove"), issue);
    let titles: Vec<_> =
        service::issue_view(&store, issue).expect("view").articles.into_iter().map(|a| a.id).collect();
    assert_eq!(titles, [ids[1], added]);
}

#[test]
fn reordering_changes_the_print_order_and_refuses_a_partial_list() {
    let db = common::TempDb::new();
    let (mut store, issue, ids) = issue_with_two_articles(&db);
    service::reorder_articles(&mut store, issue, &[ids[1], ids[0]]).expect("reorder");
    let order: Vec<_> =
        service::issue_view(&store, issue).expect("view").articles.iter().map(|a| a.id).collect();
    assert_eq!(order, [ids[1], ids[0]]);
    let error = service::reorder_articles(&mut store, issue, &[ids[1]]).expect_err("one article is missing");
    assert_eq!(error.code, jianbao::ErrorCode::InvalidInput, "the UI should reload the list, not crash");
}

#[test]
fn history_lists_views_and_restores_revisions() {
    let db = common::TempDb::new();
    let (mut store, _, ids) = issue_with_two_articles(&db);
    let original = store.article(ids[0]).expect("read").article;
    service::save_article(&mut store, ids[0], &common::article("第一篇", "改坏了。"), "汤建").expect("save");

    let revisions = service::list_revisions(&store, ids[0]).expect("list");
    assert_eq!(revisions.len(), 2);
    let oldest = revisions.last().expect("the first revision");
    assert_eq!(service::revision_view(&store, oldest.id).expect("view").article, original);

    let restored = service::restore_revision(&mut store, oldest.id, "汤建").expect("restore");
    assert_eq!(restored.article, original);
    assert_eq!(
        service::list_revisions(&store, ids[0]).expect("list").len(),
        3,
        "restoring keeps the bad one"
    );
}

#[test]
fn revisions_of_a_missing_article_are_not_found() {
    let db = common::TempDb::new();
    let (store, _, _) = issue_with_two_articles(&db);
    let error = service::list_revisions(&store, 999).expect_err("no such article");
    assert_eq!(error.code, jianbao::ErrorCode::NotFound);
}
