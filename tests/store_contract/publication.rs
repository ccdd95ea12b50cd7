//! Publications: the settings of a bulletin, kept as JSON.

use jianbao::domain::Publication;
use jianbao::store::StoreError;

use super::{TestDatabase, contract_tests};

contract_tests![
    settings_round_trip,
    an_empty_database_has_no_default_publication,
    the_default_publication_is_the_first_one_created,
    corrupt_settings_are_an_error_naming_the_row,
    updating_a_missing_publication_is_not_found,
];

fn settings_round_trip(db: &dyn TestDatabase) {
    let mut store = db.open();
    let id = store.create_publication(&Publication::lianluo_dongtai()).expect("create");
    let mut publication = Publication::lianluo_dongtai();
    publication.footer.print_run = Some(300);
    publication.footer.recipients.push("省档案馆".into());
    store.update_publication(id, &publication).expect("update");
    drop(store);
    assert_eq!(db.open().publication(id).expect("read"), publication, "another connection reads the update");
}

fn an_empty_database_has_no_default_publication(db: &dyn TestDatabase) {
    let error = db.open().default_publication_id().expect_err("nothing created yet");
    assert!(matches!(error, StoreError::NoPublication), "got {error:?}");
    assert!(error.to_string().contains("init"), "the message says how to initialise: {error}");
}

fn the_default_publication_is_the_first_one_created(db: &dyn TestDatabase) {
    let mut store = db.open();
    let first = store.create_publication(&Publication::lianluo_dongtai()).expect("create");
    store.create_publication(&Publication::lianluo_dongtai()).expect("create another");
    assert_eq!(store.default_publication_id().expect("default"), first);
}

fn corrupt_settings_are_an_error_naming_the_row(db: &dyn TestDatabase) {
    let mut store = db.open();
    let id = store.create_publication(&Publication::lianluo_dongtai()).expect("create");
    db.execute(&format!("UPDATE publication SET settings = '{{\"name\":1}}' WHERE id = {id}"))
        .expect("corrupt");
    let error = store.publication(id).expect_err("a corrupt row is not read as defaults");
    assert!(
        matches!(error, StoreError::CorruptRow { table: "publication", id: row, .. } if row == id),
        "got {error:?}"
    );
}

fn updating_a_missing_publication_is_not_found(db: &dyn TestDatabase) {
    let mut store = db.open();
    let error = store.update_publication(42, &Publication::lianluo_dongtai()).expect_err("no row 42");
    assert!(matches!(error, StoreError::NotFound { id: 42, .. }), "got {error:?}");
}
