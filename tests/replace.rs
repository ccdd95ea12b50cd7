//! 全部替换 across an issue in the store and the CLI's `replace`: real SQLite files, the real
//! binary.

mod common;

use chrono::NaiveDate;
use jianbao::domain::IssueStatus;
use jianbao::find::FindOptions;
use jianbao::service::{self, ReplaceRequest, Replacer};
use jianbao::store::prelude::*;
use jianbao::store::{Id, SaveGuard, SqliteStore};

const EDITOR: Replacer = Replacer { author: "汤建", holder: None, at: "2025-09-02T08:30:00Z" };

/// Three articles: two mention 村民议事会 (one of them twice), one does not.
fn issue(db: &common::TempDb) -> (SqliteStore, Id, Vec<Id>) {
    let (mut store, publication) = db.with_publication();
    let articles = vec![
        common::article("村民议事会开起来", "村民议事会每月开一次,议事会记录公开。"),
        common::article("街道代表联络站", "联络站接待群众。"),
        common::article("议事会里说实事", "村民议事会让群众说了算。"),
    ];
    let issue = store.create_issue(publication, &common::issue(13, 741, articles), "汤建").expect("issue");
    let ids = store.issue(issue).expect("read").article_ids;
    (store, issue, ids)
}

fn request(issue_id: Id, find: &str, replacement: &str) -> ReplaceRequest {
    ReplaceRequest {
        issue_id,
        find: find.into(),
        replacement: replacement.into(),
        options: FindOptions::default(),
        dry_run: false,
        suggest: false,
        article_id: None,
        author: None,
    }
}

#[test]
fn replace_all_saves_one_revision_per_changed_article_and_none_for_the_others() {
    let db = common::TempDb::new();
    let (mut store, issue, ids) = issue(&db);
    let before: Vec<usize> = ids.iter().map(|&id| store.revisions(id).expect("revisions").len()).collect();
    let report =
        service::replace_in_issue(&mut store, &request(issue, "议事会", "议事厅"), EDITOR).expect("replace");
    assert_eq!(report.replaced, 5, "two titles, three in the paragraphs");
    let after: Vec<usize> = ids.iter().map(|&id| store.revisions(id).expect("revisions").len()).collect();
    assert_eq!(
        after,
        [before[0] + 1, before[1], before[2] + 1],
        "one revision for each changed article only"
    );
    let first = store.article(ids[0]).expect("article").article;
    assert_eq!(first.body[1].plain_text(), "村民议事厅每月开一次,议事厅记录公开。");
    assert_eq!(store.revisions(ids[0]).expect("revisions")[0].author, "汤建");
    let reopened = common::open(&db.path);
    assert_eq!(reopened.article(ids[2]).expect("article").article.title, ["议事厅里说实事"]);
}

#[test]
fn a_dry_run_counts_and_saves_nothing() {
    let db = common::TempDb::new();
    let (mut store, issue, ids) = issue(&db);
    let dry = ReplaceRequest { dry_run: true, ..request(issue, "议事会", "议事厅") };
    let report = service::replace_in_issue(&mut store, &dry, EDITOR).expect("dry run");
    assert_eq!((report.replaced, report.articles.len()), (5, 2));
    assert!(report.articles.iter().all(|a| a.saved_revision.is_none()));
    assert_eq!(store.revisions(ids[0]).expect("revisions").len(), 1, "a dry run writes nothing");
}

#[test]
fn one_stale_article_refuses_the_whole_replace_with_nothing_written() {
    let db = common::TempDb::new();
    let (mut store, issue, ids) = issue(&db);
    let report =
        service::replace_in_issue(&mut store, &request(issue, "议事会", "议事厅"), EDITOR).expect("replace");
    // Someone saves the third article after the replace: undoing would lose that work.
    let mut edited = store.article(ids[2]).expect("article").article;
    edited.title = vec!["又改过的标题".into()];
    store.save_article(ids[2], &edited, "李校对", &SaveGuard::default()).expect("save");
    let error = service::undo_replace(&mut store, &report, EDITOR).expect_err("stale");
    assert!(error.message.contains("修订历史"), "{}", error.message);
    let first = store.article(ids[0]).expect("article").article;
    assert!(first.body[1].plain_text().contains("议事厅"), "the first article was not rolled back either");
}

#[test]
fn undo_returns_every_article_to_before_the_replace_as_new_revisions() {
    let db = common::TempDb::new();
    let (mut store, issue, ids) = issue(&db);
    let original: Vec<_> = ids.iter().map(|&id| store.article(id).expect("article").article).collect();
    let report =
        service::replace_in_issue(&mut store, &request(issue, "议事会", "议事厅"), EDITOR).expect("replace");
    assert_eq!(service::undo_replace(&mut store, &report, EDITOR).expect("undo"), 2);
    for (id, article) in ids.iter().zip(&original) {
        assert_eq!(&store.article(*id).expect("article").article, article);
    }
    assert_eq!(
        store.revisions(ids[0]).expect("revisions").len(),
        3,
        "original, replaced, undone: nothing lost"
    );
}

#[test]
fn width_folding_and_suggesting_in_the_store() {
    let db = common::TempDb::new();
    let (mut store, issue, ids) = issue(&db);
    let folded = ReplaceRequest {
        options: FindOptions { fold_width: true },
        suggest: true,
        ..request(issue, "，", "；")
    };
    let report = service::replace_in_issue(&mut store, &folded, EDITOR).expect("replace");
    assert_eq!(report.replaced, 1, "the half-width comma of the first article");
    let stored = store.article(ids[0]).expect("article").article;
    assert_eq!(stored.pending_suggestions().len(), 1, "recorded as one suggestion, for someone to accept");
    assert_eq!(stored.settled().body[1].plain_text(), "村民议事会每月开一次,议事会记录公开。");
}

#[test]
fn a_signed_off_issue_refuses_replacing() {
    let db = common::TempDb::new();
    let (mut store, issue, _) = issue(&db);
    while store.issue(issue).expect("issue").issue.status != IssueStatus::AwaitingSignOff {
        service::advance(&mut store, issue, "李校对", "", None).expect("advance");
    }
    let day = NaiveDate::from_ymd_opt(2025, 9, 2).expect("date");
    service::sign_off(&mut store, issue, "王主任", day).expect("sign off");
    let error = service::replace_in_issue(&mut store, &request(issue, "议事会", "议事厅"), EDITOR)
        .expect_err("locked");
    assert!(error.message.contains("撤销签发"), "{}", error.message);
}

fn ok(db: &std::path::Path, args: &[&str]) -> String {
    let output = common::cli(db, args);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{args:?} failed: {stderr}");
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

#[test]
fn the_cli_prints_each_change_in_context_and_the_count() {
    let db = common::TempDb::new();
    drop(issue(&db));
    let dry = ok(&db.path, &["replace", "1", "议事会", "议事厅", "--dry-run"]);
    assert!(dry.contains("《村民议事会开起来》"), "{dry}");
    assert!(
        dry.contains("正文第1段：村民〖议事会〗每月开一次,议事… → 村民〖议事厅〗每月开一次,议事…"),
        "{dry}"
    );
    assert!(dry.contains("共 5 处、2 篇文章会被替换（试运行，没有保存）。"), "{dry}");
    let done = ok(&db.path, &["replace", "1", "议事会", "议事厅", "--by", "汤建"]);
    assert!(done.contains("已替换 5 处，涉及 2 篇文章"), "{done}");
    let again = ok(&db.path, &["replace", "1", "议事会", "议事厅"]);
    assert!(again.contains("没有可替换的地方。"), "{again}");
}
