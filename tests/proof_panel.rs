//! The proof panel's backend on a real database file: findings carry their stored article,
//! a suggestion is applied through the normal save (a revision, the sign-off lock), a stale
//! finding is refused, ignored findings stay ignored across edits elsewhere and restarts, and
//! the office's word list replaces the shipped one.

mod common;

use jianbao::domain::{Article, Block};
use jianbao::proof::RuleId;
use jianbao::service::{self, FindingView, WordListSaved, WordRow};
use jianbao::store::prelude::*;
use jianbao::store::{Id, SaveGuard, SqliteStore};

fn article(paragraphs: &[&str]) -> Article {
    Article {
        title: vec!["会同县：工作".into()],
        body: paragraphs.iter().map(|p| Block::paragraph(p)).collect(),
        contributors: vec!["会同县人大常委会".into()],
        ..Article::empty()
    }
}

/// An issue whose second article holds a half-width comma and 其它.
fn issue_with_findings(db: &common::TempDb) -> (SqliteStore, Id) {
    let (mut store, publication) = db.with_publication();
    let articles = vec![
        article(&["2025年9月2日，会同县召开会议。"]),
        article(&["会同县开会。", "会议指出,要和其它单位协作。"]),
    ];
    let issue = store.create_issue(publication, &common::issue(13, 741, articles), "汤建").expect("issue");
    (store, issue)
}

fn find(store: &SqliteStore, issue: Id, rule: RuleId) -> FindingView {
    let check = service::check_stored_issue(store, issue, None).expect("checks");
    check.findings.into_iter().find(|view| view.finding.rule == rule).expect("the rule's finding")
}

fn second_article(store: &SqliteStore, issue: Id) -> Id {
    store.issue(issue).expect("issue").article_ids[1]
}

#[test]
fn findings_name_the_stored_article_and_show_their_context() {
    let db = common::TempDb::new();
    let (store, issue) = issue_with_findings(&db);
    let comma = find(&store, issue, RuleId::HalfWidthPunctuation);
    assert_eq!(comma.article_id, Some(second_article(&store, issue)));
    assert_eq!(comma.article_title, "会同县：工作");
    assert_eq!((comma.before.as_str(), comma.after.as_str()), ("会议指出", "要和其它单位协作"));
    assert!(comma.applicable);
}

#[test]
fn applying_replaces_the_text_as_a_new_revision() {
    let db = common::TempDb::new();
    let (mut store, issue) = issue_with_findings(&db);
    let word = find(&store, issue, RuleId::Word);
    let id = word.article_id.expect("in an article");
    let revisions = store.revisions(id).expect("revisions").len();
    let view = service::apply_finding(&mut store, &word, "汤建", &SaveGuard::default()).expect("applies");
    assert_eq!(view.article.body[1].plain_text(), "会议指出,要和其他单位协作。");
    assert_eq!(store.revisions(id).expect("revisions").len(), revisions + 1, "the fix is a revision");
    assert!(
        service::check_stored_issue(&store, issue, None)
            .expect("checks")
            .findings
            .iter()
            .all(|v| v.finding.rule != RuleId::Word),
        "the fixed word is no longer flagged"
    );
}

#[test]
fn a_stale_finding_is_refused_and_the_text_kept() {
    let db = common::TempDb::new();
    let (mut store, issue) = issue_with_findings(&db);
    let word = find(&store, issue, RuleId::Word);
    let id = word.article_id.expect("in an article");
    store
        .save_article(
            id,
            &article(&["会同县开会。", "会议指出，要和别的单位协作。"]),
            "李校对",
            &SaveGuard::default(),
        )
        .expect("edit");
    let error = service::apply_finding(&mut store, &word, "汤建", &SaveGuard::default())
        .expect_err("the flagged text is gone");
    assert_eq!(error.message, "原文已改动，请重新检查");
    assert_eq!(
        store.article(id).expect("article").article.body[1].plain_text(),
        "会议指出，要和别的单位协作。"
    );
}

#[test]
fn a_signed_off_issue_refuses_the_fix() {
    let db = common::TempDb::new();
    let (mut store, issue) = issue_with_findings(&db);
    let word = find(&store, issue, RuleId::Word);
    while store.issue(issue).expect("issue").issue.status != jianbao::domain::IssueStatus::AwaitingSignOff {
        service::advance(&mut store, issue, "李校对", "", None).expect("advance");
    }
    let date = chrono::NaiveDate::from_ymd_opt(2025, 9, 3).expect("valid date");
    service::sign_off(&mut store, issue, "王主任", date).expect("signs off");
    let error = service::apply_finding(&mut store, &word, "汤建", &SaveGuard::default())
        .expect_err("the issue is locked");
    assert!(error.message.contains("签发"), "the refusal says why: {}", error.message);
    let id = word.article_id.expect("in an article");
    assert!(store.article(id).expect("article").article.body[1].plain_text().contains("其它"));
}

#[test]
fn an_ignored_finding_stays_ignored_after_edits_elsewhere_and_a_restart() {
    let db = common::TempDb::new();
    let (mut store, issue) = issue_with_findings(&db);
    let comma = find(&store, issue, RuleId::HalfWidthPunctuation);
    service::ignore_finding(&mut store, issue, &comma, "汤建").expect("ignores");
    // Text typed before the finding moves its block and offsets, not its key.
    let id = comma.article_id.expect("in an article");
    let edited = article(&["新加的一段。", "会同县开会，人很多。", "会议指出,要和其它单位协作。"]);
    store.save_article(id, &edited, "李校对", &SaveGuard::default()).expect("edit elsewhere");
    drop(store);

    let mut store = db.open();
    let check = service::check_stored_issue(&store, issue, None).expect("checks");
    assert_eq!(check.ignored_count, 1);
    let ignored =
        check.findings.iter().find(|v| v.finding.rule == RuleId::HalfWidthPunctuation).expect("still found");
    let note = ignored.ignored.as_ref().expect("and still ignored");
    assert_eq!((note.by.as_str(), note.at.as_str()), ("汤建", "2025-09-02T08:30:00.000Z"));
    assert_eq!(ignored.finding.block, 2, "found in its new place");
    assert!(check.open_findings().all(|v| v.finding.rule != RuleId::HalfWidthPunctuation));

    service::unignore_finding(&mut store, issue, ignored).expect("shows it again");
    assert_eq!(service::check_stored_issue(&store, issue, None).expect("checks").ignored_count, 0);
}

#[test]
fn rewriting_the_flagged_sentence_brings_the_finding_back() {
    let db = common::TempDb::new();
    let (mut store, issue) = issue_with_findings(&db);
    let comma = find(&store, issue, RuleId::HalfWidthPunctuation);
    service::ignore_finding(&mut store, issue, &comma, "汤建").expect("ignores");
    let id = comma.article_id.expect("in an article");
    store
        .save_article(
            id,
            &article(&["会同县开会。", "大会强调,要和其他单位协作。"]),
            "李校对",
            &SaveGuard::default(),
        )
        .expect("rewrite");
    let check = service::check_stored_issue(&store, issue, None).expect("checks");
    assert_eq!(check.ignored_count, 0, "a new sentence is a new finding");
}

#[test]
fn ignoring_needs_a_name() {
    let db = common::TempDb::new();
    let (mut store, issue) = issue_with_findings(&db);
    let comma = find(&store, issue, RuleId::HalfWidthPunctuation);
    let error = service::ignore_finding(&mut store, issue, &comma, " ").expect_err("who decided?");
    assert!(error.message.contains("姓名"));
}

#[test]
fn the_office_word_list_is_used_for_stored_issues_until_reset() {
    let db = common::TempDb::new();
    let (mut store, issue) = issue_with_findings(&db);
    let rows = vec![WordRow {
        wrong: "协作".into(),
        right: "协同".into(),
        condition: String::new(),
        explanation: "本办公室的说法".into(),
    }];
    let saved = service::save_word_list(&mut store, &rows).expect("saves");
    assert!(matches!(saved, WordListSaved::Saved { ref list } if list.customised && list.rows == rows));
    let words: Vec<_> = service::check_stored_issue(&store, issue, None)
        .expect("checks")
        .findings
        .into_iter()
        .filter(|v| v.finding.rule == RuleId::Word)
        .map(|v| v.finding.suggestion)
        .collect();
    assert_eq!(
        words,
        [Some("协同".to_owned())],
        "the office's list replaces the shipped one (其它 is not in it)"
    );

    let bad = vec![WordRow { right: "协作".into(), ..rows[0].clone() }];
    let WordListSaved::Refused { problems } = service::save_word_list(&mut store, &bad).expect("answers")
    else {
        panic!("a row whose two forms are equal is refused");
    };
    assert_eq!(problems[0].row, 0);

    let view = service::reset_word_list(&mut store).expect("resets");
    assert!(!view.customised && view.rows.len() > 10);
    assert!(find(&store, issue, RuleId::Word).finding.suggestion.as_deref() == Some("其他"));
}

fn masthead_findings(store: &SqliteStore, issue: Id) -> Vec<String> {
    let check = service::check_stored_issue(store, issue, None).expect("checks");
    check
        .findings
        .into_iter()
        .filter(|v| v.finding.rule == RuleId::MastheadRoundDate)
        .map(|v| v.finding.message)
        .collect()
}

fn set_date(store: &mut SqliteStore, issue: Id, month: u32, day: u32) {
    let date = chrono::NaiveDate::from_ymd_opt(2025, month, day).expect("valid date");
    let update = service::MastheadUpdate {
        kind: jianbao::domain::IssueKind::Regular,
        number: 13,
        total_number: 741,
        date,
    };
    service::update_masthead(store, issue, &update).expect("masthead");
}

#[test]
fn a_masthead_dated_before_the_round_began_is_flagged() {
    // The clock of the tests reads 2025-09-02 08:30 UTC, 16:30 in the office.
    let db = common::TempDb::new();
    let (mut store, issue) = issue_with_findings(&db);
    set_date(&mut store, issue, 9, 1);
    assert!(masthead_findings(&store, issue).is_empty(), "a draft has no round yet");
    service::advance(&mut store, issue, "李校对", "", None).expect("advance");
    let messages = masthead_findings(&store, issue);
    assert_eq!(messages.len(), 1);
    assert!(messages[0].contains("早于本期进入“一校”的日期“2025年9月2日”"), "{}", messages[0]);
    set_date(&mut store, issue, 9, 2);
    assert!(masthead_findings(&store, issue).is_empty(), "the day the round began is fine");
}

#[test]
fn after_sign_off_only_a_fixed_date_before_it_is_flagged() {
    let db = common::TempDb::new();
    let (mut store, issue) = issue_with_findings(&db);
    for _ in 0..4 {
        service::advance(&mut store, issue, "李校对", "", None).expect("advance");
    }
    let signed = chrono::NaiveDate::from_ymd_opt(2025, 9, 3).expect("valid date");
    service::sign_off_moving_masthead(&mut store, issue, "王主任", signed).expect("signs off");
    assert!(
        masthead_findings(&store, issue).is_empty(),
        "the signer had the masthead take the sign-off date"
    );

    service::revoke_sign_off(&mut store, issue, "王主任", "日期").expect("revokes");
    set_date(&mut store, issue, 9, 1);
    service::sign_off(&mut store, issue, "王主任", signed).expect("signs off again");
    let messages = masthead_findings(&store, issue);
    assert!(messages[0].contains("编辑确定的出刊日期，但早于签发日期“2025年9月3日”"), "{messages:?}");
}
