//! Two connections racing for the same issue: the database, not luck, decides the outcome.
//! Each race starts both writes at once (a barrier) and is run a few times.

use std::sync::Barrier;

use jianbao::domain::IssueStatus::*;
use jianbao::store::{Store, StoreError};

use super::{TestDatabase, contract_tests, fixture, transition};
use crate::common;

contract_tests![
    of_two_changes_from_the_same_status_exactly_one_wins,
    two_appends_get_places_of_their_own,
    two_saves_of_one_article_both_leave_a_revision,
];

pub(super) const ROUNDS: usize = 5;

/// Runs `work` on two connections of `db` at the same moment; answers both outcomes.
pub(super) fn race<T: Send>(
    db: &dyn TestDatabase,
    work: impl Fn(usize, &mut dyn Store) -> T + Sync,
) -> [T; 2] {
    let barrier = Barrier::new(2);
    let mut stores = [db.open(), db.open()];
    std::thread::scope(|scope| {
        let [first, second] = &mut stores;
        let runs = [(0, first), (1, second)].map(|(index, store)| {
            let (barrier, work) = (&barrier, &work);
            scope.spawn(move || {
                barrier.wait();
                work(index, &mut **store)
            })
        });
        runs.map(|run| run.join().expect("a racing write does not panic"))
    })
}

fn of_two_changes_from_the_same_status_exactly_one_wins(db: &dyn TestDatabase) {
    for _ in 0..ROUNDS {
        let f = fixture(db, &["甲"]);
        let outcomes = race(db, |_, store| store.record_transition(f.issue, &transition(Draft, FirstProof)));
        let winners = outcomes.iter().filter(|outcome| outcome.is_ok()).count();
        assert_eq!(winners, 1, "{outcomes:?}");
        let loser = outcomes.iter().find_map(|outcome| outcome.as_ref().err()).expect("one lost");
        assert!(matches!(loser, StoreError::Invalid(_)), "the loser is told to refresh: {loser:?}");
        assert_eq!(f.store.status_history(f.issue).expect("history").len(), 1, "one change recorded");
        assert_eq!(f.store.issue(f.issue).expect("issue").issue.status, FirstProof);
    }
}

fn two_appends_get_places_of_their_own(db: &dyn TestDatabase) {
    for _ in 0..ROUNDS {
        let f = fixture(db, &["已有"]);
        let outcomes = race(db, |index, store| {
            let articles = [
                common::article(&format!("甲{index}"), "一。"),
                common::article(&format!("乙{index}"), "二。"),
            ];
            store.append_articles(f.issue, &articles, "汤建")
        });
        let appended: Vec<Vec<i64>> =
            outcomes.into_iter().map(|outcome| outcome.expect("both appends land")).collect();
        let order = f.store.issue(f.issue).expect("issue").article_ids;
        assert_eq!(order.len(), 5, "every article is in the issue: {order:?}");
        for ids in appended {
            let places: Vec<usize> =
                ids.iter().map(|id| order.iter().position(|o| o == id).expect("listed")).collect();
            assert_eq!(
                places[1],
                places[0] + 1,
                "one append's articles stay together and in order: {order:?}"
            );
        }
    }
}

fn two_saves_of_one_article_both_leave_a_revision(db: &dyn TestDatabase) {
    for _ in 0..ROUNDS {
        let f = fixture(db, &["甲"]);
        let article = f.articles[0];
        let outcomes = race(db, |index, store| {
            store.save_article(
                article,
                &common::article("甲", &format!("第{index}稿。")),
                "汤建",
                &crate::store_contract::NO_GUARD,
            )
        });
        assert!(outcomes.iter().all(Result::is_ok), "{outcomes:?}");
        let revisions = f.store.revisions(article).expect("revisions");
        assert_eq!(revisions.len(), 3, "no save is lost from the history");
        let newest = f.store.revision(revisions[0].id).expect("revision").article;
        assert_eq!(
            f.store.article(article).expect("article").article,
            newest,
            "the article is the newest revision"
        );
    }
}
