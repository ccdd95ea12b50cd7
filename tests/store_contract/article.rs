//! Articles: saved, appended, reordered and removed, in print order.

use jianbao::store::StoreError;

use super::{TestDatabase, contract_tests, fixture};
use crate::common;

contract_tests![
    a_saved_article_reads_back_on_another_connection,
    added_articles_go_to_the_end,
    appended_articles_keep_their_order_after_the_existing_ones,
    appending_to_a_missing_issue_changes_nothing,
    reorder_changes_the_print_order,
    a_reorder_that_misses_an_article_is_refused_and_changes_nothing,
    a_removed_article_leaves_the_issue_but_keeps_its_revisions,
    a_removed_article_cannot_be_saved_or_removed_again,
    an_article_added_after_a_removal_goes_to_the_end,
    saving_a_missing_article_is_not_found,
    a_corrupt_article_is_an_error_naming_the_row_never_an_empty_document,
];

fn titles(store: &dyn jianbao::store::Store, issue: i64) -> Vec<String> {
    store.articles_of(issue).expect("articles").iter().map(|r| r.article.title_text()).collect()
}

fn a_saved_article_reads_back_on_another_connection(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["甲", "乙"]);
    let edited = common::article("甲（改）", "改过的正文。");
    f.store.save_article(f.articles[0], &edited, "校对员", &crate::store_contract::NO_GUARD).expect("save");
    let record = db.open().article(f.articles[0]).expect("read");
    assert_eq!((record.issue_id, record.article), (f.issue, edited));
}

fn added_articles_go_to_the_end(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["甲", "乙"]);
    let id = f.store.add_article(f.issue, &common::article("丙", "三。"), "汤建").expect("add");
    assert_eq!(titles(&*f.store, f.issue), ["甲", "乙", "丙"]);
    assert_eq!(f.store.issue(f.issue).expect("issue").article_ids.last(), Some(&id));
}

fn appended_articles_keep_their_order_after_the_existing_ones(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["已有"]);
    let articles = [common::article("甲", "一。"), common::article("乙", "二。")];
    let ids = f.store.append_articles(f.issue, &articles, "汤建").expect("append");
    assert_eq!(titles(&*f.store, f.issue), ["已有", "甲", "乙"]);
    assert_eq!(f.store.issue(f.issue).expect("issue").article_ids[1..], ids[..]);
    for id in ids {
        assert_eq!(f.store.revisions(id).expect("revisions").len(), 1, "each with its first revision");
    }
}

fn appending_to_a_missing_issue_changes_nothing(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["已有"]);
    let error = f
        .store
        .append_articles(f.issue + 99, &[common::article("甲", "一。")], "汤建")
        .expect_err("no issue");
    assert!(matches!(error, StoreError::NotFound { .. }), "got {error:?}");
    assert_eq!(titles(&*f.store, f.issue), ["已有"], "the existing issue is untouched");
}

fn reorder_changes_the_print_order(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["甲", "乙", "丙"]);
    let order = [f.articles[2], f.articles[0], f.articles[1]];
    f.store.reorder_articles(f.issue, &order).expect("reorder");
    assert_eq!(db.open().issue(f.issue).expect("read").article_ids, order);
    f.store.reorder_articles(f.issue, &f.articles).expect("and back");
    assert_eq!(titles(&*f.store, f.issue), ["甲", "乙", "丙"]);
}

fn a_reorder_that_misses_an_article_is_refused_and_changes_nothing(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["甲", "乙"]);
    let error = f.store.reorder_articles(f.issue, &[f.articles[1]]).expect_err("one article missing");
    assert!(matches!(error, StoreError::Invalid(_)), "got {error:?}");
    let error =
        f.store.reorder_articles(f.issue, &[f.articles[1], f.articles[1]]).expect_err("one listed twice");
    assert!(matches!(error, StoreError::Invalid(_)), "got {error:?}");
    assert_eq!(f.store.issue(f.issue).expect("read").article_ids, f.articles);
}

fn a_removed_article_leaves_the_issue_but_keeps_its_revisions(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["甲", "乙"]);
    f.store.remove_article(f.articles[0]).expect("remove");
    assert_eq!(f.store.issue(f.issue).expect("read").article_ids, [f.articles[1]]);
    assert_eq!(f.store.revisions(f.articles[0]).expect("revisions").len(), 1, "its history is kept");
    assert!(matches!(f.store.article(f.articles[0]), Err(StoreError::NotFound { .. })));
}

fn a_removed_article_cannot_be_saved_or_removed_again(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["甲", "乙"]);
    f.store.remove_article(f.articles[0]).expect("remove");
    let save = f.store.save_article(
        f.articles[0],
        &common::article("甲", "复活？"),
        "汤建",
        &crate::store_contract::NO_GUARD,
    );
    assert!(matches!(save, Err(StoreError::NotFound { .. })), "got {save:?}");
    let remove = f.store.remove_article(f.articles[0]);
    assert!(matches!(remove, Err(StoreError::NotFound { .. })), "got {remove:?}");
    assert_eq!(
        f.store.revisions(f.articles[0]).expect("revisions").len(),
        1,
        "no revision for the refused save"
    );
}

fn an_article_added_after_a_removal_goes_to_the_end(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["甲", "乙", "丙"]);
    f.store.remove_article(f.articles[2]).expect("remove the last");
    f.store.reorder_articles(f.issue, &[f.articles[1], f.articles[0]]).expect("reorder the rest");
    f.store.add_article(f.issue, &common::article("丁", "四。"), "汤建").expect("add");
    assert_eq!(titles(&*f.store, f.issue), ["乙", "甲", "丁"]);
}

fn saving_a_missing_article_is_not_found(db: &dyn TestDatabase) {
    let mut store = db.open();
    let error = store
        .save_article(7, &common::article("x", "y"), "汤建", &crate::store_contract::NO_GUARD)
        .expect_err("no article 7");
    assert!(matches!(error, StoreError::NotFound { id: 7, .. }), "got {error:?}");
}

fn a_corrupt_article_is_an_error_naming_the_row_never_an_empty_document(db: &dyn TestDatabase) {
    let f = fixture(db, &["甲", "乙"]);
    let broken = f.articles[1];
    db.execute(&format!("UPDATE article SET content = '{{\"title\":[]}}' WHERE id = {broken}"))
        .expect("corrupt");
    let error = f.store.issue(f.issue).expect_err("one article cannot be decoded");
    assert!(
        matches!(&error, StoreError::CorruptRow { table: "article", id, .. } if *id == broken),
        "got {error:?}"
    );
    assert!(error.to_string().contains(&format!("第 {broken} 行")), "message names the row: {error}");
}
