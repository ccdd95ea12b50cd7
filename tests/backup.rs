//! `crate::backup` on real SQLite files: copies taken while the store is open, their check and
//! rotation, restoring into a database the app still has open, files that must be refused,
//! exporting the whole database, and `jianbao-cli backup`.

mod common;

use std::path::Path;

use chrono::{DateTime, FixedOffset};
use jianbao::ErrorCode;
use jianbao::backup::{self, BackupFolder};
use jianbao::store::prelude::*;
use jianbao::store::{Id, LATEST_VERSION, SaveGuard, SqliteStore, apply_migrations, migrations};

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).expect("a valid test time")
}

/// A store holding one issue whose first article is titled `title`; answers that article.
fn store_with_title(db: &common::TempDb, title: &str) -> (SqliteStore, Id) {
    let (mut store, publication) = db.with_publication();
    let issue = store
        .create_issue(
            publication,
            &common::issue(5, 733, vec![common::article(title, "先写下的正文。")]),
            "罗敏",
        )
        .expect("create the issue");
    let article = store.issue(issue).expect("read the issue").article_ids[0];
    (store, article)
}

fn retitle(store: &mut SqliteStore, article: Id, title: &str) {
    jianbao::service::save_article(
        store,
        article,
        &common::article(title, "后来改的正文。"),
        "罗敏",
        &SaveGuard::default(),
    )
    .expect("save the article");
}

fn title_of(store: &SqliteStore, article: Id) -> String {
    store.article(article).expect("read the article").article.title.concat()
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list the folder")
        .map(|entry| entry.expect("an entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_backup_taken_while_the_store_is_open_is_listed_whole() {
    let db = common::TempDb::new();
    let (_store, article) = store_with_title(&db, "春耕备耕调研");
    let folder = BackupFolder::of_database(&db.path);
    let taken = folder.take(&db.path, at("2025-09-02T14:05:01+08:00")).expect("a backup");
    assert_eq!(taken.entry.name, "jianbao-20250902-140501.sqlite3");
    assert_eq!(taken.entry.taken_label, "2025年9月2日 14:05");
    assert_eq!(taken.entry.problem, None, "a fresh copy passes integrity_check");
    assert!(
        taken.entry.size_bytes > 0 && taken.entry.size_label.ends_with("KB"),
        "{}",
        taken.entry.size_label
    );
    assert_eq!(
        names_in(folder.dir()),
        ["jianbao-20250902-140501.sqlite3"],
        "one self-contained file: no -wal, -shm or temporary file beside it"
    );
    let copy = common::open(Path::new(&taken.entry.path));
    assert_eq!(title_of(&copy, article), "春耕备耕调研", "the copy holds the article");
    assert_eq!(folder.list().expect("list"), [taken.entry]);
}

#[test]
fn two_backups_in_one_second_both_stay() {
    let db = common::TempDb::new();
    let _ = store_with_title(&db, "同一秒");
    let folder = BackupFolder::of_database(&db.path);
    let now = at("2025-09-02T14:05:01+08:00");
    let first = folder.take(&db.path, now).expect("first");
    let second = folder.take(&db.path, now).expect("second");
    assert_ne!(first.entry.name, second.entry.name);
    assert_eq!(folder.list().expect("list").len(), 2);
}

#[test]
fn taking_a_backup_removes_what_the_rotation_no_longer_keeps() {
    let db = common::TempDb::new();
    let _ = store_with_title(&db, "轮换");
    let folder = BackupFolder::of_database(&db.path);
    let old = folder.take(&db.path, at("2025-08-01T09:00:00+08:00")).expect("an old backup");
    let older_same_day = folder.take(&db.path, at("2025-08-30T09:00:00+08:00")).expect("morning");
    let newest_of_day = folder.take(&db.path, at("2025-08-30T17:00:00+08:00")).expect("evening");
    std::fs::write(folder.dir().join("说明.txt"), "不是备份").expect("write a note");

    assert_eq!(
        older_same_day.removed,
        [old.entry.name],
        "2025-08-01 is more than four ISO weeks before 2025-08-30"
    );
    assert!(newest_of_day.removed.is_empty(), "all of today's copies stay");

    let today = folder.take(&db.path, at("2025-09-02T08:00:00+08:00")).expect("today");
    assert_eq!(today.removed, [older_same_day.entry.name], "of 2025-08-30 only the evening copy stays");
    let left = names_in(folder.dir());
    assert!(left.contains(&newest_of_day.entry.name) && left.contains(&today.entry.name), "{left:?}");
    assert!(left.contains(&"说明.txt".to_owned()), "a file that is not a backup is never removed: {left:?}");
}

#[test]
fn a_restore_is_read_through_the_connection_the_app_keeps_open() {
    let db = common::TempDb::new();
    let (mut store, article) = store_with_title(&db, "恢复前的标题");
    let folder = BackupFolder::of_database(&db.path);
    let earlier = folder.take(&db.path, at("2025-09-02T09:00:00+08:00")).expect("backup");
    retitle(&mut store, article, "后来改的标题");
    assert_eq!(title_of(&store, article), "后来改的标题");

    let kept = backup::restore_into(
        &db.path,
        Path::new(&earlier.entry.path),
        &folder,
        at("2025-09-02T10:00:00+08:00"),
    )
    .expect("restore");
    assert_eq!(title_of(&store, article), "恢复前的标题", "the open store reads the restored data");
    retitle(&mut store, article, "恢复后再改");
    assert_eq!(title_of(&common::open(&db.path), article), "恢复后再改", "and can write to it");

    let before = common::open(Path::new(&kept.entry.path));
    assert_eq!(title_of(&before, article), "后来改的标题", "what was there is kept as a backup first");
}

#[test]
fn an_older_schema_is_migrated_on_the_way_in() {
    let db = common::TempDb::new();
    let (store, article) = store_with_title(&db, "现在的数据");
    let old = db.dir.path().join("旧版本.sqlite3");
    let mut conn = rusqlite::Connection::open(&old).expect("create");
    apply_migrations(&mut conn, &migrations()[..10]).expect("the first ten steps");
    drop(conn);
    assert_eq!(backup::inspect(&old).expect("an older Jianbao database"), 10);

    let folder = BackupFolder::of_database(&db.path);
    backup::restore_into(&db.path, &old, &folder, at("2025-09-02T10:00:00+08:00")).expect("restore");
    assert!(store.article(article).is_err(), "the old file had no articles");
    let version: u32 = rusqlite::Connection::open(&db.path)
        .and_then(|c| c.pragma_query_value(None, "user_version", |row| row.get(0)))
        .expect("read the version");
    assert_eq!(version, LATEST_VERSION, "brought up to date");
}

#[test]
fn files_that_cannot_be_restored_from_change_nothing() {
    let db = common::TempDb::new();
    let (store, article) = store_with_title(&db, "不能被覆盖");
    let folder = BackupFolder::of_database(&db.path);
    let now = at("2025-09-02T10:00:00+08:00");
    let dir = db.dir.path();

    let text = dir.join("笔记.txt");
    std::fs::write(&text, "这是一份文字笔记，不是数据库。".repeat(40)).expect("write");
    let other = dir.join("别的程序.sqlite3");
    rusqlite::Connection::open(&other)
        .and_then(|c| c.execute_batch("CREATE TABLE 联系人 (名字 TEXT);"))
        .expect("create");
    let newer = dir.join("新版本.sqlite3");
    backup::export_database(&db.path, &newer).expect("export");
    rusqlite::Connection::open(&newer)
        .and_then(|c| c.pragma_update(None, "user_version", LATEST_VERSION + 1))
        .expect("raise the version");

    for (file, code, said) in [
        (&text, ErrorCode::NotADatabase, "不是简报台的数据库"),
        (&other, ErrorCode::NotADatabase, "不是简报台的数据库"),
        (&newer, ErrorCode::DatabaseTooNew, "更新版本的简报台"),
        (&dir.join("没有这个文件.sqlite3"), ErrorCode::NotFound, "找不到文件"),
    ] {
        let error = backup::restore_into(&db.path, file, &folder, now).expect_err("refused");
        assert_eq!(error.code, code, "{}", error.message);
        assert!(
            error.message.contains(said) && error.message.contains("当前数据没有改动"),
            "{}",
            error.message
        );
    }
    assert_eq!(title_of(&store, article), "不能被覆盖");
    assert!(folder.list().expect("list").is_empty(), "nothing was backed up or staged for a refused file");
    assert!(!folder.dir().exists() || names_in(folder.dir()).is_empty());
}

#[test]
fn a_damaged_backup_is_listed_as_damaged_and_refused() {
    let db = common::TempDb::new();
    let (store, article) = store_with_title(&db, "完好的数据");
    let folder = BackupFolder::of_database(&db.path);
    let taken = folder.take(&db.path, at("2025-09-02T09:00:00+08:00")).expect("backup");
    let mut bytes = std::fs::read(&taken.entry.path).expect("read");
    // Page 2 onwards: the header stays, so SQLite opens the file and finds the damage.
    for byte in bytes.iter_mut().skip(4096).take(4096) {
        *byte = 0x5A;
    }
    std::fs::write(&taken.entry.path, bytes).expect("damage it");

    let listed = folder.list().expect("list");
    assert!(listed[0].problem.is_some(), "the list shows the damage");
    let error = backup::restore_into(
        &db.path,
        Path::new(&taken.entry.path),
        &folder,
        at("2025-09-02T10:00:00+08:00"),
    )
    .expect_err("a damaged backup is refused");
    assert!(error.message.contains("当前数据没有改动"), "{}", error.message);
    assert_eq!(title_of(&store, article), "完好的数据");
}

#[test]
fn the_whole_database_exports_to_one_checked_file() {
    let db = common::TempDb::new();
    let (_store, article) = store_with_title(&db, "导出的整库");
    let out = tempfile::tempdir().expect("a folder");
    let target = out.path().join("简报台数据.sqlite3");
    std::fs::write(&target, b"an older export").expect("an older file");
    backup::export_database(&db.path, &target).expect("export");
    backup::check_integrity(&target).expect("whole");
    assert_eq!(title_of(&common::open(&target), article), "导出的整库");
    assert_eq!(names_in(out.path()), ["简报台数据.sqlite3"], "no temporary file is left");
}

#[test]
fn the_cli_backs_up_lists_and_restores() {
    let db = common::TempDb::new();
    let (mut store, article) = store_with_title(&db, "命令行备份前");
    let output = common::cli(&db.path, &["backup", "now"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let listed = String::from_utf8(common::cli(&db.path, &["backup", "list"]).stdout).expect("UTF-8");
    let name = listed.split('\t').next().expect("a name first").to_owned();
    assert!(listed.contains("完好") && listed.contains("KB"), "{listed}");

    retitle(&mut store, article, "命令行备份后");
    let restored = common::cli(&db.path, &["backup", "restore", &name]);
    assert!(restored.status.success(), "{}", String::from_utf8_lossy(&restored.stderr));
    assert_eq!(title_of(&store, article), "命令行备份前");

    let refused = common::cli(&db.path, &["backup", "restore", "jianbao-20000101-000000.sqlite3"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("没有名为"));
}
