//! The `publication` table.

mod common;

use jianbao::domain::Publication;
use jianbao::store::StoreError;
use jianbao::store::prelude::*;
use rusqlite::Connection;

#[test]
fn settings_round_trip() {
    let db = common::TempDb::new();
    let (mut store, id) = db.with_publication();
    let mut publication = Publication::lianluo_dongtai();
    publication.footer.print_run = Some(300);
    publication.footer.recipients.push("省档案馆".into());
    store.update_publication(id, &publication).expect("update");
    drop(store);
    assert_eq!(db.open().publication(id).expect("read"), publication);
}

#[test]
fn an_empty_database_has_no_default_publication() {
    let db = common::TempDb::new();
    let error = db.open().default_publication_id().expect_err("nothing created yet");
    assert!(matches!(error, StoreError::NoPublication));
    assert!(error.to_string().contains("init"), "the message says how to initialise: {error}");
}

#[test]
fn corrupt_settings_are_an_error_naming_the_row() {
    let db = common::TempDb::new();
    let (store, id) = db.with_publication();
    drop(store);
    let conn = Connection::open(&db.path).expect("open");
    conn.execute("UPDATE publication SET settings = '{\"name\":1}' WHERE id = ?1", [id]).expect("corrupt");
    drop(conn);
    let error = db.open().publication(id).expect_err("a corrupt row is not read as defaults");
    assert!(
        matches!(error, StoreError::CorruptRow { table: "publication", id: row, .. } if row == id),
        "got {error:?}"
    );
}

#[test]
fn updating_a_missing_publication_is_not_found() {
    let db = common::TempDb::new();
    let mut store = db.open();
    let error = store.update_publication(42, &Publication::lianluo_dongtai()).expect_err("no row 42");
    assert!(matches!(error, StoreError::NotFound { id: 42, .. }));
}
