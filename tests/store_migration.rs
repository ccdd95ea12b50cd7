//! The schema gate: versions, all-or-nothing upgrades, refusal of newer and foreign files.

mod common;

use jianbao::store::prelude::*;
use jianbao::store::{FixedClock, LATEST_VERSION, SqliteStore, StoreError, apply_migrations, migrations};
use rusqlite::Connection;
use rusqlite_migration::M;

fn user_version(conn: &Connection) -> u32 {
    conn.pragma_query_value(None, "user_version", |row| row.get(0)).expect("read user_version")
}

fn table_names(conn: &Connection) -> Vec<String> {
    let mut statement =
        conn.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").expect("prepare");
    statement.query_map([], |row| row.get(0)).expect("query").collect::<Result<_, _>>().expect("rows")
}

#[test]
fn a_new_database_gets_every_table_and_the_latest_version() {
    let db = common::TempDb::new();
    drop(db.open());
    let conn = Connection::open(&db.path).expect("reopen");
    assert_eq!(user_version(&conn), LATEST_VERSION);
    assert_eq!(
        table_names(&conn),
        [
            "account",
            "account_session",
            "article",
            "article_lease",
            "article_revision",
            "article_text",
            "article_text_index",
            "article_text_index_config",
            "article_text_index_data",
            "article_text_index_docsize",
            "article_text_index_idx",
            "article_unit",
            "audit_entry",
            "change_event",
            "comment_message",
            "comment_thread",
            "ignored_finding",
            "issue",
            "issue_page_count",
            "publication",
            "round_snapshot",
            "sqlite_sequence",
            "status_change",
            "store_identity",
            "unit_alias",
            "word_list"
        ]
    );
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |row| row.get(0)).expect("mode");
    assert_eq!(mode, "wal", "WAL keeps readers and the autosave from blocking each other");
}

#[test]
fn a_failing_migration_leaves_no_trace() {
    let db = common::TempDb::new();
    let mut conn = Connection::open(&db.path).expect("open");
    let mut steps = migrations();
    steps.push(M::up("CREATE TABLE half_done (id INTEGER); INSERT INTO no_such_table VALUES (1);"));
    let result = apply_migrations(&mut conn, &steps);
    assert!(matches!(result, Err(StoreError::Migration(_))), "the broken step is reported: {result:?}");
    assert_eq!(user_version(&conn), 0, "the version is not advanced");
    assert!(table_names(&conn).is_empty(), "not even the good steps before it are kept");
}

#[test]
fn a_failing_upgrade_keeps_the_data_of_the_old_version() {
    let db = common::TempDb::new();
    let (mut store, publication) = db.with_publication();
    store.create_issue(publication, &common::issue(13, 741, vec![]), "汤建").expect("create issue");
    drop(store);
    let mut conn = Connection::open(&db.path).expect("open");
    let mut steps = migrations();
    steps.push(M::up("ALTER TABLE issue ADD COLUMN x TEXT; SELECT no_such_function();"));
    assert!(apply_migrations(&mut conn, &steps).is_err());
    drop(conn);
    let store = db.open();
    assert_eq!(store.list_issues(publication).expect("list").len(), 1, "the issue survives");
}

#[test]
fn a_database_from_a_newer_version_is_refused_untouched() {
    let db = common::TempDb::new();
    drop(db.open());
    let conn = Connection::open(&db.path).expect("open");
    conn.pragma_update(None, "user_version", LATEST_VERSION + 1).expect("pretend newer");
    drop(conn);
    let before = std::fs::read(&db.path).expect("read file");
    let error = SqliteStore::open(&db.path, Box::new(FixedClock(common::instant())))
        .expect_err("a newer schema must not be opened");
    assert!(
        matches!(error, StoreError::TooNew { found, supported } if found == LATEST_VERSION + 1 && supported == LATEST_VERSION)
    );
    assert!(error.to_string().contains("请升级简报台"), "the message tells the user what to do: {error}");
    assert_eq!(std::fs::read(&db.path).expect("read file"), before, "the file is unchanged");
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_untouched() {
    let db = common::TempDb::new();
    std::fs::write(&db.path, "这不是数据库，是一份文稿。".repeat(100)).expect("write");
    let before = std::fs::read(&db.path).expect("read");
    let error = SqliteStore::open(&db.path, Box::new(FixedClock(common::instant()))).expect_err("not SQLite");
    assert!(matches!(error, StoreError::NotADatabase { .. }), "got {error:?}");
    assert_eq!(std::fs::read(&db.path).expect("read"), before, "the user's file is not modified");
}

#[test]
fn reopening_an_up_to_date_database_changes_nothing() {
    let db = common::TempDb::new();
    let (store, _) = db.with_publication();
    drop(store);
    let store = db.open();
    assert!(store.default_publication_id().is_ok());
}

#[test]
fn backup_copies_a_readable_database() {
    let db = common::TempDb::new();
    let (mut store, publication) = db.with_publication();
    store.create_issue(publication, &common::issue(13, 741, vec![]), "汤建").expect("create");
    let copy = db.dir.path().join("backup.sqlite3");
    store.backup_to(&copy).expect("backup");
    let restored = common::open(&copy);
    assert_eq!(restored.list_issues(publication).expect("list").len(), 1);
}

#[test]
fn a_database_from_before_the_proof_rounds_upgrades_with_its_issues_editable() {
    let db = common::TempDb::new();
    let mut conn = Connection::open(&db.path).expect("open");
    let before_rounds: Vec<M<'static>> = migrations().into_iter().take(4).collect();
    apply_migrations(&mut conn, &before_rounds).expect("the schema before the rounds");
    insert_old_publication(&conn);
    conn.execute_batch(
        "INSERT INTO issue (id, publication_id, kind, year, number, total_number, date, status,
                            created_at, updated_at)
         VALUES (7, 1, 'regular', 2025, 13, 741, '2025-09-02', 'thirdProof', 't', 't');",
    )
    .expect("an issue of the old version");
    drop(conn);

    let mut store = db.open();
    assert_eq!(user_version(&Connection::open(&db.path).expect("reopen")), LATEST_VERSION);
    assert!(store.status_history(7).expect("history").is_empty(), "no change is invented");
    assert!(!store.issue_date_fixed(7).expect("flag"), "an old date is not taken as fixed");
    store.add_article(7, &common::article("新稿", "正文。"), "汤建").expect("still editable");
}

#[test]
fn a_database_from_before_the_comments_upgrades_and_its_articles_take_comments() {
    let db = common::TempDb::new();
    let mut conn = Connection::open(&db.path).expect("open");
    let before_comments: Vec<M<'static>> = migrations().into_iter().take(7).collect();
    apply_migrations(&mut conn, &before_comments).expect("the schema before the comments");
    drop(conn);
    let (mut store, publication) = db.with_publication();
    let issue = store.create_issue(publication, &common::issue(13, 741, vec![]), "汤建").expect("issue");
    let article_id = store.add_article(issue, &common::article("新稿", "正文。"), "汤建").expect("article");
    let comment = jianbao::store::NewComment {
        thread_id: "t1",
        article_id,
        quote: "正文",
        author: "李校对",
        body: "请核对",
        anchor: None,
    };
    store.add_comment_thread(&comment).expect("the new tables are there");
    assert_eq!(user_version(&Connection::open(&db.path).expect("reopen")), LATEST_VERSION);
}

#[test]
fn the_proof_tables_come_with_the_upgrade_and_keep_older_data() {
    let db = common::TempDb::new();
    let mut conn = Connection::open(&db.path).expect("open");
    apply_migrations(&mut conn, &migrations()[..7]).expect("the version before the proof tables");
    conn.execute(
        "INSERT INTO publication (settings, created_at, updated_at) VALUES ('{}', 'then', 'then')",
        [],
    )
    .expect("a publication of the older version");
    apply_migrations(&mut conn, &migrations()).expect("upgrades");
    assert_eq!(user_version(&conn), LATEST_VERSION);
    let tables = table_names(&conn);
    assert!(tables.contains(&"ignored_finding".to_owned()) && tables.contains(&"word_list".to_owned()));
    let publications: i64 =
        conn.query_row("SELECT count(*) FROM publication", [], |row| row.get(0)).expect("count");
    assert_eq!(publications, 1, "the upgrade keeps what was there");
}

#[test]
fn every_database_gets_its_own_identity_and_a_backup_keeps_it() {
    let (first, second) = (common::TempDb::new(), common::TempDb::new());
    let identity = first.open().store_identity().expect("identity");
    assert_ne!(second.open().store_identity().expect("identity"), identity, "two databases, two ids");
    let copy = first.dir.path().join("backup.sqlite3");
    first.open().backup_to(&copy).expect("backup");
    assert_eq!(
        common::open(&copy).store_identity().expect("the copy's"),
        identity,
        "a backup is the same database"
    );
}

#[test]
fn a_database_from_before_the_identity_gets_one_on_upgrade() {
    let db = common::TempDb::new();
    let mut conn = Connection::open(&db.path).expect("open");
    let before_identity = &migrations()[..LATEST_VERSION as usize - 1];
    apply_migrations(&mut conn, before_identity).expect("the schema before the identity");
    insert_old_publication(&conn);
    drop(conn);
    let store = db.open();
    assert_eq!(store.store_identity().expect("made by the upgrade").len(), 32);
    assert!(store.default_publication_id().is_ok(), "the upgrade keeps what was there");
}

/// Publication 1, as a database of an older version holds it.
fn insert_old_publication(conn: &Connection) {
    let settings = serde_json::to_string(&jianbao::domain::Publication::lianluo_dongtai()).expect("json");
    conn.execute(
        "INSERT INTO publication (id, settings, created_at, updated_at) VALUES (1, ?1, 't', 't')",
        [settings],
    )
    .expect("publication");
}

/// An article as a database of the version before the search index held it.
fn insert_old_article(conn: &Connection, id: i64, content: &str) {
    conn.execute(
        "INSERT INTO article (id, issue_id, position, content, updated_at) VALUES (?1, 7, ?1, ?2, 't')",
        rusqlite::params![id, content],
    )
    .expect("an article of the older version");
}

fn database_before_the_search_index(db: &common::TempDb) -> Connection {
    let mut conn = Connection::open(&db.path).expect("open");
    apply_migrations(&mut conn, &migrations()[..17]).expect("the version before the search index");
    insert_old_publication(&conn);
    conn.execute_batch(
        "INSERT INTO issue (id, publication_id, kind, year, number, total_number, date, status, created_at, updated_at)
         VALUES (7, 1, 'regular', 2019, 4, 600, '2019-03-05', 'draft', 't', 't');",
    )
    .expect("an issue of the older version");
    conn
}

#[test]
fn the_search_index_upgrade_indexes_the_articles_already_stored() {
    let db = common::TempDb::new();
    let conn = database_before_the_search_index(&db);
    let article = common::article("溆浦县开展代表小组活动", "代表们围绕乡村道路养护提出建议。");
    insert_old_article(&conn, 1, &serde_json::to_string(&article).expect("json"));
    conn.execute("UPDATE issue SET status = 'signedOff' WHERE id = 7", []).expect("signed off, so locked");
    drop(conn);
    let store = db.open();
    let text = jianbao::archive::SearchText::parse("道路养护").expect("query");
    let search =
        jianbao::store::ArticleSearch { publication_id: 1, text: &text, year: None, units: None, limit: 10 };
    let found = store.search_articles(&search).expect("search");
    assert_eq!(found.total, 1, "the signed-off back issue's article is found after the upgrade");
    assert_eq!(found.hits[0].article_id, 1);
    let units = store.contributing_units(1).expect("units");
    assert_eq!(units, ["娄底市人大常委会"], "its attribution is counted too");
}

#[test]
fn a_corrupt_article_stops_the_index_upgrade_and_leaves_the_old_version() {
    let db = common::TempDb::new();
    let conn = database_before_the_search_index(&db);
    insert_old_article(&conn, 1, r#"{"title": 5}"#);
    drop(conn);
    let error = SqliteStore::open(&db.path, Box::new(FixedClock(common::instant())))
        .expect_err("an article that cannot be read cannot be indexed");
    assert!(
        matches!(&error, StoreError::Migration(message) if message.contains("article 表第 1 行")),
        "the message names the row: {error}"
    );
    let conn = Connection::open(&db.path).expect("reopen");
    assert_eq!(user_version(&conn), 17, "the version is not advanced");
    assert!(!table_names(&conn).contains(&"article_text".to_owned()), "nothing of the step is kept");
}
