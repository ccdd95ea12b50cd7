//! Check-out of articles: one holder at a time, renewed by its holder, lapsing without.

use std::time::Duration;

use jianbao::store::{LeaseOutcome, StoreError};

use super::{TestDatabase, contract_tests, fixture};

contract_tests![
    a_free_article_is_granted_and_its_holder_renews_it,
    another_holder_is_told_who_has_it_until_it_is_released,
    a_lapsed_lease_is_taken_over_and_cannot_be_renewed,
    an_administrator_ends_whoever_holds_it,
    an_issues_leases_are_listed_in_print_order,
    a_removed_or_missing_article_cannot_be_taken,
    of_two_takes_at_once_exactly_one_is_granted,
];

const MINUTE: Duration = Duration::from_secs(60);

fn a_free_article_is_granted_and_its_holder_renews_it(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["甲"]);
    let LeaseOutcome::Granted(lease) = f.store.take_lease(f.articles[0], "汤建", MINUTE).expect("take")
    else {
        panic!("a free article is granted")
    };
    assert_eq!((lease.article_id, lease.holder.as_str()), (f.articles[0], "汤建"));
    assert_eq!(
        (lease.taken_at.as_str(), lease.expires_at.as_str()),
        ("2025-09-02T08:30:00.000Z", "2025-09-02T08:31:00.000Z")
    );
    let again = f.store.take_lease(f.articles[0], "汤建", MINUTE * 5).expect("take again");
    let LeaseOutcome::Granted(again) = again else { panic!("the holder keeps it: {again:?}") };
    assert_eq!(
        (again.taken_at.as_str(), again.expires_at.as_str()),
        ("2025-09-02T08:30:00.000Z", "2025-09-02T08:35:00.000Z")
    );
    let renewed = f.store.renew_lease(f.articles[0], "汤建", MINUTE * 2).expect("renew").expect("held");
    assert_eq!(renewed.expires_at, "2025-09-02T08:32:00.000Z");
    assert_eq!(db.open().lease(f.articles[0]).expect("read"), Some(renewed), "another connection sees it");
}

fn another_holder_is_told_who_has_it_until_it_is_released(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["甲"]);
    f.store.take_lease(f.articles[0], "汤建", MINUTE).expect("take");
    let outcome = f.store.take_lease(f.articles[0], "李校对", MINUTE).expect("take");
    assert!(matches!(&outcome, LeaseOutcome::HeldBy(lease) if lease.holder == "汤建"), "got {outcome:?}");
    assert_eq!(f.store.renew_lease(f.articles[0], "李校对", MINUTE).expect("renew"), None, "not theirs");
    assert!(!f.store.release_lease(f.articles[0], "李校对").expect("release"), "not theirs to give up");
    assert!(f.store.release_lease(f.articles[0], "汤建").expect("release"));
    assert_eq!(f.store.lease(f.articles[0]).expect("read"), None);
    let outcome = f.store.take_lease(f.articles[0], "李校对", MINUTE).expect("take");
    assert!(matches!(&outcome, LeaseOutcome::Granted(lease) if lease.holder == "李校对"), "got {outcome:?}");
}

fn a_lapsed_lease_is_taken_over_and_cannot_be_renewed(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["甲"]);
    // The store's clock stands still: a lease of no time has lapsed at once.
    f.store.take_lease(f.articles[0], "汤建", Duration::ZERO).expect("take");
    assert_eq!(f.store.lease(f.articles[0]).expect("read"), None, "a lapsed lease is nobody's");
    assert_eq!(f.store.renew_lease(f.articles[0], "汤建", MINUTE).expect("renew"), None);
    let outcome = f.store.take_lease(f.articles[0], "李校对", MINUTE).expect("take");
    assert!(matches!(&outcome, LeaseOutcome::Granted(lease) if lease.holder == "李校对"), "got {outcome:?}");
}

fn an_administrator_ends_whoever_holds_it(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["甲", "乙"]);
    f.store.take_lease(f.articles[0], "汤建", MINUTE).expect("take");
    let ended = f.store.force_release_lease(f.articles[0]).expect("force").expect("there was one");
    assert_eq!(ended.holder, "汤建");
    assert_eq!(f.store.lease(f.articles[0]).expect("read"), None);
    assert_eq!(f.store.force_release_lease(f.articles[1]).expect("force"), None, "nothing to end");
    f.store.take_lease(f.articles[1], "汤建", Duration::ZERO).expect("take");
    assert_eq!(
        f.store.force_release_lease(f.articles[1]).expect("force"),
        None,
        "a lapsed lease is no lease"
    );
}

fn an_issues_leases_are_listed_in_print_order(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["甲", "乙", "丙"]);
    f.store.take_lease(f.articles[0], "汤建", MINUTE).expect("take");
    f.store.take_lease(f.articles[1], "李校对", MINUTE).expect("take");
    f.store.take_lease(f.articles[2], "王编辑", MINUTE).expect("take");
    f.store.reorder_articles(f.issue, &[f.articles[1], f.articles[0], f.articles[2]]).expect("reorder");
    f.store.remove_article(f.articles[2]).expect("remove");
    let holders: Vec<String> =
        f.store.leases_of_issue(f.issue).expect("leases").into_iter().map(|l| l.holder).collect();
    assert_eq!(holders, ["李校对", "汤建"]);
}

fn a_removed_or_missing_article_cannot_be_taken(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["甲"]);
    let missing = f.store.take_lease(f.articles[0] + 100, "汤建", MINUTE);
    assert!(matches!(missing, Err(StoreError::NotFound { .. })), "got {missing:?}");
    f.store.remove_article(f.articles[0]).expect("remove");
    let removed = f.store.take_lease(f.articles[0], "汤建", MINUTE);
    assert!(matches!(removed, Err(StoreError::NotFound { .. })), "got {removed:?}");
}

fn of_two_takes_at_once_exactly_one_is_granted(db: &dyn TestDatabase) {
    for _ in 0..super::concurrency::ROUNDS {
        let f = fixture(db, &["甲"]);
        let article = f.articles[0];
        let outcomes = super::concurrency::race(db, |index, store| {
            store.take_lease(article, ["汤建", "李校对"][index], MINUTE).expect("take")
        });
        let granted: Vec<_> = outcomes
            .iter()
            .filter_map(|o| match o {
                LeaseOutcome::Granted(l) => Some(l),
                _ => None,
            })
            .collect();
        assert_eq!(granted.len(), 1, "{outcomes:?}");
        assert_eq!(
            f.store.lease(article).expect("read").as_ref(),
            Some(granted[0]),
            "the granted one holds it"
        );
    }
}
