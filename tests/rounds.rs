//! Proof rounds on a real database file: the allowed way from draft to sign-off, the refused
//! steps, the history of who did what when, the sign-off date rule and the lock of a
//! signed-off issue on every path that writes.

mod common;

use chrono::NaiveDate;
use jianbao::domain::IssueStatus;
use jianbao::error::ErrorCode;
use jianbao::service::{self, ArticleChange, MastheadUpdate, RoundRef};
use jianbao::store::prelude::*;
use jianbao::store::{Id, SaveGuard, SqliteStore, StatusTransition};

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("valid date")
}

/// An issue of two articles in 草稿.
fn draft(db: &common::TempDb) -> (SqliteStore, Id) {
    let (mut store, publication) = db.with_publication();
    let articles = vec![common::article("第一篇", "原来的正文。"), common::article("第二篇", "第二篇正文。")];
    let issue = store.create_issue(publication, &common::issue(13, 741, articles), "汤建").expect("issue");
    (store, issue)
}

fn advance_to(store: &mut SqliteStore, issue: Id, target: IssueStatus) {
    while store.issue(issue).expect("issue").issue.status != target {
        service::advance(store, issue, "李校对", "", None).expect("advance");
    }
}

fn status(store: &SqliteStore, issue: Id) -> IssueStatus {
    store.issue(issue).expect("issue").issue.status
}

#[test]
fn an_issue_goes_from_draft_to_signed_off_and_every_step_is_recorded() {
    let db = common::TempDb::new();
    let (mut store, issue) = draft(&db);
    let path = [
        IssueStatus::FirstProof,
        IssueStatus::SecondProof,
        IssueStatus::ThirdProof,
        IssueStatus::AwaitingSignOff,
    ];
    for expected in path {
        let to = service::advance(&mut store, issue, " 李校对 ", "已核对人名", None).expect("allowed");
        assert_eq!(to, expected);
    }
    service::sign_off(&mut store, issue, "王主任", date(2025, 9, 5)).expect("sign off");
    assert_eq!(status(&store, issue), IssueStatus::SignedOff);

    let rounds = service::issue_rounds(&store, issue).expect("history");
    assert_eq!(rounds.status, IssueStatus::SignedOff);
    assert_eq!(rounds.history.len(), 5);
    let first = &rounds.history[0];
    assert_eq!((first.from, first.to), (IssueStatus::Draft, IssueStatus::FirstProof));
    assert_eq!(first.changed_by, "李校对", "the name is recorded without the stray spaces");
    assert_eq!(first.note, "已核对人名");
    assert_eq!(first.changed_at, "2025-09-02T08:30:00.000Z", "the store's clock, UTC");
    let last = &rounds.history[4];
    assert_eq!((last.to, last.changed_by.as_str()), (IssueStatus::SignedOff, "王主任"));
    assert_eq!(last.sign_off_date, Some(date(2025, 9, 5)));
}

#[test]
fn refused_transitions_change_nothing_and_say_why() {
    let db = common::TempDb::new();
    let (mut store, issue) = draft(&db);
    let refusals = [
        service::sign_off(&mut store, issue, "王主任", date(2025, 9, 5)).expect_err("not awaiting"),
        service::send_back(&mut store, issue, "李校对", "有错字", None)
            .expect_err("a draft has no step back"),
        service::revoke_sign_off(&mut store, issue, "王主任", "改错").expect_err("not signed off"),
        service::advance(&mut store, issue, "  ", "", None).expect_err("nameless"),
    ];
    for refusal in &refusals {
        assert_eq!(refusal.code, ErrorCode::InvalidInput, "{refusal:?}");
    }
    assert!(refusals[0].message.contains("待签发"), "{}", refusals[0].message);
    assert!(refusals[3].message.contains("姓名"), "{}", refusals[3].message);

    advance_to(&mut store, issue, IssueStatus::SecondProof);
    let error = service::send_back(&mut store, issue, "李校对", "", None).expect_err("reasons required");
    assert!(error.message.contains("理由"), "{}", error.message);
    let error = service::send_back(&mut store, issue, "李校对", "有错字", Some(IssueStatus::ThirdProof))
        .expect_err("back means earlier");
    assert!(error.message.contains("只能退回"), "{}", error.message);

    advance_to(&mut store, issue, IssueStatus::AwaitingSignOff);
    let error =
        service::advance(&mut store, issue, "李校对", "", None).expect_err("sign-off is not an advance");
    assert!(error.message.contains("签发"), "{}", error.message);
    assert_eq!(status(&store, issue), IssueStatus::AwaitingSignOff);
    assert_eq!(store.status_history(issue).expect("history").len(), 4, "only the allowed steps");
}

#[test]
fn a_round_sends_the_issue_back_one_step_or_to_the_draft_with_its_reasons() {
    let db = common::TempDb::new();
    let (mut store, issue) = draft(&db);
    advance_to(&mut store, issue, IssueStatus::ThirdProof);
    let to = service::send_back(&mut store, issue, "赵三校", "第二篇数字待核", None).expect("back");
    assert_eq!(to, IssueStatus::SecondProof);
    let to = service::send_back(&mut store, issue, "赵三校", "需作者改稿", Some(IssueStatus::Draft))
        .expect("back");
    assert_eq!(to, IssueStatus::Draft);
    let history = store.status_history(issue).expect("history");
    let back = &history[history.len() - 2];
    assert_eq!((back.from, back.to), (IssueStatus::ThirdProof, IssueStatus::SecondProof));
    assert_eq!((back.changed_by.as_str(), back.note.as_str()), ("赵三校", "第二篇数字待核"));
}

#[test]
fn a_stale_status_is_refused_in_the_store() {
    let db = common::TempDb::new();
    let (mut store, issue) = draft(&db);
    let change = StatusTransition {
        from: IssueStatus::FirstProof,
        to: IssueStatus::SecondProof,
        by: "李校对",
        note: "",
        sign_off_date: None,
        masthead_date: None,
        assignee: None,
    };
    let error = store.record_transition(issue, &change).expect_err("the issue is still a draft");
    assert!(error.to_string().contains("刷新"), "{error}");
    assert!(store.status_history(issue).expect("history").is_empty());
}

#[test]
fn signing_off_on_another_day_keeps_the_printed_date() {
    let db = common::TempDb::new();
    let (mut store, issue) = draft(&db);
    advance_to(&mut store, issue, IssueStatus::AwaitingSignOff);
    let signed = service::sign_off(&mut store, issue, "王主任", date(2025, 9, 1)).expect("sign off");
    assert_eq!(
        signed.masthead_date,
        date(2025, 9, 2),
        "the masthead date moves only when the signer says so"
    );
    assert_eq!(store.issue(issue).expect("issue").issue.date, date(2025, 9, 2));
    assert_eq!(store.status_history(issue).expect("history")[4].sign_off_date, Some(date(2025, 9, 1)));
}

#[test]
fn the_masthead_takes_the_sign_off_date_when_the_signer_confirms_it() {
    let db = common::TempDb::new();
    let (mut store, issue) = draft(&db);
    let update = MastheadUpdate {
        kind: jianbao::domain::IssueKind::Regular,
        number: 13,
        total_number: 741,
        date: date(2025, 9, 10),
    };
    service::update_masthead(&mut store, issue, &update).expect("the editor fixes the date");
    advance_to(&mut store, issue, IssueStatus::AwaitingSignOff);
    let signed =
        service::sign_off_moving_masthead(&mut store, issue, "王主任", date(2025, 9, 6)).expect("sign off");
    assert_eq!(signed.masthead_date, date(2025, 9, 6), "confirmed after seeing both dates");
    assert_eq!(store.issue(issue).expect("issue").issue.date, date(2025, 9, 6));
}

#[test]
fn a_sign_off_on_the_masthead_date_changes_nothing_printed() {
    let db = common::TempDb::new();
    let (mut store, issue) = draft(&db);
    advance_to(&mut store, issue, IssueStatus::AwaitingSignOff);
    let signed =
        service::sign_off_moving_masthead(&mut store, issue, "王主任", date(2025, 9, 2)).expect("sign off");
    assert_eq!(signed.masthead_date, date(2025, 9, 2));
}

#[test]
fn resaving_the_same_masthead_date_does_not_fix_it() {
    let db = common::TempDb::new();
    let (mut store, issue) = draft(&db);
    let update = MastheadUpdate {
        kind: jianbao::domain::IssueKind::Regular,
        number: 14,
        total_number: 742,
        date: date(2025, 9, 2),
    };
    service::update_masthead(&mut store, issue, &update).expect("renumber only");
    assert!(!store.issue_date_fixed(issue).expect("flag"));
}

#[test]
fn moving_the_masthead_into_another_year_is_refused_untouched() {
    let db = common::TempDb::new();
    let (mut store, issue) = draft(&db);
    advance_to(&mut store, issue, IssueStatus::AwaitingSignOff);
    let signed = service::sign_off(&mut store, issue, "王主任", date(2026, 1, 3));
    assert!(signed.is_ok(), "kept on the masthead, the sign-off day may fall in the next year");
    let (mut store, issue) = draft(&common::TempDb::new());
    advance_to(&mut store, issue, IssueStatus::AwaitingSignOff);
    let error = service::sign_off_moving_masthead(&mut store, issue, "王主任", date(2026, 1, 3))
        .expect_err("other year");
    assert!(error.message.contains("刊头"), "{}", error.message);
    assert_eq!(status(&store, issue), IssueStatus::AwaitingSignOff);
    assert_eq!(store.issue(issue).expect("issue").issue.date, date(2025, 9, 2));
}

/// Every path that writes an issue's text, masthead or place in the list.
fn every_write(
    store: &mut SqliteStore,
    issue: Id,
) -> Vec<(&'static str, Result<(), jianbao::error::AppError>)> {
    let record = store.issue(issue).expect("issue");
    let first = record.article_ids[0];
    let mut order = record.article_ids.clone();
    order.reverse();
    let edited = common::article("改过的标题", "改过的正文。");
    let revision = store.revisions(first).expect("revisions")[0].id;
    let update =
        MastheadUpdate { kind: record.issue.kind, number: 99, total_number: 999, date: record.issue.date };
    vec![
        ("save", service::save_article(store, first, &edited, "汤建", &SaveGuard::default()).map(drop)),
        ("add", service::add_blank_article(store, issue, "汤建").map(drop)),
        ("remove", service::remove_article(store, first).map(drop)),
        ("reorder", service::reorder_articles(store, issue, &order)),
        ("masthead", service::update_masthead(store, issue, &update)),
        ("trash", service::trash_issue(store, issue)),
        ("import", service::import_pasted(store, issue, "新稿标题\n\n新稿正文。", "汤建").map(drop)),
        (
            "restore revision",
            service::restore_revision(store, revision, "汤建", &SaveGuard::default()).map(drop),
        ),
    ]
}

#[test]
fn a_signed_off_issue_refuses_every_write_until_the_sign_off_is_revoked() {
    let db = common::TempDb::new();
    let (mut store, issue) = draft(&db);
    advance_to(&mut store, issue, IssueStatus::AwaitingSignOff);
    service::sign_off(&mut store, issue, "王主任", date(2025, 9, 5)).expect("sign off");
    let before = store.issue(issue).expect("issue");
    let revisions_before = store.revisions(before.article_ids[0]).expect("revisions").len();

    for (path, result) in every_write(&mut store, issue) {
        let error = result.expect_err(path);
        assert_eq!(error.code, ErrorCode::InvalidInput, "{path}: {error:?}");
        assert!(error.message.contains("本期已签发，不能修改"), "{path}: {}", error.message);
    }
    assert_eq!(store.issue(issue).expect("issue"), before, "nothing of the issue changed");
    assert_eq!(store.revisions(before.article_ids[0]).expect("revisions").len(), revisions_before);
    assert_eq!(store.list_issues(before.publication_id).expect("list").len(), 1, "not trashed");

    let error = service::revoke_sign_off(&mut store, issue, "王主任", "").expect_err("reason required");
    assert!(error.message.contains("理由"), "{}", error.message);
    service::revoke_sign_off(&mut store, issue, "王主任", "第二篇数字有误").expect("revoke");
    assert_eq!(status(&store, issue), IssueStatus::AwaitingSignOff);
    let revoked = store.status_history(issue).expect("history").pop().expect("recorded");
    assert_eq!((revoked.from, revoked.changed_by.as_str()), (IssueStatus::SignedOff, "王主任"));
    assert_eq!(revoked.note, "第二篇数字有误");
    let first = before.article_ids[0];
    service::save_article(
        &mut store,
        first,
        &common::article("再改", "再改的正文。"),
        "汤建",
        &SaveGuard::default(),
    )
    .expect("editable again");
    service::add_blank_article(&mut store, issue, "汤建").expect("articles can be added again");
}

#[test]
fn rounds_compare_article_by_article() {
    let db = common::TempDb::new();
    let (mut store, issue) = draft(&db);
    service::advance(&mut store, issue, "李校对", "", None).expect("一校");
    let ids = store.issue(issue).expect("issue").article_ids;
    let corrected = common::article("第一篇", "改正后的正文。");
    service::save_article(&mut store, ids[0], &corrected, "李校对", &SaveGuard::default()).expect("correct");
    service::remove_article(&mut store, ids[1]).expect("drop the second");
    service::import_pasted(&mut store, issue, "补充稿件\n\n补充的正文。", "汤建").expect("add one");
    service::advance(&mut store, issue, "李校对", "", None).expect("二校");

    let first = RoundRef::Entered(IssueStatus::FirstProof);
    let second = RoundRef::Entered(IssueStatus::SecondProof);
    let comparison = service::compare_rounds(&store, issue, first, second).expect("compare");
    assert_eq!((comparison.from_label.as_str(), comparison.to_label.as_str()), ("一校", "二校"));
    let changes: Vec<(&str, ArticleChange)> =
        comparison.articles.iter().map(|a| (a.title.as_str(), a.change)).collect();
    assert_eq!(
        changes,
        [
            ("第一篇", ArticleChange::Changed),
            ("补充稿件", ArticleChange::Added),
            ("第二篇", ArticleChange::Removed)
        ]
    );
    let line = &comparison.articles[0].lines[0];
    assert_eq!(service::marked_text(&line.old, "删"), "〔删：原来〕的正文。");
    assert_eq!(service::marked_text(&line.new, "增"), "〔增：改正后〕的正文。");

    let same = service::compare_rounds(&store, issue, second, RoundRef::Current).expect("compare with now");
    assert!(same.articles.iter().all(|a| a.change == ArticleChange::Unchanged));
    let error = service::compare_rounds(&store, issue, first, RoundRef::Entered(IssueStatus::ThirdProof))
        .expect_err("no 三校 yet");
    assert!(error.message.contains("三校"), "{}", error.message);
}

#[test]
fn an_issue_created_signed_off_keeps_its_articles_and_is_locked() {
    let db = common::TempDb::new();
    let (mut store, publication) = db.with_publication();
    let mut signed = common::issue(13, 741, vec![common::article("第一篇", "正文。")]);
    signed.status = IssueStatus::SignedOff;
    let issue = store.create_issue(publication, &signed, "汤建").expect("a signed issue loads");
    assert_eq!(store.issue(issue).expect("issue").issue, signed);
    let error = service::add_blank_article(&mut store, issue, "汤建").expect_err("locked");
    assert!(error.message.contains("本期已签发，不能修改"), "{}", error.message);
}
