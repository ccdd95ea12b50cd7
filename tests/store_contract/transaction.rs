//! Every write is one transaction: one that fails half-way leaves no trace, and the
//! connection goes on working after it.

use jianbao::domain::IssueStatus::*;
use jianbao::store::{NewComment, StatusTransition};

use super::{TestDatabase, contract_tests, fixture, transition};
use crate::common;

contract_tests![
    a_thread_whose_first_message_fails_is_not_kept,
    a_status_change_whose_record_fails_leaves_the_status,
    a_connection_writes_again_after_a_failed_transaction,
];

fn a_thread_whose_first_message_fails_is_not_kept(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["甲"]);
    // The thread row goes in first; the nameless message after it breaks a constraint.
    let nameless = NewComment {
        thread_id: "c1",
        article_id: f.articles[0],
        quote: "正文",
        author: "",
        body: "意见",
        anchor: None,
    };
    assert!(f.store.add_comment_thread(&nameless).is_err());
    assert!(
        db.open().comment_threads_of_issue(f.issue).expect("threads").is_empty(),
        "no thread without its message"
    );
    let named = NewComment { author: "李校对", ..nameless };
    f.store.add_comment_thread(&named).expect("the id was never taken");
}

fn a_status_change_whose_record_fails_leaves_the_status(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["甲"]);
    // The status is written first; the nameless history row after it breaks a constraint.
    let nameless = StatusTransition { by: "", ..transition(Draft, FirstProof) };
    assert!(f.store.record_transition(f.issue, &nameless).is_err());
    let reader = db.open();
    assert_eq!(
        reader.issue(f.issue).expect("issue").issue.status,
        Draft,
        "the status went back with the record"
    );
    assert!(reader.status_history(f.issue).expect("history").is_empty());
    assert!(reader.latest_snapshot(f.issue, FirstProof).expect("snapshot").is_none());
}

fn a_connection_writes_again_after_a_failed_transaction(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["甲"]);
    let nameless = StatusTransition { by: "", ..transition(Draft, FirstProof) };
    assert!(f.store.record_transition(f.issue, &nameless).is_err());
    assert!(
        f.store
            .save_article(
                f.articles[0] + 100,
                &common::article("甲", "正文。"),
                "汤建",
                &crate::store_contract::NO_GUARD
            )
            .is_err()
    );
    f.store
        .save_article(
            f.articles[0],
            &common::article("甲", "再存一次。"),
            "汤建",
            &crate::store_contract::NO_GUARD,
        )
        .expect("the same connection saves");
    f.store.record_transition(f.issue, &transition(Draft, FirstProof)).expect("and moves the issue on");
    assert_eq!(f.store.revisions(f.articles[0]).expect("revisions").len(), 2);
}
