//! Proof rounds: the status history with who/when/why, stale changes refused, and the text
//! as each round began.

use jianbao::domain::IssueStatus::*;
use jianbao::store::{StatusTransition, StoreError};

use super::{TestDatabase, contract_tests, date, fixture, transition};
use crate::common;

contract_tests![
    every_change_is_recorded_oldest_first_with_who_when_and_why,
    a_stale_change_is_refused_and_recorded_nowhere,
    a_change_of_a_missing_or_trashed_issue_is_not_found,
    a_snapshot_keeps_the_text_as_the_round_began,
    the_latest_snapshot_is_of_the_last_entry_into_the_status,
    a_sign_off_may_move_the_masthead_date_with_the_status,
];

fn every_change_is_recorded_oldest_first_with_who_when_and_why(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["甲"]);
    let advance =
        StatusTransition {
            note: "已核对人名", assignee: Some("王校对"), ..transition(Draft, FirstProof)
        };
    let first = f.store.record_transition(f.issue, &advance).expect("advance");
    let back = StatusTransition { by: "赵三校", note: "需作者改稿", ..transition(FirstProof, Draft) };
    let second = f.store.record_transition(f.issue, &back).expect("send back");
    assert!(second > first, "ids grow with time");

    let history = f.store.status_history(f.issue).expect("history");
    assert_eq!(history.iter().map(|c| c.id).collect::<Vec<_>>(), [first, second]);
    let recorded = &history[0];
    assert_eq!((recorded.issue_id, recorded.from, recorded.to), (f.issue, Draft, FirstProof));
    assert_eq!((recorded.changed_by.as_str(), recorded.note.as_str()), ("李校对", "已核对人名"));
    assert_eq!(recorded.changed_at, "2025-09-02T08:30:00.000Z", "the store's clock, UTC, milliseconds");
    assert_eq!(recorded.sign_off_date, None);
    assert_eq!(recorded.assignee.as_deref(), Some("王校对"), "the round was given to 王校对");
    assert_eq!(history[1].assignee, None);
    assert_eq!((history[1].changed_by.as_str(), history[1].to), ("赵三校", Draft));
    assert_eq!(f.store.issue(f.issue).expect("issue").issue.status, Draft);
}

fn a_stale_change_is_refused_and_recorded_nowhere(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["甲"]);
    let error =
        f.store.record_transition(f.issue, &transition(FirstProof, SecondProof)).expect_err("still a draft");
    assert!(matches!(error, StoreError::Invalid(_)), "got {error:?}");
    assert!(error.to_string().contains("刷新"), "the message says what to do: {error}");
    assert!(f.store.status_history(f.issue).expect("history").is_empty());
    assert!(f.store.latest_snapshot(f.issue, SecondProof).expect("snapshot").is_none());
    assert_eq!(f.store.issue(f.issue).expect("issue").issue.status, Draft);
}

fn a_change_of_a_missing_or_trashed_issue_is_not_found(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["甲"]);
    let missing = f.store.record_transition(f.issue + 50, &transition(Draft, FirstProof));
    assert!(matches!(missing, Err(StoreError::NotFound { .. })), "got {missing:?}");
    f.store.trash_issue(f.issue).expect("trash");
    let trashed = f.store.record_transition(f.issue, &transition(Draft, FirstProof));
    assert!(matches!(trashed, Err(StoreError::NotFound { .. })), "got {trashed:?}");
}

fn a_snapshot_keeps_the_text_as_the_round_began(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["甲", "乙", "丙"]);
    f.store.remove_article(f.articles[2]).expect("remove one before the round");
    f.store.reorder_articles(f.issue, &[f.articles[1], f.articles[0]]).expect("reorder");
    let before = f.store.articles_of(f.issue).expect("articles");
    let change = f.store.record_transition(f.issue, &transition(Draft, FirstProof)).expect("advance");
    f.store
        .save_article(
            f.articles[0],
            &common::article("甲", "一校后改过。"),
            "李校对",
            &crate::store_contract::NO_GUARD,
        )
        .expect("edit");

    let snapshot = f.store.latest_snapshot(f.issue, FirstProof).expect("read").expect("taken");
    assert_eq!((snapshot.status_change_id, snapshot.status), (change, FirstProof));
    assert_eq!(snapshot.taken_at, "2025-09-02T08:30:00.000Z");
    let taken: Vec<_> = snapshot.articles.iter().map(|a| (a.article_id, a.article.clone())).collect();
    let expected: Vec<_> = before.iter().map(|r| (r.id, r.article.clone())).collect();
    assert_eq!(taken, expected, "live articles in print order, as they stood, with their ids");
    assert!(f.store.latest_snapshot(f.issue, SecondProof).expect("read").is_none(), "not entered yet");
}

fn the_latest_snapshot_is_of_the_last_entry_into_the_status(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["甲"]);
    f.store.record_transition(f.issue, &transition(Draft, FirstProof)).expect("一校");
    f.store.record_transition(f.issue, &transition(FirstProof, Draft)).expect("back");
    assert!(f.store.latest_snapshot(f.issue, Draft).expect("read").is_none(), "a draft takes no snapshot");
    let edited = common::article("甲", "改稿后。");
    f.store.save_article(f.articles[0], &edited, "汤建", &crate::store_contract::NO_GUARD).expect("edit");
    let again = f.store.record_transition(f.issue, &transition(Draft, FirstProof)).expect("一校 again");
    let snapshot = f.store.latest_snapshot(f.issue, FirstProof).expect("read").expect("taken");
    assert_eq!(snapshot.status_change_id, again);
    assert_eq!(snapshot.articles[0].article, edited);
}

fn a_sign_off_may_move_the_masthead_date_with_the_status(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["甲"]);
    let path = [Draft, FirstProof, SecondProof, ThirdProof, AwaitingSignOff];
    for step in path.windows(2) {
        f.store.record_transition(f.issue, &transition(step[0], step[1])).expect("advance");
    }
    let sign_off = StatusTransition {
        by: "王主任",
        sign_off_date: Some(date(2025, 9, 6)),
        masthead_date: Some(date(2025, 9, 6)),
        ..transition(AwaitingSignOff, SignedOff)
    };
    f.store.record_transition(f.issue, &sign_off).expect("sign off");
    let issue = f.store.issue(f.issue).expect("issue").issue;
    assert_eq!((issue.status, issue.date), (SignedOff, date(2025, 9, 6)));
    let last = f.store.status_history(f.issue).expect("history").pop().expect("recorded");
    assert_eq!((last.changed_by.as_str(), last.sign_off_date), ("王主任", Some(date(2025, 9, 6))));
    assert!(f.store.latest_snapshot(f.issue, SignedOff).expect("read").is_some());
}
