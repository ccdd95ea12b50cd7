//! The revision log: nothing is overwritten without a trace.

use jianbao::store::StoreError;

use super::{TestDatabase, contract_tests, fixture};
use crate::common;

contract_tests![
    every_way_an_article_is_born_writes_its_first_revision,
    every_save_appends_a_revision_with_author_time_and_content,
    restoring_a_revision_is_itself_a_revision,
    a_missing_revision_is_not_found,
];

fn every_way_an_article_is_born_writes_its_first_revision(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["随期刊创建"]);
    let added = f.store.add_article(f.issue, &common::article("新增", "正文。"), "李编辑").expect("add");
    let appended =
        f.store.append_articles(f.issue, &[common::article("导入", "正文。")], "王导入").expect("append");
    let born = [(f.articles[0], "汤建"), (added, "李编辑"), (appended[0], "王导入")];
    for (article, author) in born {
        let revisions = f.store.revisions(article).expect("revisions");
        assert_eq!(revisions.iter().map(|r| r.author.as_str()).collect::<Vec<_>>(), [author]);
        let first = f.store.revision(revisions[0].id).expect("revision");
        assert_eq!(first.article, f.store.article(article).expect("article").article);
    }
}

fn every_save_appends_a_revision_with_author_time_and_content(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["标题"]);
    let article = f.articles[0];
    let first = f.store.article(article).expect("article").article;
    let second = common::article("标题", "二稿。");
    f.store.save_article(article, &second, "校对员", &crate::store_contract::NO_GUARD).expect("save");
    f.store
        .save_article(article, &second, "校对员", &crate::store_contract::NO_GUARD)
        .expect("the same text saved again");

    let revisions = f.store.revisions(article).expect("list");
    let authors: Vec<_> = revisions.iter().map(|r| r.author.as_str()).collect();
    assert_eq!(authors, ["校对员", "校对员", "汤建"], "newest first, every save kept");
    assert!(revisions.iter().all(|r| r.article_id == article));
    assert_eq!(revisions[0].created_at, "2025-09-02T08:30:00.000Z", "the store's clock, UTC, milliseconds");
    assert_eq!(f.store.revision(revisions[2].id).expect("old").article, first);
    assert_eq!(f.store.revision(revisions[0].id).expect("new").article, second);
}

fn restoring_a_revision_is_itself_a_revision(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["标题"]);
    let article = f.articles[0];
    let first = f.store.article(article).expect("article").article;
    f.store
        .save_article(article, &common::article("标题", "改坏了。"), "汤建", &crate::store_contract::NO_GUARD)
        .expect("save");
    let oldest = f.store.revisions(article).expect("list").last().cloned().expect("has the first revision");
    f.store.restore_revision(oldest.id, "李编辑", &crate::store_contract::NO_GUARD).expect("restore");

    assert_eq!(f.store.article(article).expect("read").article, first);
    let revisions = f.store.revisions(article).expect("list");
    assert_eq!(revisions.len(), 3, "the bad version is kept too");
    assert_eq!(revisions[0].author, "李编辑", "the restore is signed by who restored");
}

fn a_missing_revision_is_not_found(db: &dyn TestDatabase) {
    let mut store = db.open();
    assert!(matches!(store.revision(5), Err(StoreError::NotFound { id: 5, .. })));
    assert!(matches!(
        store.restore_revision(5, "汤建", &crate::store_contract::NO_GUARD),
        Err(StoreError::NotFound { id: 5, .. })
    ));
    assert!(store.revisions(5).expect("an unknown article has no revisions").is_empty());
}
