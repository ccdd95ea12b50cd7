//! Ignored proof findings, known by what they flagged.

use jianbao::store::{FindingKey, StoreError};

use super::{TestDatabase, contract_tests, fixture};

contract_tests![
    an_ignored_finding_is_kept_once_with_who_and_when,
    every_part_of_the_key_tells_findings_apart,
    unignoring_answers_whether_it_had_been_ignored,
    a_finding_with_a_long_text_is_kept,
    an_ignore_without_a_name_is_refused,
];

fn key(article_id: Option<i64>) -> FindingKey {
    FindingKey {
        article_id,
        rule: "punctuation-comma".into(),
        part: "body".into(),
        text: "，，".into(),
        before: "会议".into(),
        after: "要求".into(),
    }
}

fn an_ignored_finding_is_kept_once_with_who_and_when(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["甲"]);
    f.store.ignore_finding(f.issue, &key(Some(f.articles[0])), "汤建").expect("ignore");
    f.store.ignore_finding(f.issue, &key(Some(f.articles[0])), "李校对").expect("ignoring again is no error");
    let ignored = db.open().ignored_findings(f.issue).expect("list");
    assert_eq!(ignored.len(), 1);
    assert_eq!(ignored[0].key, key(Some(f.articles[0])));
    assert_eq!(ignored[0].ignored_by, "汤建", "the first record is kept");
    assert_eq!(ignored[0].ignored_at, "2025-09-02T08:30:00.000Z");
}

fn every_part_of_the_key_tells_findings_apart(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["甲", "乙"]);
    let base = key(Some(f.articles[0]));
    let keys = [
        base.clone(),
        key(None),
        key(Some(f.articles[1])),
        FindingKey { rule: "number-width".into(), ..base.clone() },
        FindingKey { part: "title".into(), ..base.clone() },
        FindingKey { text: "，".into(), ..base.clone() },
        FindingKey { before: "".into(), ..base.clone() },
        FindingKey { after: "要求。".into(), ..base },
    ];
    for key in &keys {
        f.store.ignore_finding(f.issue, key, "汤建").expect("ignore");
    }
    let ignored: Vec<FindingKey> =
        f.store.ignored_findings(f.issue).expect("list").into_iter().map(|i| i.key).collect();
    assert_eq!(ignored, keys, "each a finding of its own, oldest first");
    let other = fixture(db, &[]);
    assert!(other.store.ignored_findings(other.issue).expect("list").is_empty(), "kept per issue");
}

fn unignoring_answers_whether_it_had_been_ignored(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["甲"]);
    f.store.ignore_finding(f.issue, &key(None), "汤建").expect("ignore");
    f.store.ignore_finding(f.issue, &key(Some(f.articles[0])), "汤建").expect("ignore");
    assert!(f.store.unignore_finding(f.issue, &key(None)).expect("unignore"), "the masthead's was ignored");
    assert!(!f.store.unignore_finding(f.issue, &key(None)).expect("unignore"), "not any more");
    let left = f.store.ignored_findings(f.issue).expect("list");
    assert_eq!(left.iter().map(|i| i.key.clone()).collect::<Vec<_>>(), [key(Some(f.articles[0]))]);
}

fn a_finding_with_a_long_text_is_kept(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["甲"]);
    let long =
        FindingKey { text: "长句".repeat(3000), before: "前文".repeat(500), ..key(Some(f.articles[0])) };
    f.store.ignore_finding(f.issue, &long, "汤建").expect("a whole paragraph flagged");
    f.store.ignore_finding(f.issue, &long, "汤建").expect("and again");
    assert_eq!(f.store.ignored_findings(f.issue).expect("list").len(), 1);
    assert!(f.store.unignore_finding(f.issue, &long).expect("unignore"));
}

fn an_ignore_without_a_name_is_refused(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["甲"]);
    let result = f.store.ignore_finding(f.issue, &key(None), "");
    assert!(result.is_err(), "who ignored it must be known, not the finding silently dropped: {result:?}");
    assert!(!matches!(result, Err(StoreError::NotFound { .. })));
    assert!(f.store.ignored_findings(f.issue).expect("list").is_empty());
}
