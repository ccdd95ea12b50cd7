//! The same writes leave the same text in both stores: JSON documents are kept as written
//! (`json`, not `jsonb`, which reorders keys), and round snapshots are composed identically.

use jianbao::domain::IssueStatus::*;
use jianbao::domain::{Article, Block, Inline, Publication};
use jianbao::store::Store;
use rusqlite::Connection;

use super::postgres_tests;
use crate::PostgresDatabase;
use crate::store_contract::{TestDatabase, transition};

postgres_tests![documents_and_snapshots_hold_the_bytes_sqlite_holds];

/// Writes one issue's worth of documents; answers the ids of the article and its newest revision.
fn write_documents(store: &mut dyn Store) -> (i64, i64) {
    let publication = store.create_publication(&Publication::lianluo_dongtai()).expect("publication");
    let issue =
        store.create_issue(publication, &crate::common::issue(13, 741, vec![]), "汤建").expect("issue");
    let article = Article {
        title: vec!["“十五五”\\规划".into()],
        subtitle: Some("——\"引号\"与\n换行 🙂".into()),
        editor_note: vec![Inline::plain("编者按\t")],
        body: vec![Block::heading(2, "（一）"), Block::paragraph("1.5亿元，同比增长3.2%。")],
        ..Article::empty()
    };
    let id = store.add_article(issue, &article, "汤建").expect("add");
    store
        .save_article(
            id,
            &Article { byline: Some("李 明".into()), ..article },
            "李校对",
            &crate::store_contract::NO_GUARD,
        )
        .expect("save");
    store.record_transition(issue, &transition(Draft, FirstProof)).expect("一校");
    (id, store.revisions(id).expect("revisions")[0].id)
}

fn sqlite_text(conn: &Connection, table: &str, column: &str, id: i64) -> String {
    conn.query_row(&format!("SELECT {column} FROM {table} WHERE id = ?1"), [id], |row| row.get(0))
        .expect("row")
}

fn documents_and_snapshots_hold_the_bytes_sqlite_holds(db: &PostgresDatabase) {
    let sqlite = crate::common::TempDb::new();
    let (sqlite_article, sqlite_revision) = write_documents(&mut sqlite.open());
    let (article, revision) = write_documents(&mut *db.open());
    let conn = Connection::open(&sqlite.path).expect("open the SQLite file");
    let pairs = [
        ("publication", "settings", 1, 1),
        ("article", "content", sqlite_article, article),
        ("article_revision", "content", sqlite_revision, revision),
        ("round_snapshot", "articles", 1, 1),
    ];
    for (table, column, in_sqlite, in_postgres) in pairs {
        let expected = sqlite_text(&conn, table, column, in_sqlite);
        assert_eq!(db.stored_json(table, column, in_postgres), expected, "{table}.{column}");
    }
}
