//! The settings screen, the editable masthead and the issue list's copy and trash actions,
//! against a real SQLite file.

mod common;

use chrono::NaiveDate;
use jianbao::domain::{IssueKind, IssueStatus, Publication};
use jianbao::service::{self, MastheadUpdate, SettingsSaved};
use jianbao::store::prelude::*;
use jianbao::store::{Id, SqliteStore};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("test dates are valid")
}

/// 2025 第12期 and 第13期, the latter with one article.
fn two_issues(db: &common::TempDb) -> (SqliteStore, Id, Id) {
    let (mut store, publication) = db.with_publication();
    let first = store.create_issue(publication, &common::issue(12, 739, vec![]), "汤建").expect("create 12");
    let articles = vec![common::article("第一篇", "甲。")];
    let second =
        store.create_issue(publication, &common::issue(13, 741, articles), "汤建").expect("create 13");
    (store, first, second)
}

#[test]
fn an_edited_masthead_is_stored_and_its_duplicate_number_warned() {
    let db = common::TempDb::new();
    let (mut store, first, second) = two_issues(&db);
    let update =
        MastheadUpdate { kind: IssueKind::Regular, number: 13, total_number: 740, date: date(2025, 8, 20) };
    service::update_masthead(&mut store, first, &update).expect("update");

    let view = service::issue_view(&common::open(&db.path), first).expect("view after reopening");
    assert_eq!((view.number, view.total_number, view.date), (13, 740, date(2025, 8, 20)));
    assert_eq!(view.articles.len(), 0, "the masthead edit leaves the articles alone");
    assert!(
        view.warnings.iter().any(|w| w.contains("第13期重复")),
        "two issues numbered 13 must be flagged: {:?}",
        view.warnings
    );
    assert_eq!(service::issue_view(&store, second).expect("other").articles.len(), 1);
}

#[test]
fn a_masthead_date_in_another_year_moves_the_issue_to_that_year() {
    let db = common::TempDb::new();
    let (mut store, first, _) = two_issues(&db);
    let update =
        MastheadUpdate { kind: IssueKind::Supplement, number: 1, total_number: 742, date: date(2026, 1, 5) };
    service::update_masthead(&mut store, first, &update).expect("update");
    let view = service::issue_view(&store, first).expect("view");
    assert_eq!((view.year, view.issue_label.as_str()), (2026, "增刊第1期"));
}

#[test]
fn a_zero_number_is_refused_in_chinese_and_nothing_changes() {
    let db = common::TempDb::new();
    let (mut store, first, _) = two_issues(&db);
    let update =
        MastheadUpdate { kind: IssueKind::Regular, number: 0, total_number: 739, date: date(2025, 9, 2) };
    let error = service::update_masthead(&mut store, first, &update).expect_err("zero is no issue number");
    assert!(error.message.contains("期号必须是正整数"), "{}", error.message);
    assert_eq!(service::issue_view(&store, first).expect("view").number, 12);
}

#[test]
fn a_duplicate_is_a_draft_with_the_next_numbers_and_the_same_articles() {
    let db = common::TempDb::new();
    let (mut store, _, second) = two_issues(&db);
    let today = date(2025, 11, 23);
    let copy = service::duplicate_issue(&mut store, second, today).expect("duplicate");

    let source = store.issue(second).expect("source").issue;
    let view = common::open(&db.path).issue(copy).expect("copy after reopening").issue;
    assert_eq!((view.number, view.total_number, view.date), (14, 742, today));
    assert_eq!(view.status, IssueStatus::Draft);
    assert_eq!(view.articles, source.articles, "the copy starts from the source's articles");
    let copy_articles = store.issue(copy).expect("copy").article_ids;
    assert_ne!(
        copy_articles,
        store.issue(second).expect("source").article_ids,
        "articles are copies, not shared"
    );
}

#[test]
fn a_trashed_issue_is_listed_in_the_trash_until_restored() {
    let db = common::TempDb::new();
    let (mut store, first, second) = two_issues(&db);
    service::trash_issue(&mut store, first).expect("trash");

    let store = common::open(&db.path);
    let publication = store.default_publication_id().expect("publication");
    let listed: Vec<Id> = store.list_issues(publication).expect("list").iter().map(|i| i.id).collect();
    assert_eq!(listed, [second]);
    let trashed: Vec<Id> = service::trashed_issues(&store).expect("trash").iter().map(|i| i.id).collect();
    assert_eq!(trashed, [first]);

    let mut store = store;
    service::restore_issue(&mut store, first).expect("restore");
    assert!(service::trashed_issues(&store).expect("trash").is_empty());
    assert_eq!(store.list_issues(publication).expect("list").len(), 2);
    let again = service::restore_issue(&mut store, first).expect_err("nothing left to restore");
    assert!(again.message.contains("回收站"), "{}", again.message);
}

#[test]
fn refused_settings_name_each_field_and_leave_the_stored_ones() {
    let db = common::TempDb::new();
    let (mut store, _) = db.with_publication();
    let mut typed = Publication::lianluo_dongtai();
    typed.footer.email = "hnrdlgwxrc163.com".into();
    typed.footer.phone = "0731—85309319".into();
    let SettingsSaved::Refused { problems } = service::save_settings(&mut store, &typed).expect("answer")
    else {
        panic!("a bad e-mail and phone must be refused");
    };
    let fields: Vec<_> = problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["footer.phone", "footer.email"]);
    assert!(problems[1].message.contains("不是有效的电子邮箱"), "{}", problems[1].message);
    assert_eq!(service::publication_view(&store).expect("view").publication, Publication::lianluo_dongtai());
}

#[test]
fn accepted_settings_survive_a_restart() {
    let db = common::TempDb::new();
    let (mut store, _) = db.with_publication();
    let mut typed = Publication::lianluo_dongtai();
    typed.footer.email = "lianluo@hnrd.gov.cn".into();
    typed.footer.recipients.push("省政协办公厅".into());
    typed.layout.number_first_page = false;
    let answer = service::save_settings(&mut store, &typed).expect("save");
    assert!(matches!(answer, SettingsSaved::Saved { .. }), "{answer:?}");
    let stored = service::publication_view(&common::open(&db.path)).expect("view").publication;
    assert_eq!(stored, typed);
}
