//! Issues: the masthead, the list, numbering and the trash.

use jianbao::domain::{Inline, IssueImprint, IssueKind, IssueStatus, Publication};
use jianbao::numbering::IssueNumbers;
use jianbao::store::StoreError;

use super::{TestDatabase, contract_tests, date, fixture};
use crate::common;

contract_tests![
    an_issue_round_trips_with_its_articles_in_order,
    an_issues_own_editor_note_and_imprint_round_trip,
    the_list_is_newest_first_with_counts_and_masthead_labels,
    issue_numbers_leave_out_the_trash,
    a_trashed_issue_leaves_the_list_and_can_be_restored,
    an_issue_for_a_missing_publication_is_refused,
    impossible_masthead_numbers_and_dates_are_refused,
    the_masthead_changes_and_a_date_changed_by_hand_becomes_fixed,
    a_missing_issue_is_not_found_on_every_path,
    an_unknown_status_is_an_error_naming_the_row,
];

fn an_issue_round_trips_with_its_articles_in_order(db: &dyn TestDatabase) {
    let mut store = db.open();
    let publication = store.create_publication(&Publication::lianluo_dongtai()).expect("publication");
    let issue =
        common::issue(13, 741, vec![common::article("甲", "第一篇。"), common::article("乙", "第二篇。")]);
    let id = store.create_issue(publication, &issue, "汤建").expect("create");
    drop(store);
    let record = db.open().issue(id).expect("read back on another connection");
    assert_eq!(record.issue, issue);
    assert_eq!(record.publication_id, publication);
    assert_eq!(record.article_ids.len(), 2);
}

fn an_issues_own_editor_note_and_imprint_round_trip(db: &dyn TestDatabase) {
    let mut store = db.open();
    let publication = store.create_publication(&Publication::lianluo_dongtai()).expect("publication");
    let mut issue = common::issue(13, 741, vec![common::article("甲", "第一篇。")]);
    issue.editor_note = vec![Inline::plain("本期编发代表建议办理情况。\n请各地参阅。")];
    issue.imprint = Some(IssueImprint {
        editing_unit: Some("湖南省人大常委会代表联络工作委员会".into()),
        footer: None,
    });
    let id = store.create_issue(publication, &issue, "汤建").expect("create");
    assert_eq!(db.open().issue(id).expect("read back").issue, issue);
}

fn the_list_is_newest_first_with_counts_and_masthead_labels(db: &dyn TestDatabase) {
    let mut store = db.open();
    let publication = store.create_publication(&Publication::lianluo_dongtai()).expect("publication");
    store.create_issue(publication, &common::issue(12, 739, vec![]), "汤建").expect("create");
    let articles = vec![common::article("娄底", "正文。"), common::article("长沙", "正文。")];
    store.create_issue(publication, &common::issue(13, 741, articles), "汤建").expect("create");
    let list = store.list_issues(publication).expect("list");
    let labels: Vec<_> = list.iter().map(|s| (s.issue_label.as_str(), s.article_count)).collect();
    assert_eq!(labels, [("第13期", 2), ("第12期", 0)]);
    assert_eq!(list[0].total_label, "（总第七百四十一期）");
    assert_eq!(list[0].date_label, "2025年9月2日");
    assert_eq!(list[0].status, IssueStatus::Draft);
    assert_eq!(list[0].first_title.as_deref(), Some("娄底"), "the first article in print order");
    assert_eq!(list[1].first_title, None);
}

fn issue_numbers_leave_out_the_trash(db: &dyn TestDatabase) {
    let mut store = db.open();
    let publication = store.create_publication(&Publication::lianluo_dongtai()).expect("publication");
    store.create_issue(publication, &common::issue(12, 739, vec![]), "汤建").expect("create");
    let trashed = store.create_issue(publication, &common::issue(13, 740, vec![]), "汤建").expect("create");
    store.trash_issue(trashed).expect("trash");
    let numbers = store.issue_numbers(publication).expect("numbers");
    assert_eq!(
        numbers,
        [IssueNumbers { kind: IssueKind::Regular, year: 2025, number: 12, total_number: 739 }]
    );
}

fn a_trashed_issue_leaves_the_list_and_can_be_restored(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["甲"]);
    f.store.trash_issue(f.issue).expect("trash");
    assert!(f.store.list_issues(f.publication).expect("list").is_empty());
    let trashed = f.store.list_trashed_issues(f.publication).expect("trash list");
    assert_eq!(trashed.iter().map(|s| s.id).collect::<Vec<_>>(), [f.issue]);
    assert_eq!(f.store.issue(f.issue).expect("still readable by id").article_ids, f.articles);
    assert!(
        matches!(f.store.trash_issue(f.issue), Err(StoreError::NotFound { .. })),
        "not in the list twice"
    );
    f.store.restore_issue(f.issue).expect("restore");
    assert_eq!(f.store.list_issues(f.publication).expect("list").len(), 1);
    assert!(f.store.list_trashed_issues(f.publication).expect("trash list").is_empty());
    let again = f.store.restore_issue(f.issue).expect_err("not in the trash any more");
    assert!(matches!(again, StoreError::NotFound { .. }), "got {again:?}");
}

fn an_issue_for_a_missing_publication_is_refused(db: &dyn TestDatabase) {
    let mut store = db.open();
    let error = store.create_issue(99, &common::issue(1, 1, vec![]), "汤建").expect_err("no publication 99");
    assert!(matches!(error, StoreError::NotFound { id: 99, .. }), "got {error:?}");
}

fn impossible_masthead_numbers_and_dates_are_refused(db: &dyn TestDatabase) {
    let mut f = fixture(db, &[]);
    let mut issue = common::issue(1, 1, vec![]);
    issue.year = 2024;
    let error = f.store.create_issue(f.publication, &issue, "汤建").expect_err("2025 date in a 2024 issue");
    assert!(error.to_string().contains("不在 2024 年内"), "{error}");
    let zero = IssueNumbers { kind: IssueKind::Regular, year: 2025, number: 0, total_number: 741 };
    let error = f.store.update_issue_masthead(f.issue, &zero, date(2025, 9, 2)).expect_err("number 0");
    assert!(matches!(error, StoreError::Invalid(_)), "got {error:?}");
    assert_eq!(f.store.issue(f.issue).expect("issue").issue.number, 13, "unchanged");
    assert_eq!(
        f.store.list_issues(f.publication).expect("list").len(),
        1,
        "the refused issue was not stored"
    );
}

fn the_masthead_changes_and_a_date_changed_by_hand_becomes_fixed(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["甲"]);
    let renumbered = IssueNumbers { kind: IssueKind::Supplement, year: 2025, number: 1, total_number: 742 };
    f.store.update_issue_masthead(f.issue, &renumbered, date(2025, 9, 2)).expect("renumber");
    assert!(!f.store.issue_date_fixed(f.issue).expect("flag"), "the same date again is not fixed by hand");
    f.store.update_issue_masthead(f.issue, &renumbered, date(2025, 9, 10)).expect("new date");
    assert!(f.store.issue_date_fixed(f.issue).expect("flag"));
    let record = f.store.issue(f.issue).expect("issue");
    assert_eq!(
        (record.issue.kind, record.issue.number, record.issue.total_number),
        (IssueKind::Supplement, 1, 742)
    );
    assert_eq!(record.issue.date, date(2025, 9, 10));
    assert_eq!(record.article_ids, f.articles, "the articles stay");
}

fn a_missing_issue_is_not_found_on_every_path(db: &dyn TestDatabase) {
    let mut f = fixture(db, &[]);
    let missing = f.issue + 100;
    let numbers = IssueNumbers { kind: IssueKind::Regular, year: 2025, number: 1, total_number: 1 };
    let errors = [
        f.store.issue(missing).map(drop),
        f.store.issue_date_fixed(missing).map(drop),
        f.store.update_issue_masthead(missing, &numbers, date(2025, 1, 1)),
        f.store.trash_issue(missing),
        f.store.restore_issue(missing),
        f.store.add_article(missing, &common::article("甲", "正文。"), "汤建").map(drop),
    ];
    for (index, error) in errors.into_iter().enumerate() {
        assert!(matches!(error, Err(StoreError::NotFound { .. })), "path {index}: {error:?}");
    }
}

fn an_unknown_status_is_an_error_naming_the_row(db: &dyn TestDatabase) {
    let f = fixture(db, &[]);
    db.execute(&format!("UPDATE issue SET status = 'published?' WHERE id = {}", f.issue)).expect("corrupt");
    let error = f.store.issue(f.issue).expect_err("unknown status");
    assert!(matches!(error, StoreError::CorruptRow { table: "issue", .. }), "got {error:?}");
}
