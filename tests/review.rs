//! Comments and suggestions on a real database file: threads with answers, resolving and
//! reopening, anchors that disappear with their text, the lock of a signed-off issue, and the
//! sign-off that waits until every suggestion and comment is dealt with.

mod common;

use chrono::NaiveDate;
use jianbao::domain::{Article, Block, Inline, IssueStatus, Suggestion, SuggestionKind};
use jianbao::error::ErrorCode;
use jianbao::service;
use jianbao::store::prelude::*;
use jianbao::store::{Id, NewComment, SqliteStore};

fn sign_off_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 9, 5).expect("valid date")
}

/// An issue of one article whose word 代表 carries the thread `c1`.
fn commented_issue(db: &common::TempDb) -> (SqliteStore, Id, Id) {
    let (mut store, publication) = db.with_publication();
    let issue = store.create_issue(publication, &common::issue(13, 741, vec![]), "汤建").expect("issue");
    let content =
        vec![Inline::plain("全体"), Inline { comments: vec!["c1".into()], ..Inline::plain("代表") }];
    let article = Article {
        title: vec!["代表活动".into()],
        body: vec![Block::Paragraph { content }],
        ..Article::empty()
    };
    let article_id = store.add_article(issue, &article, "汤建").expect("article");
    let comment =
        NewComment {
            thread_id: "c1", article_id, quote: "代表", author: " 李校对 ", body: "请核对人数"
        };
    service::add_comment(&mut store, &comment).expect("comment");
    (store, issue, article_id)
}

fn suggested(text: &str, kind: SuggestionKind) -> Inline {
    let suggestion =
        Suggestion { kind, id: 1, author: "李校对".into(), at: "2025-09-02T08:30:00.000Z".into() };
    Inline { suggestion: Some(suggestion), ..Inline::plain(text) }
}

fn advance_to_awaiting_sign_off(store: &mut SqliteStore, issue: Id) {
    while store.issue(issue).expect("issue").issue.status != IssueStatus::AwaitingSignOff {
        service::advance(store, issue, "李校对", "").expect("advance");
    }
}

#[test]
fn a_thread_is_answered_resolved_and_reopened() {
    let db = common::TempDb::new();
    let (mut store, issue, article_id) = commented_issue(&db);
    service::reply_to_comment(&mut store, "c1", "汤建", "已核对，无误").expect("reply");

    let review = service::issue_review(&store, issue).expect("review");
    let thread = &review.threads[0];
    assert_eq!((thread.thread.article_id, thread.article_title.as_str()), (article_id, "代表活动"));
    assert!(thread.anchored);
    let said: Vec<(&str, &str)> =
        thread.thread.messages.iter().map(|m| (m.author.as_str(), m.body.as_str())).collect();
    assert_eq!(said, vec![("李校对", "请核对人数"), ("汤建", "已核对，无误")], "names trimmed, in order");
    assert_eq!(review.open_threads, 1);

    service::set_comment_resolved(&mut store, "c1", "汤建", true).expect("resolve");
    let resolved = service::issue_review(&store, issue).expect("review");
    assert_eq!(resolved.threads[0].thread.resolved_by.as_deref(), Some("汤建"));
    assert!(resolved.threads[0].thread.resolved_at.is_some());
    assert_eq!(resolved.open_threads, 0);

    service::set_comment_resolved(&mut store, "c1", "李校对", false).expect("reopen");
    let reopened = service::issue_review(&store, issue).expect("review");
    assert_eq!((reopened.threads[0].thread.resolved_by.clone(), reopened.open_threads), (None, 1));
}

#[test]
fn empty_comments_unknown_threads_and_missing_names_are_refused_in_chinese() {
    let db = common::TempDb::new();
    let (mut store, _, article_id) = commented_issue(&db);
    let blank = NewComment { thread_id: "c2", article_id, quote: "代表", author: "李校对", body: "  " };
    assert!(service::add_comment(&mut store, &blank).unwrap_err().message.contains("批注内容是空的"));
    let nameless = NewComment { author: "", body: "意见", ..blank };
    assert!(service::add_comment(&mut store, &nameless).unwrap_err().message.contains("姓名"));
    let again = NewComment { thread_id: "c1", body: "意见", ..blank };
    assert!(service::add_comment(&mut store, &again).unwrap_err().message.contains("已经保存过"));
    let lost = service::reply_to_comment(&mut store, "nope", "汤建", "回复").unwrap_err();
    assert!(lost.message.contains("找不到这条批注"));
}

#[test]
fn a_thread_whose_text_was_deleted_is_no_longer_anchored() {
    let db = common::TempDb::new();
    let (mut store, issue, article_id) = commented_issue(&db);
    let mut article = store.article(article_id).expect("article").article;
    article.body = vec![Block::paragraph("全体委员")];
    store.save_article(article_id, &article, "汤建").expect("save");
    let review = service::issue_review(&store, issue).expect("review");
    assert!(!review.threads[0].anchored, "the thread is kept, shown without its anchor");
}

#[test]
fn sign_off_waits_for_suggestions_and_comments_then_locks_them() {
    let db = common::TempDb::new();
    let (mut store, issue, article_id) = commented_issue(&db);
    let mut article = store.article(article_id).expect("article").article;
    article.body.push(Block::Paragraph {
        content: vec![Inline::plain("截至"), suggested("10月", SuggestionKind::Insertion)],
    });
    store.save_article(article_id, &article, "李校对").expect("save");
    advance_to_awaiting_sign_off(&mut store, issue);

    let review = service::issue_review(&store, issue).expect("review");
    let pending: Vec<(&str, &str, &str)> = review
        .suggestions
        .iter()
        .map(|s| (s.inserted.as_str(), s.deleted.as_str(), s.author.as_str()))
        .collect();
    assert_eq!(pending, vec![("10月", "", "李校对")]);
    let refused = service::sign_off(&mut store, issue, "王主任", sign_off_date()).unwrap_err();
    assert_eq!(refused.code, ErrorCode::InvalidInput);
    assert!(
        refused.message.contains("1 处修改建议") && refused.message.contains("1 条批注"),
        "{}",
        refused.message
    );

    article.body[1] = Block::paragraph("截至10月");
    store.save_article(article_id, &article, "汤建").expect("the suggestion accepted");
    service::set_comment_resolved(&mut store, "c1", "汤建", true).expect("resolve");
    service::sign_off(&mut store, issue, "王主任", sign_off_date()).expect("nothing waits now");

    let locked = service::reply_to_comment(&mut store, "c1", "李校对", "再看一下").unwrap_err();
    assert!(locked.message.contains("撤销签发"), "{}", locked.message);
    assert!(service::set_comment_resolved(&mut store, "c1", "李校对", false).is_err());
}

#[test]
fn the_printed_and_checked_text_leaves_pending_insertions_out() {
    let db = common::TempDb::new();
    let (mut store, issue, article_id) = commented_issue(&db);
    let mut article = store.article(article_id).expect("article").article;
    article.body.push(Block::Paragraph {
        content: vec![
            Inline::plain("会议"),
            suggested("的的", SuggestionKind::Insertion),
            suggested("要求", SuggestionKind::Deletion),
        ],
    });
    store.save_article(article_id, &article, "李校对").expect("save");
    let stored = store.issue(issue).expect("issue");
    assert_eq!(stored.issue.settled().articles[0].body[1], Block::paragraph("会议要求"));
    let findings = service::check_stored_issue(&store, issue, Some(&jianbao::proof::WordList::shipped()))
        .expect("check");
    assert!(
        findings.findings.iter().all(|f| !f.finding.text.contains("的的")),
        "a suggested insertion is not yet text"
    );
}

#[test]
fn the_cli_lists_answers_and_resolves_threads_with_pending_suggestions() {
    let db = common::TempDb::new();
    let (mut store, issue, article_id) = commented_issue(&db);
    let mut article = store.article(article_id).expect("article").article;
    article.body.push(Block::Paragraph {
        content: vec![
            suggested("十月", SuggestionKind::Deletion),
            suggested("10月", SuggestionKind::Insertion),
        ],
    });
    store.save_article(article_id, &article, "李校对").expect("save");
    drop(store);
    let id = issue.to_string();

    let reply = common::cli(&db.path, &["reply", "c1", "--by", "汤建", "--text", "已核对"]);
    assert!(reply.status.success(), "{}", String::from_utf8_lossy(&reply.stderr));
    let listed = common::cli(&db.path, &["comments", &id]);
    let text = String::from_utf8(listed.stdout).expect("utf-8");
    assert!(text.starts_with("批注 1 条（未解决 1 条），待处理的修改建议 1 处"), "{text}");
    assert!(text.contains("[c1] 《代表活动》“代表”（未解决）"), "{text}");
    assert!(text.contains("汤建") && text.contains("已核对"), "{text}");
    assert!(text.contains("把“十月”改为“10月”（李校对"), "{text}");

    let resolved = common::cli(&db.path, &["resolve", "c1", "--by", "汤建"]);
    assert!(resolved.status.success());
    let json = common::cli(&db.path, &["comments", &id, "--json"]);
    let review: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    assert_eq!(review["openThreads"], 0);
    assert_eq!(review["threads"][0]["resolvedBy"], "汤建");

    let unknown = common::cli(&db.path, &["reply", "nope", "--by", "汤建", "--text", "好"]);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("找不到这条批注"));
}
