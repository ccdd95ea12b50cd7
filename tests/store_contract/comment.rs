//! Comment threads: answered, resolved and reopened, kept with their article.

use jianbao::store::{AnchorPart, CommentAnchor, NewComment, StoreError};

use super::{TestDatabase, contract_tests, fixture};

contract_tests![
    a_thread_is_answered_resolved_and_reopened,
    a_thread_id_is_taken_once,
    threads_need_a_live_article_and_replies_a_known_thread,
    threads_are_listed_by_article_in_print_order_and_leave_with_a_removed_article,
    a_pending_anchor_is_kept_until_it_is_placed,
];

fn comment<'a>(thread_id: &'a str, article_id: i64) -> NewComment<'a> {
    NewComment {
        thread_id, article_id, quote: "代表", author: "李校对", body: "请核对人数", anchor: None
    }
}

fn a_thread_is_answered_resolved_and_reopened(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["代表活动"]);
    f.store.add_comment_thread(&comment("c1", f.articles[0])).expect("comment");
    f.store.add_comment_reply("c1", "汤建", "已核对，无误").expect("reply");

    let threads = db.open().comment_threads_of_issue(f.issue).expect("threads");
    assert_eq!(threads.len(), 1);
    let thread = &threads[0];
    assert_eq!((thread.id.as_str(), thread.article_id, thread.quote.as_str()), ("c1", f.articles[0], "代表"));
    let said: Vec<_> = thread.messages.iter().map(|m| (m.author.as_str(), m.body.as_str())).collect();
    assert_eq!(said, [("李校对", "请核对人数"), ("汤建", "已核对，无误")], "in the order they were written");
    assert_eq!(thread.messages[0].written_at, "2025-09-02T08:30:00.000Z");
    assert_eq!((thread.resolved_by.as_deref(), thread.resolved_at.as_deref()), (None, None));

    f.store.set_comment_resolved("c1", Some("汤建")).expect("resolve");
    let resolved = f.store.comment_threads_of_issue(f.issue).expect("threads").remove(0);
    assert_eq!(resolved.resolved_by.as_deref(), Some("汤建"));
    assert_eq!(resolved.resolved_at.as_deref(), Some("2025-09-02T08:30:00.000Z"));

    f.store.set_comment_resolved("c1", None).expect("reopen");
    let reopened = f.store.comment_threads_of_issue(f.issue).expect("threads").remove(0);
    assert_eq!((reopened.resolved_by, reopened.resolved_at), (None, None));
}

fn a_thread_id_is_taken_once(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["甲"]);
    f.store.add_comment_thread(&comment("c1", f.articles[0])).expect("comment");
    let again = NewComment { body: "另一条意见", ..comment("c1", f.articles[0]) };
    let error = f.store.add_comment_thread(&again).expect_err("the id is taken");
    assert!(error.to_string().contains("已经保存过"), "{error}");
    let threads = f.store.comment_threads_of_issue(f.issue).expect("threads");
    assert_eq!(threads[0].messages.len(), 1, "the first thread is unchanged");
}

fn threads_need_a_live_article_and_replies_a_known_thread(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["甲", "乙"]);
    let missing =
        f.store.add_comment_thread(&comment("c1", f.articles[1] + 100)).expect_err("no such article");
    assert!(matches!(missing, StoreError::NotFound { .. }), "got {missing:?}");
    f.store.remove_article(f.articles[1]).expect("remove");
    let removed = f.store.add_comment_thread(&comment("c1", f.articles[1])).expect_err("removed article");
    assert!(matches!(removed, StoreError::NotFound { .. }), "got {removed:?}");
    let reply = f.store.add_comment_reply("nope", "汤建", "回复").expect_err("no such thread");
    assert!(reply.to_string().contains("找不到这条批注"), "{reply}");
    let resolve = f.store.set_comment_resolved("nope", Some("汤建")).expect_err("no such thread");
    assert!(resolve.to_string().contains("找不到这条批注"), "{resolve}");
    f.store.add_comment_thread(&comment("c1", f.articles[0])).expect("the id was never taken");
}

fn threads_are_listed_by_article_in_print_order_and_leave_with_a_removed_article(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["甲", "乙", "丙"]);
    f.store.add_comment_thread(&comment("on-second-late", f.articles[1])).expect("comment");
    f.store.add_comment_thread(&comment("on-first", f.articles[0])).expect("comment");
    f.store.add_comment_thread(&comment("on-second-later", f.articles[1])).expect("comment");
    f.store.add_comment_thread(&comment("on-third", f.articles[2])).expect("comment");
    f.store.reorder_articles(f.issue, &[f.articles[1], f.articles[0], f.articles[2]]).expect("reorder");
    f.store.remove_article(f.articles[2]).expect("remove the third");
    let ids: Vec<String> =
        f.store.comment_threads_of_issue(f.issue).expect("threads").into_iter().map(|t| t.id).collect();
    assert_eq!(ids, ["on-second-late", "on-second-later", "on-first"]);
}

fn a_pending_anchor_is_kept_until_it_is_placed(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["甲", "乙"]);
    let anchor = CommentAnchor { part: AnchorPart::Body, block: 1, start: 2, end: 4 };
    let later = CommentAnchor { start: 0, ..anchor };
    f.store
        .add_comment_thread(&NewComment { anchor: Some(&anchor), ..comment("c1", f.articles[0]) })
        .expect("comment");
    f.store.add_comment_thread(&comment("c2", f.articles[0])).expect("an anchored one");
    f.store
        .add_comment_thread(&NewComment { anchor: Some(&later), ..comment("c3", f.articles[0]) })
        .expect("comment");
    f.store
        .add_comment_thread(&NewComment { anchor: Some(&anchor), ..comment("c4", f.articles[1]) })
        .expect("comment");
    let pending = db.open().pending_anchors(f.articles[0]).expect("pending");
    assert_eq!(
        pending,
        [("c1".to_owned(), anchor.clone()), ("c3".to_owned(), later)],
        "in the order they were made"
    );
    let threads = f.store.comment_threads_of_issue(f.issue).expect("threads");
    assert_eq!(threads[0].pending_anchor.as_ref(), Some(&anchor));
    assert_eq!(threads[1].pending_anchor, None);

    f.store.clear_pending_anchor("c1").expect("placed");
    let left: Vec<String> =
        f.store.pending_anchors(f.articles[0]).expect("pending").into_iter().map(|(id, _)| id).collect();
    assert_eq!(left, ["c3"]);
    let unknown = f.store.clear_pending_anchor("nope").expect_err("no such thread");
    assert!(unknown.to_string().contains("找不到这条批注"), "{unknown}");
}
