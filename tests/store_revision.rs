//! The `article_revision` table: nothing is overwritten without a trace.

mod common;

use jianbao::domain::Article;
use jianbao::store::prelude::*;
use jianbao::store::{Id, SqliteStore};

/// A store holding one issue with one article, its first draft saved by 汤建.
fn one_article(db: &common::TempDb) -> (SqliteStore, Id, Article) {
    let (mut store, publication) = db.with_publication();
    let first = common::article("标题", "初稿。");
    let issue = store
        .create_issue(publication, &common::issue(13, 741, vec![first.clone()]), "汤建")
        .expect("create");
    let article = store.issue(issue).expect("read").article_ids[0];
    (store, article, first)
}

#[test]
fn every_save_appends_a_revision_with_author_time_and_content() {
    let db = common::TempDb::new();
    let (mut store, article, first) = one_article(&db);
    let second = common::article("标题", "二稿。");
    store.save_article(article, &second, "校对员").expect("save");

    let revisions = store.revisions(article).expect("list");
    let authors: Vec<_> = revisions.iter().map(|r| r.author.as_str()).collect();
    assert_eq!(authors, ["校对员", "汤建"], "newest first");
    assert_eq!(revisions[0].created_at, "2025-09-02T08:30:00.000Z");
    assert_eq!(store.revision(revisions[1].id).expect("old").article, first);
    assert_eq!(store.revision(revisions[0].id).expect("new").article, second);
}

#[test]
fn restoring_a_revision_is_itself_a_revision() {
    let db = common::TempDb::new();
    let (mut store, article, first) = one_article(&db);
    store.save_article(article, &common::article("标题", "改坏了。"), "汤建").expect("save");
    let oldest = store.revisions(article).expect("list").last().cloned().expect("has the first revision");
    store.restore_revision(oldest.id, "汤建").expect("restore");

    assert_eq!(store.article(article).expect("read").article, first);
    assert_eq!(store.revisions(article).expect("list").len(), 3, "the bad version is kept too");
}

#[test]
fn a_missing_revision_is_not_found() {
    let db = common::TempDb::new();
    let store = db.open();
    assert!(store.revision(5).is_err());
}
