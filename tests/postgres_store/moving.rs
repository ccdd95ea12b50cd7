//! Moving a single-machine database into the office database (`migrate --from-sqlite`), and
//! the office database's backups (`backup --to`, `restore --from`).

use jianbao::domain::Publication;
use jianbao::server::StoreSource;
use jianbao::server::backup::{back_up, restore};
use jianbao::service;
use jianbao::store::NewComment;
use jianbao::store::postgres::move_sqlite_to_postgres;
use jianbao::store::prelude::*;

use super::postgres_tests;
use crate::store_contract::{NO_GUARD, sign_off};
use crate::{PostgresDatabase, common};

postgres_tests![
    every_issue_revision_comment_and_step_arrives_and_reads_the_same,
    new_rows_are_numbered_after_the_moved_ones,
    a_target_that_holds_data_is_refused_untouched,
    a_backup_restores_into_an_empty_database,
];

/// A single-machine database in use: two issues, one signed off, edits, a comment, a
/// reply, an ignored finding and an account.
fn single_machine_database(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("desk.sqlite3");
    let mut store = common::open(&path);
    let publication = store.create_publication(&Publication::lianluo_dongtai()).expect("publication");
    let articles = vec![
        common::article("全省代表工作会议召开", "会议强调。"),
        common::article("某县人大：听取报告", "会上。"),
    ];
    let draft =
        store.create_issue(publication, &common::issue(14, 742, articles.clone()), "汤建").expect("draft");
    let signed = store.create_issue(publication, &common::issue(13, 741, articles), "汤建").expect("signed");
    let first = store.issue(draft).expect("draft").article_ids[0];
    let edited = common::article("全省代表工作会议召开（修订）", "会议强调，要“讲实效”。");
    store.save_article(first, &edited, "汤建", &NO_GUARD).expect("an edit");
    let comment = NewComment {
        thread_id: "t1",
        article_id: first,
        quote: "讲实效",
        author: "李校对",
        body: "引号？",
        anchor: None,
    };
    store.add_comment_thread(&comment).expect("comment");
    store.add_comment_reply("t1", "汤建", "已改").expect("reply");
    store.save_word_list_text(publication, "截止\t截至\t表示时间点用“截至”").expect("word list");
    store.create_account("李校对", &[jianbao::domain::Role::Proofreader], "hash").expect("account");
    sign_off(&mut store, signed);
    path
}

fn every_issue_revision_comment_and_step_arrives_and_reads_the_same(db: &PostgresDatabase) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = single_machine_database(dir.path());
    let report = move_sqlite_to_postgres(&path, &db.params()).expect("moved");
    assert_eq!(report.issues, 2);
    assert!(report.revisions >= 5, "every revision, got {}", report.revisions);
    let rows = |table: &str| report.rows.iter().find(|(t, _)| *t == table).map(|(_, n)| *n);
    assert_eq!(rows("comment_message"), Some(2));
    assert!(rows("status_change").is_some_and(|n| n >= 5), "{:?}", report.rows);
    let desk = common::open(&path);
    let office = db.connect().expect("open");
    for issue in desk.list_issues(desk.default_publication_id().expect("publication")).expect("issues") {
        let before = service::dump_issue(&desk, issue.id).expect("dump").to_json();
        let after = service::dump_issue(&office, issue.id).expect("dump").to_json();
        assert_eq!(before, after, "issue {} reads the same", issue.id);
    }
    let identities = (desk.store_identity().expect("desk"), office.store_identity().expect("office"));
    assert_ne!(identities.0, identities.1, "the office database is another database: drafts stay apart");
}

fn new_rows_are_numbered_after_the_moved_ones(db: &PostgresDatabase) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = single_machine_database(dir.path());
    move_sqlite_to_postgres(&path, &db.params()).expect("moved");
    let mut office = db.connect().expect("open");
    let publication = office.default_publication_id().expect("publication");
    let before = office.latest_event_seq().expect("events");
    let id = office
        .create_issue(publication, &common::issue(15, 743, vec![common::article("新一期", "正文。")]), "汤建")
        .expect("a new issue after the move");
    assert_eq!(id, 3);
    assert!(office.latest_event_seq().expect("events") > before, "events go on from the moved ones");
    let signed = office.issue(2).expect("signed issue");
    let refused =
        office.save_article(signed.article_ids[0], &common::article("改", "改。"), "汤建", &NO_GUARD);
    assert!(refused.is_err(), "the sign-off lock is back on after the move");
}

fn a_target_that_holds_data_is_refused_untouched(db: &PostgresDatabase) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = single_machine_database(dir.path());
    let mut office = db.connect().expect("open");
    office.create_publication(&Publication::lianluo_dongtai()).expect("something already there");
    let error = move_sqlite_to_postgres(&path, &db.params()).expect_err("not empty");
    assert!(error.to_string().contains("已有数据"), "{error}");
    assert!(office.list_issues(1).expect("issues").is_empty(), "nothing was copied");
}

fn a_backup_restores_into_an_empty_database(db: &PostgresDatabase) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = single_machine_database(dir.path());
    move_sqlite_to_postgres(&path, &db.params()).expect("moved");
    let now = chrono::DateTime::parse_from_rfc3339("2025-09-02T09:00:00+08:00").expect("valid");
    let source = StoreSource::Postgres(db.params());
    let written = back_up(&source, &dir.path().join("backups"), now).expect("pg_dump");
    assert!(written.extension().is_some_and(|e| e == "pgdump"), "{}", written.display());
    let restored = db.sibling("restored");
    restore(&StoreSource::Postgres(restored.clone()), &written, now).expect("pg_restore");
    let original = db.connect().expect("open");
    let copy = jianbao::store::PostgresStore::connect(&restored, Box::new(jianbao::store::SystemClock))
        .expect("open");
    for id in [1, 2] {
        assert_eq!(
            service::dump_issue(&original, id).expect("dump").to_json(),
            service::dump_issue(&copy, id).expect("dump").to_json()
        );
    }
    // Restoring over the copy, which now holds data, fails and leaves it as it was.
    assert!(restore(&StoreSource::Postgres(restored), &written, now).is_err());
}
