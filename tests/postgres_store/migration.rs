//! The schema gate: versions in `schema_version`, all-or-nothing upgrades, a newer schema
//! and another program's database refused untouched.

use jianbao::store::StoreError;
use jianbao::store::postgres::{LATEST_VERSION, apply_migrations, migrations};
use jianbao::store::prelude::*;
use postgres::Client;

use super::postgres_tests;
use crate::PostgresDatabase;

postgres_tests![
    a_new_database_gets_every_table_and_the_latest_version,
    a_failing_migration_leaves_no_trace,
    a_failing_upgrade_keeps_the_data_of_the_old_version,
    an_older_schema_is_brought_up_to_date_with_its_data,
    a_database_from_a_newer_version_is_refused_untouched,
    a_database_of_another_program_is_refused_untouched,
    two_servers_starting_at_once_migrate_one_after_the_other,
    the_search_index_upgrade_indexes_the_articles_already_stored,
    a_corrupt_article_stops_the_index_upgrade_and_leaves_the_old_version,
];

fn table_names(client: &mut Client) -> Vec<String> {
    let rows = client
        .query("SELECT tablename::text FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename", &[])
        .expect("list tables");
    rows.iter().map(|row| row.get(0)).collect()
}

fn version(client: &mut Client) -> i32 {
    client.query_one("SELECT version FROM schema_version", &[]).expect("a version row").get(0)
}

fn a_new_database_gets_every_table_and_the_latest_version(db: &PostgresDatabase) {
    drop(db.connect().expect("open"));
    let mut client = db.client();
    assert_eq!(version(&mut client), LATEST_VERSION as i32);
    assert_eq!(migrations().len() as u32, LATEST_VERSION);
    assert_eq!(
        table_names(&mut client),
        [
            "account",
            "account_session",
            "article",
            "article_lease",
            "article_revision",
            "article_text",
            "article_unit",
            "audit_entry",
            "change_event",
            "change_event_counter",
            "comment_message",
            "comment_thread",
            "ignored_finding",
            "issue",
            "issue_page_count",
            "publication",
            "round_snapshot",
            "schema_version",
            "status_change",
            "store_identity",
            "unit_alias",
            "word_list"
        ]
    );
    drop(db.connect().expect("reopening an up-to-date database changes nothing"));
    assert_eq!(version(&mut client), LATEST_VERSION as i32);
}

fn a_failing_migration_leaves_no_trace(db: &PostgresDatabase) {
    let mut client = db.client();
    let mut steps = migrations();
    steps.push("CREATE TABLE half_done (id integer); INSERT INTO no_such_table VALUES (1);".into());
    let result = apply_migrations(&mut client, &steps);
    assert!(
        matches!(&result, Err(StoreError::Migration(message)) if message.contains(&format!("第 {} 步", LATEST_VERSION + 1)) && message.contains("no_such_table")),
        "{result:?}"
    );
    assert!(table_names(&mut client).is_empty(), "not even the good steps or the version table are kept");
}

fn a_failing_upgrade_keeps_the_data_of_the_old_version(db: &PostgresDatabase) {
    let mut store = db.connect().expect("open");
    let publication =
        store.create_publication(&jianbao::domain::Publication::lianluo_dongtai()).expect("publication");
    store.create_issue(publication, &crate::common::issue(13, 741, vec![]), "汤建").expect("issue");
    drop(store);
    let mut client = db.client();
    let mut steps = migrations();
    steps.push("ALTER TABLE issue ADD COLUMN x text; SELECT no_such_function();".into());
    assert!(apply_migrations(&mut client, &steps).is_err());
    assert_eq!(version(&mut client), LATEST_VERSION as i32, "the version is not advanced");
    let columns: i64 = client
        .query_one("SELECT count(*) FROM information_schema.columns WHERE table_name = 'issue' AND column_name = 'x'", &[])
        .expect("count")
        .get(0);
    assert_eq!(columns, 0, "the half-done step is gone");
    assert_eq!(
        db.connect().expect("open").list_issues(publication).expect("list").len(),
        1,
        "the issue survives"
    );
}

fn an_older_schema_is_brought_up_to_date_with_its_data(db: &PostgresDatabase) {
    let mut client = db.client();
    apply_migrations(&mut client, &migrations()[..4]).expect("the schema of an older version");
    client
        .batch_execute(
            "INSERT INTO publication (id, settings, created_at, updated_at) VALUES (1, '{}', now(), now());
             INSERT INTO issue (id, publication_id, kind, year, number, total_number, date, status, created_at, updated_at)
             VALUES (7, 1, 'regular', 2025, 13, 741, '2025-09-02', 'thirdProof', now(), now());",
        )
        .expect("data of the older version");
    let mut store = db.connect().expect("upgrades");
    assert_eq!(version(&mut client), LATEST_VERSION as i32);
    assert!(store.status_history(7).expect("history").is_empty(), "no change is invented");
    store.add_article(7, &crate::common::article("新稿", "正文。"), "汤建").expect("still editable");
}

fn a_database_from_a_newer_version_is_refused_untouched(db: &PostgresDatabase) {
    drop(db.connect().expect("open"));
    let mut client = db.client();
    client
        .execute("UPDATE schema_version SET version = $1", &[&(LATEST_VERSION as i32 + 1)])
        .expect("pretend newer");
    let tables = table_names(&mut client);
    let error = db.connect().expect_err("a newer schema must not be opened");
    assert!(
        matches!(error, StoreError::TooNew { found, supported } if found == LATEST_VERSION + 1 && supported == LATEST_VERSION),
        "got {error:?}"
    );
    assert!(error.to_string().contains("请升级简报台"), "the message tells the user what to do: {error}");
    assert_eq!(version(&mut client), LATEST_VERSION as i32 + 1, "the version is untouched");
    assert_eq!(table_names(&mut client), tables, "and so are the tables");
}

fn a_database_of_another_program_is_refused_untouched(db: &PostgresDatabase) {
    let mut client = db.client();
    client.batch_execute("CREATE TABLE invoices (id integer)").expect("another program's table");
    let error = db.connect().expect_err("not a Jianbao database");
    assert!(error.to_string().contains("不属于简报台"), "{error}");
    assert_eq!(table_names(&mut client), ["invoices"], "nothing was added");
}

fn two_servers_starting_at_once_migrate_one_after_the_other(db: &PostgresDatabase) {
    let barrier = std::sync::Barrier::new(2);
    std::thread::scope(|scope| {
        let starts = [(); 2].map(|_| {
            scope.spawn(|| {
                barrier.wait();
                db.connect().map(drop)
            })
        });
        for start in starts {
            start.join().expect("no panic").expect("both start on the same schema");
        }
    });
    assert_eq!(version(&mut db.client()), LATEST_VERSION as i32);
}

/// The schema of the version before the search index, holding one issue (id 7).
fn database_before_the_search_index(db: &PostgresDatabase) -> Client {
    let mut client = db.client();
    apply_migrations(&mut client, &migrations()[..14]).expect("the version before the search index");
    client
        .batch_execute(
            "INSERT INTO publication (id, settings, created_at, updated_at) VALUES (1, '{}', now(), now());
             INSERT INTO issue (id, publication_id, kind, year, number, total_number, date, status, created_at, updated_at)
             VALUES (7, 1, 'regular', 2019, 4, 600, '2019-03-05', 'draft', now(), now());",
        )
        .expect("data of the older version");
    client
}

fn insert_old_article(client: &mut Client, content: &str) {
    client
        .execute(
            "INSERT INTO article (id, issue_id, position, content, updated_at) VALUES (1, 7, 0, $1::text::json, now())",
            &[&content],
        )
        .expect("an article of the older version");
}

fn the_search_index_upgrade_indexes_the_articles_already_stored(db: &PostgresDatabase) {
    let mut client = database_before_the_search_index(db);
    let article = crate::common::article("溆浦县开展代表小组活动", "代表们围绕乡村道路养护提出建议。");
    insert_old_article(&mut client, &serde_json::to_string(&article).expect("json"));
    let store = db.connect().expect("upgrades");
    let text = jianbao::archive::SearchText::parse("道路养护").expect("query");
    let search =
        jianbao::store::ArticleSearch { publication_id: 1, text: &text, year: None, units: None, limit: 10 };
    let found = store.search_articles(&search).expect("search");
    assert_eq!(
        (found.total, found.hits[0].article_id),
        (1, 1),
        "the stored article is found after the upgrade"
    );
    assert_eq!(store.contributing_units(1).expect("units"), ["娄底市人大常委会"]);
}

fn a_corrupt_article_stops_the_index_upgrade_and_leaves_the_old_version(db: &PostgresDatabase) {
    let mut client = database_before_the_search_index(db);
    insert_old_article(&mut client, r#"{"title": 5}"#);
    let error = db.connect().expect_err("an article that cannot be read cannot be indexed");
    assert!(
        matches!(&error, StoreError::Migration(message) if message.contains("article 表第 1 行")),
        "the message names the row: {error}"
    );
    assert_eq!(version(&mut client), 14, "the version is not advanced");
    assert!(!table_names(&mut client).contains(&"article_text".to_owned()), "nothing of the step is kept");
}
