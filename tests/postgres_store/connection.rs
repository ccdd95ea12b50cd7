//! Connections: both forms of connection string, and the errors a user sees when the server
//! is not there or the connection breaks off.

use jianbao::error::{AppError, ErrorCode};
use jianbao::store::pool::{StoreManager, StoreSource};
use jianbao::store::prelude::*;
use jianbao::store::{FixedClock, PostgresStore, StoreError};

use super::postgres_tests;
use crate::{PostgresDatabase, common};

postgres_tests![
    a_key_value_string_and_a_url_reach_the_same_database,
    an_unreadable_connection_string_is_refused_in_chinese,
    a_server_that_is_not_there_is_unreachable,
    a_broken_connection_is_reported_as_unreachable,
    a_database_not_in_utf8_is_refused,
    a_pool_replaces_a_store_whose_connection_broke,
];

fn connect(params: &str) -> Result<PostgresStore, StoreError> {
    PostgresStore::connect(params, Box::new(FixedClock(common::instant())))
}

fn a_key_value_string_and_a_url_reach_the_same_database(db: &PostgresDatabase) {
    let mut store = connect(&db.params()).expect("key=value");
    let publication =
        store.create_publication(&jianbao::domain::Publication::lianluo_dongtai()).expect("create");
    let cluster = db.cluster();
    let url = format!(
        "postgresql://{}@/{}?host={}&port={}",
        crate::postgres_cluster::SUPERUSER,
        db.name,
        cluster.socket_dir().display(),
        cluster.port()
    );
    let other = connect(&url).expect("URL");
    assert_eq!(other.default_publication_id().expect("read"), publication);
}

fn an_unreadable_connection_string_is_refused_in_chinese(_: &PostgresDatabase) {
    let error = connect("host=localhost port=五四三二").expect_err("not a port");
    assert!(matches!(error, StoreError::Invalid(_)), "got {error:?}");
    assert!(error.to_string().contains("数据库连接串无法识别"), "{error}");
}

fn a_server_that_is_not_there_is_unreachable(db: &PostgresDatabase) {
    let missing = db.cluster().socket_dir().join("no-server-here");
    let error = connect(&format!("host={} dbname=jianbao connect_timeout=2", missing.display()))
        .expect_err("nothing listens there");
    assert!(matches!(error, StoreError::Unreachable { .. }), "got {error:?}");
    let shown = AppError::from(error);
    assert_eq!(shown.code, ErrorCode::Unavailable, "the UI can offer to retry");
    assert!(
        shown.message.contains("无法连接数据库服务器") && shown.message.contains("稍后重试"),
        "{}",
        shown.message
    );
}

fn a_broken_connection_is_reported_as_unreachable(db: &PostgresDatabase) {
    let mut store = db.connect().expect("open");
    let publication =
        store.create_publication(&jianbao::domain::Publication::lianluo_dongtai()).expect("create");
    // With a timeout the call waits until the backend is gone, so the next call finds it broken.
    let ended: i64 = db
        .client()
        .query_one(
            "SELECT count(pg_terminate_backend(pid, 10000)) FROM pg_stat_activity
             WHERE datname = current_database() AND pid <> pg_backend_pid()",
            &[],
        )
        .expect("end the store's connection")
        .get(0);
    assert_eq!(ended, 1);
    let error = store.list_issues(publication).expect_err("the connection is gone");
    assert!(matches!(error, StoreError::Unreachable { .. }), "got {error:?}");
    assert!(store.is_closed(), "a pool can tell the store must be replaced");
    let again = store.save_word_list_text(publication, "x").expect_err("still gone");
    assert!(matches!(again, StoreError::Unreachable { .. }), "got {again:?}");
}

fn a_database_not_in_utf8_is_refused(db: &PostgresDatabase) {
    let name = format!("{}_latin", db.name);
    let mut admin = db.client();
    admin
        .batch_execute(&format!(
            "CREATE DATABASE {name} ENCODING 'SQL_ASCII' TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE 'C'"
        ))
        .expect("a database in another encoding");
    let params = db.cluster().params(&name);
    let error = connect(&params).expect_err("Chinese text needs UTF8");
    assert!(error.to_string().contains("需要 UTF8"), "{error}");
    admin.batch_execute(&format!("DROP DATABASE {name} WITH (FORCE)")).expect("drop it");
}

fn a_pool_replaces_a_store_whose_connection_broke(db: &PostgresDatabase) {
    let source = StoreSource::Postgres(db.params());
    let pool = r2d2::Pool::builder().max_size(1).build(StoreManager(source)).expect("pool");
    let publication = {
        let mut store = pool.get().expect("a store");
        store.create_publication(&jianbao::domain::Publication::lianluo_dongtai()).expect("create")
    };
    // Waits until the backend is gone (see above).
    db.client()
        .batch_execute(
            "SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity
             WHERE datname = current_database() AND pid <> pg_backend_pid()",
        )
        .expect("end the pooled connection");
    let replaced = pool.get().expect("the pool checks the store it hands out");
    assert_eq!(replaced.default_publication_id().expect("a fresh connection"), publication);
}
