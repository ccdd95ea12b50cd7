//! Change events: written by the database with every change, numbered in commit order, kept
//! until pruned, never for a change that was rolled back.

use std::time::Duration;

use jianbao::domain::IssueStatus::*;
use jianbao::store::{ChangeEvent, ChangeKind, FindingKey, NewComment, StatusTransition};

use super::{NO_GUARD, TestDatabase, contract_tests, fixture, transition};
use crate::common;

contract_tests![
    every_change_is_announced_with_what_it_touched,
    a_change_that_is_rolled_back_is_never_announced,
    events_are_read_in_pages_and_pruned_oldest_first,
    racing_writers_leave_numbers_without_gaps,
];

fn since(db: &dyn TestDatabase, seq: i64) -> Vec<ChangeEvent> {
    db.open().events_since(seq, 1000).expect("events")
}

fn kinds(events: &[ChangeEvent]) -> Vec<ChangeKind> {
    events.iter().map(|event| event.kind).collect()
}

fn every_change_is_announced_with_what_it_touched(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["甲"]);
    let (issue, article) = (f.issue, f.articles[0]);
    let start = f.store.latest_event_seq().expect("latest");
    f.store.save_article(article, &common::article("甲", "二稿。"), "汤建", &NO_GUARD).expect("save");
    f.store.record_transition(issue, &transition(Draft, FirstProof)).expect("一校");
    let comment = NewComment {
        thread_id: "c1",
        article_id: article,
        quote: "正文",
        author: "李校对",
        body: "意见",
        anchor: None,
    };
    f.store.add_comment_thread(&comment).expect("comment");
    let key = FindingKey {
        article_id: Some(article),
        rule: "r".into(),
        part: "body".into(),
        text: "t".into(),
        before: "".into(),
        after: "".into(),
    };
    f.store.ignore_finding(issue, &key, "汤建").expect("ignore");
    f.store.take_lease(article, "汤建", Duration::from_secs(60)).expect("lease");
    f.store.save_word_list_text(f.publication, "# 用词表\n").expect("word list");
    f.store.renew_lease(article, "汤建", Duration::from_secs(120)).expect("a renewal is no news");
    f.store
        .update_publication(f.publication, &jianbao::domain::Publication::lianluo_dongtai())
        .expect("publication");

    let events = since(db, start);
    use ChangeKind::*;
    assert_eq!(
        kinds(&events),
        [Article, Issue, Status, Comments, Comments, Findings, Lease, Publication, Publication],
        "{events:?}"
    );
    assert_eq!((events[0].issue_id, events[0].article_id), (Some(issue), Some(article)));
    assert_eq!((events[1].issue_id, events[1].article_id), (Some(issue), None));
    assert_eq!(events.last().map(|e| (e.issue_id, e.article_id)), Some((None, None)));
    let numbers: Vec<i64> = events.iter().map(|event| event.seq).collect();
    assert!(numbers.windows(2).all(|pair| pair[1] == pair[0] + 1), "numbered one by one: {numbers:?}");
    assert_eq!(f.store.latest_event_seq().expect("latest"), *numbers.last().expect("some"));

    let before = f.store.latest_event_seq().expect("latest");
    f.store.add_article(issue, &common::article("乙", "正文。"), "汤建").expect("add");
    assert_eq!(kinds(&since(db, before)), [Articles, Article], "the list, then the new text");
}

fn a_change_that_is_rolled_back_is_never_announced(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["甲"]);
    let start = f.store.latest_event_seq().expect("latest");
    let nameless = StatusTransition { by: "", ..transition(Draft, FirstProof) };
    assert!(f.store.record_transition(f.issue, &nameless).is_err());
    assert!(since(db, start).is_empty(), "the status went back and so did its event");
    assert_eq!(f.store.latest_event_seq().expect("latest"), start);
    f.store.record_transition(f.issue, &transition(Draft, FirstProof)).expect("一校");
    assert_eq!(since(db, start).first().map(|event| event.seq), Some(start + 1), "no number was used up");
}

fn events_are_read_in_pages_and_pruned_oldest_first(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["甲"]);
    for draft in 0..5 {
        f.store
            .save_article(f.articles[0], &common::article("甲", &format!("第{draft}稿。")), "汤建", &NO_GUARD)
            .expect("save");
    }
    let latest = f.store.latest_event_seq().expect("latest");
    let page = f.store.events_since(0, 3).expect("page");
    assert_eq!(page.iter().map(|e| e.seq).collect::<Vec<_>>(), [1, 2, 3], "oldest first, at most the limit");
    assert_eq!(f.store.oldest_event_seq().expect("oldest"), 1);
    let removed = f.store.prune_events(2).expect("prune");
    assert_eq!(removed as i64, latest - 2);
    assert_eq!(f.store.oldest_event_seq().expect("oldest"), latest - 1);
    assert_eq!(since(db, 0).len(), 2);
    f.store.prune_events(0).expect("prune all");
    assert_eq!(f.store.latest_event_seq().expect("latest"), latest, "the last number survives the pruning");
    assert_eq!(f.store.oldest_event_seq().expect("oldest"), latest + 1, "nothing is kept");
}

fn racing_writers_leave_numbers_without_gaps(db: &dyn TestDatabase) {
    let f = fixture(db, &["甲", "乙"]);
    let start = f.store.latest_event_seq().expect("latest");
    super::concurrency::race(db, |index, store| {
        for draft in 0..5 {
            let article = common::article("稿", &format!("{index}-{draft}"));
            store.save_article(f.articles[index], &article, "汤建", &NO_GUARD).expect("save");
        }
    });
    let numbers: Vec<i64> = since(db, start).iter().map(|event| event.seq).collect();
    assert_eq!(numbers, ((start + 1)..=(start + 10)).collect::<Vec<_>>(), "a client catching up misses none");
}
