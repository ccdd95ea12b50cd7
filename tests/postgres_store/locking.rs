//! Row locks under READ COMMITTED: a write that arrives while a sign-off is under way waits
//! for it and is then refused; a second status change waits for the first and is refused.

use std::sync::mpsc;
use std::time::Duration;

use jianbao::domain::IssueStatus::*;
use jianbao::store::StoreError;

use super::postgres_tests;
use crate::PostgresDatabase;
use crate::store_contract::{TestDatabase, fixture, transition};

postgres_tests![
    a_save_during_a_sign_off_waits_for_it_and_is_refused,
    a_change_waits_for_the_change_under_way,
    an_event_is_numbered_after_the_change_that_commits_before_it,
];

/// Long enough for a blocked write to have finished if it were not blocked.
const WAIT: Duration = Duration::from_millis(300);

fn a_save_during_a_sign_off_waits_for_it_and_is_refused(db: &PostgresDatabase) {
    let f = fixture(db, &["甲"]);
    let (issue, article) = (f.issue, f.articles[0]);
    drop(f);
    // A sign-off under way, as the store does it: the issue locked FOR UPDATE, then changed.
    let mut signer = db.client();
    let mut sign_off = signer.transaction().expect("begin");
    sign_off.execute("SELECT status FROM issue WHERE id = $1 FOR UPDATE", &[&issue]).expect("lock");
    sign_off.execute("UPDATE issue SET status = 'signedOff' WHERE id = $1", &[&issue]).expect("sign off");

    let (done, outcome) = mpsc::channel();
    std::thread::scope(|scope| {
        scope.spawn(|| {
            let mut store = db.open();
            let result = store.save_article(
                article,
                &crate::common::article("甲", "抢在签发时保存。"),
                "汤建",
                &crate::store_contract::NO_GUARD,
            );
            done.send(result).expect("the test waits for it");
        });
        assert!(outcome.recv_timeout(WAIT).is_err(), "the save waits while the sign-off is under way");
        sign_off.commit().expect("the sign-off commits");
        let result = outcome.recv().expect("the save ends");
        assert!(matches!(result, Err(StoreError::SignedOff)), "then sees the sign-off: {result:?}");
    });
    assert_eq!(db.open().revisions(article).expect("revisions").len(), 1, "no revision slipped in");
}

fn a_change_waits_for_the_change_under_way(db: &PostgresDatabase) {
    let f = fixture(db, &["甲"]);
    let issue = f.issue;
    let mut other = db.client();
    let mut under_way = other.transaction().expect("begin");
    under_way.execute("SELECT status FROM issue WHERE id = $1 FOR UPDATE", &[&issue]).expect("lock");
    under_way.execute("UPDATE issue SET status = 'firstProof' WHERE id = $1", &[&issue]).expect("advance");

    let (done, outcome) = mpsc::channel();
    std::thread::scope(|scope| {
        scope.spawn(|| {
            let mut store = db.open();
            done.send(store.record_transition(issue, &transition(Draft, FirstProof)))
                .expect("the test waits");
        });
        assert!(outcome.recv_timeout(WAIT).is_err(), "the second change waits for the first");
        under_way.commit().expect("the first commits");
        let result = outcome.recv().expect("the second ends");
        assert!(matches!(result, Err(StoreError::Invalid(_))), "and finds the status moved on: {result:?}");
    });
}

/// Under READ COMMITTED a sequence would number events in the order they are written; the
/// counter numbers them in the order their changes commit.
fn an_event_is_numbered_after_the_change_that_commits_before_it(db: &PostgresDatabase) {
    let f = fixture(db, &[]);
    let publication = f.publication;
    drop(f);
    let mut other = db.client();
    let mut first = other.transaction().expect("begin");
    first
        .execute("UPDATE publication SET settings = settings WHERE id = $1", &[&publication])
        .expect("a change");

    let (done, outcome) = mpsc::channel();
    std::thread::scope(|scope| {
        scope.spawn(|| {
            let mut store = db.open();
            done.send(store.save_word_list_text(publication, "# 用词表\n")).expect("the test waits");
        });
        assert!(
            outcome.recv_timeout(WAIT).is_err(),
            "the second change's event waits for the first to commit"
        );
        first.commit().expect("the first commits");
        outcome.recv().expect("the second ends").expect("and is saved");
    });
    let events = db.open().events_since(0, 100).expect("events");
    let last_two: Vec<i64> = events.iter().rev().take(2).map(|event| event.seq).collect();
    assert_eq!(last_two.len(), 2);
    assert_eq!(last_two[0], last_two[1] + 1, "numbered one after the other, in commit order: {events:?}");
}
