//! A save names the revision its text started from and who saves: a newer revision is a
//! conflict, another account's lease a refusal, and either leaves nothing written.

use std::time::Duration;

use jianbao::store::{ArticleSave, LeaseOutcome, SaveGuard, StoreError};

use super::{TestDatabase, contract_tests, fixture};
use crate::common;

contract_tests![
    a_save_on_the_latest_revision_answers_the_new_one,
    a_save_on_a_stale_revision_is_a_conflict_and_writes_nothing,
    a_save_against_another_accounts_lease_is_refused,
    of_two_saves_from_the_same_revision_exactly_one_lands,
    a_batch_save_lands_whole_one_revision_each,
    a_batch_save_with_one_stale_article_writes_nothing,
];

fn batch(f: &super::Fixture, text: &str) -> Vec<ArticleSave> {
    f.articles
        .iter()
        .map(|&id| ArticleSave {
            id,
            article: common::article("批量", text),
            base_revision: f.store.article(id).expect("article").revision,
        })
        .collect()
}

fn a_batch_save_lands_whole_one_revision_each(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["甲", "乙"]);
    let saves = batch(&f, "一起改。");
    let revisions = f.store.save_articles(&saves, "汤建", Some("汤建")).expect("batch save");
    assert_eq!(revisions.len(), 2);
    for (id, revision) in f.articles.iter().zip(&revisions) {
        let record = f.store.article(*id).expect("article");
        assert_eq!(record.revision, *revision, "each article is its new revision");
        assert_eq!(record.article, common::article("批量", "一起改。"));
        assert_eq!(f.store.revisions(*id).expect("revisions").len(), 2, "one revision per article");
    }
}

fn a_batch_save_with_one_stale_article_writes_nothing(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["甲", "乙"]);
    let saves = batch(&f, "一起改。");
    f.store
        .save_article(f.articles[1], &common::article("乙", "别人先改了。"), "李校对", &super::NO_GUARD)
        .expect("save");
    let error = f.store.save_articles(&saves, "汤建", None).expect_err("the second article is stale");
    assert!(matches!(error, StoreError::Conflict { .. }), "got {error:?}");
    assert_eq!(
        f.store.revisions(f.articles[0]).expect("revisions").len(),
        1,
        "the first save was rolled back too"
    );
    assert_eq!(f.store.article(f.articles[0]).expect("article").article.title, ["甲"]);
}

const MINUTE: Duration = Duration::from_secs(60);

fn a_save_on_the_latest_revision_answers_the_new_one(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["甲"]);
    let base = f.store.article(f.articles[0]).expect("article").revision;
    let guard = SaveGuard { base_revision: Some(base), holder: Some("汤建") };
    let saved =
        f.store.save_article(f.articles[0], &common::article("甲", "二稿。"), "汤建", &guard).expect("save");
    assert!(saved > base);
    assert_eq!(
        f.store.article(f.articles[0]).expect("article").revision,
        saved,
        "the article is that revision"
    );
    assert_eq!(f.store.revisions(f.articles[0]).expect("revisions")[0].id, saved);
    assert_eq!(f.store.articles_of(f.issue).expect("articles")[0].revision, saved);
}

fn a_save_on_a_stale_revision_is_a_conflict_and_writes_nothing(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["甲"]);
    let article = f.articles[0];
    let base = f.store.article(article).expect("article").revision;
    let newer = f
        .store
        .save_article(article, &common::article("甲", "李校对的改动。"), "李校对", &super::NO_GUARD)
        .expect("save");
    let stale = SaveGuard { base_revision: Some(base), holder: None };
    let error = f
        .store
        .save_article(article, &common::article("甲", "汤建的改动。"), "汤建", &stale)
        .expect_err("stale");
    assert!(
        matches!(&error, StoreError::Conflict { current_revision, author } if *current_revision == newer && author == "李校对"),
        "got {error:?}"
    );
    assert!(error.to_string().contains("李校对"), "the message names who saved: {error}");
    assert_eq!(f.store.revisions(article).expect("revisions").len(), 2, "no revision for the refused save");
    assert_eq!(f.store.article(article).expect("article").article, common::article("甲", "李校对的改动。"));
    let restore = f.store.restore_revision(base, "汤建", &stale).expect_err("a restore is a save too");
    assert!(matches!(restore, StoreError::Conflict { .. }), "got {restore:?}");
}

fn a_save_against_another_accounts_lease_is_refused(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["甲"]);
    let article = f.articles[0];
    let taken = f.store.take_lease(article, "李校对", MINUTE).expect("lease");
    assert!(matches!(taken, LeaseOutcome::Granted(_)), "got {taken:?}");
    let mine = SaveGuard { base_revision: None, holder: Some("汤建") };
    let error =
        f.store.save_article(article, &common::article("甲", "改动。"), "汤建", &mine).expect_err("leased");
    assert!(matches!(&error, StoreError::Leased { holder } if holder == "李校对"), "got {error:?}");
    assert_eq!(f.store.revisions(article).expect("revisions").len(), 1);
    let holders = SaveGuard { base_revision: None, holder: Some("李校对") };
    f.store
        .save_article(article, &common::article("甲", "改动。"), "李校对", &holders)
        .expect("the holder saves");
    f.store.release_lease(article, "李校对").expect("release");
    f.store.save_article(article, &common::article("甲", "再改。"), "汤建", &mine).expect("free again");
}

fn of_two_saves_from_the_same_revision_exactly_one_lands(db: &dyn TestDatabase) {
    for _ in 0..super::concurrency::ROUNDS {
        let f = fixture(db, &["甲"]);
        let article = f.articles[0];
        let base = f.store.article(article).expect("article").revision;
        let outcomes = super::concurrency::race(db, |index, store| {
            let guard = SaveGuard { base_revision: Some(base), holder: None };
            store.save_article(article, &common::article("甲", &format!("第{index}稿。")), "汤建", &guard)
        });
        assert_eq!(outcomes.iter().filter(|outcome| outcome.is_ok()).count(), 1, "{outcomes:?}");
        assert!(
            outcomes.iter().any(|outcome| matches!(outcome, Err(StoreError::Conflict { .. }))),
            "{outcomes:?}"
        );
        assert_eq!(f.store.revisions(article).expect("revisions").len(), 2);
    }
}
