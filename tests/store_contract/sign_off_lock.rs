//! The sign-off lock: a signed-off issue refuses every write with `StoreError::SignedOff`
//! and keeps everything as it was, until the sign-off is revoked. The database enforces it.

use jianbao::domain::{IssueKind, IssueStatus};
use jianbao::numbering::IssueNumbers;
use jianbao::store::{NewComment, Store, StoreError};

use super::{Fixture, NO_GUARD, TestDatabase, contract_tests, date, fixture, revoke, sign_off};
use crate::common;

contract_tests![
    a_signed_off_issue_refuses_every_write_and_nothing_changes,
    after_the_revocation_every_write_works_again,
    the_lock_holds_in_the_database_itself,
    an_issue_created_signed_off_keeps_its_articles_and_is_locked,
];

/// A signed-off issue of two articles; the first carries the thread `c1`.
fn signed_off(db: &dyn TestDatabase) -> Fixture {
    let mut f = fixture(db, &["第一篇", "第二篇"]);
    let comment = NewComment {
        thread_id: "c1",
        article_id: f.articles[0],
        quote: "正文",
        author: "李校对",
        body: "请核对",
        anchor: None,
    };
    f.store.add_comment_thread(&comment).expect("comment");
    sign_off(&mut *f.store, f.issue);
    f
}

/// Every path that writes an issue's masthead, articles, revisions or comments.
fn every_write(f: &mut Fixture) -> Vec<(&'static str, Result<(), StoreError>)> {
    let store: &mut dyn Store = &mut *f.store;
    let (issue, first) = (f.issue, f.articles[0]);
    let revision = store.revisions(first).expect("revisions")[0].id;
    let numbers = IssueNumbers { kind: IssueKind::Regular, year: 2025, number: 99, total_number: 999 };
    let edited = common::article("改过的标题", "改过的正文。");
    let thread = NewComment {
        thread_id: "c2",
        article_id: first,
        quote: "正文",
        author: "李校对",
        body: "新批注",
        anchor: None,
    };
    let mut reversed = f.articles.clone();
    reversed.reverse();
    // In an order in which each write also works once the sign-off is revoked.
    vec![
        ("masthead", store.update_issue_masthead(issue, &numbers, date(2025, 9, 9))),
        ("reorder articles", store.reorder_articles(issue, &reversed)),
        ("save article", store.save_article(first, &edited, "汤建", &NO_GUARD).map(drop)),
        ("restore revision", store.restore_revision(revision, "汤建", &NO_GUARD).map(drop)),
        ("comment thread", store.add_comment_thread(&thread)),
        ("comment reply", store.add_comment_reply("c1", "汤建", "已核对")),
        ("resolve comment", store.set_comment_resolved("c1", Some("汤建"))),
        ("add article", store.add_article(issue, &edited, "汤建").map(drop)),
        ("append articles", store.append_articles(issue, std::slice::from_ref(&edited), "汤建").map(drop)),
        ("remove article", store.remove_article(first)),
        ("trash", store.trash_issue(issue)),
    ]
}

fn a_signed_off_issue_refuses_every_write_and_nothing_changes(db: &dyn TestDatabase) {
    let mut f = signed_off(db);
    let before = f.store.issue(f.issue).expect("issue");
    let revisions_before = f.store.revisions(f.articles[0]).expect("revisions");
    let threads_before = f.store.comment_threads_of_issue(f.issue).expect("threads");

    for (path, result) in every_write(&mut f) {
        assert!(matches!(result, Err(StoreError::SignedOff)), "{path}: {result:?}");
    }
    let message = StoreError::SignedOff.to_string();
    assert!(message.contains("撤销签发"), "the message says what to do: {message}");
    let reader = db.open();
    assert_eq!(reader.issue(f.issue).expect("issue"), before, "nothing of the issue changed");
    assert_eq!(reader.revisions(f.articles[0]).expect("revisions"), revisions_before);
    assert_eq!(reader.comment_threads_of_issue(f.issue).expect("threads"), threads_before);
    assert_eq!(reader.list_issues(f.publication).expect("list").len(), 1, "not trashed");
    assert_eq!(reader.issue(f.issue).expect("issue").issue.status, IssueStatus::SignedOff);
}

fn after_the_revocation_every_write_works_again(db: &dyn TestDatabase) {
    let mut f = signed_off(db);
    revoke(&mut *f.store, f.issue);
    let revoked = f.store.status_history(f.issue).expect("history").pop().expect("recorded");
    assert_eq!((revoked.from, revoked.to), (IssueStatus::SignedOff, IssueStatus::AwaitingSignOff));
    assert_eq!(revoked.note, "第二篇数字有误");
    for (path, result) in every_write(&mut f) {
        assert!(result.is_ok(), "{path} works once the sign-off is revoked: {result:?}");
    }
}

fn the_lock_holds_in_the_database_itself(db: &dyn TestDatabase) {
    let f = signed_off(db);
    let (issue, article) = (f.issue, f.articles[0]);
    let writes = [
        format!("UPDATE article SET position = position WHERE id = {article}"),
        format!("UPDATE issue SET number = 99 WHERE id = {issue}"),
        format!("DELETE FROM article WHERE id = {article}"),
        "UPDATE comment_thread SET quote = 'x' WHERE id = 'c1'".to_owned(),
    ];
    for sql in writes {
        let error = db.execute(&sql).expect_err("a write beside the store is refused too");
        assert!(error.contains("jianbao: issue signed off"), "{sql}: {error}");
    }
    assert_eq!(f.store.issue(issue).expect("issue").issue.number, 13);
}

fn an_issue_created_signed_off_keeps_its_articles_and_is_locked(db: &dyn TestDatabase) {
    let mut f = fixture(db, &[]);
    let mut signed = common::issue(14, 742, vec![common::article("第一篇", "正文。")]);
    signed.status = IssueStatus::SignedOff;
    let issue = f.store.create_issue(f.publication, &signed, "汤建").expect("a signed issue loads");
    assert_eq!(f.store.issue(issue).expect("issue").issue, signed);
    let error = f.store.add_article(issue, &common::article("再加", "正文。"), "汤建").expect_err("locked");
    assert!(matches!(error, StoreError::SignedOff), "got {error:?}");
}
