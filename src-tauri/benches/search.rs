//! `make bench`: search across a generated archive of 500 issues (`tests/archive_corpus`),
//! about 2.5 million characters, as the user waits for it (`service::search_articles`: the
//! query, the store, the snippets), on SQLite and — built with the `postgres` feature — on
//! PostgreSQL in a throwaway cluster. The goal is under 50 ms a query. Prints the size of the
//! index beside the size of the articles it indexes.

#[path = "../../tests/archive_corpus/mod.rs"]
mod archive_corpus;
#[cfg(feature = "postgres")]
#[path = "../../tests/postgres_cluster/mod.rs"]
mod postgres_cluster;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use jianbao::service::{SearchRequest, search_articles};
use jianbao::store::{FixedClock, SqliteStore, Store};

/// (label, query, year, unit): the worst case (a word every article holds, scanned), a rare
/// short word, one character, common and rare words through the trigram index, and filters.
const QUERIES: [(&str, &str, Option<i32>, Option<&str>); 7] = [
    ("2 chars in every article (人大)", "人大", None, None),
    ("2 chars, rare (骊珠)", "骊珠", None, None),
    ("1 char, rare (甑)", "甑", None, None),
    ("5 chars, common (代表联络站)", "代表联络站", None, None),
    ("7 chars, rare (青山湖湿地保护)", "青山湖湿地保护", None, None),
    ("人大 in 2020", "人大", Some(2020), None),
    ("代表 of 会同县", "代表", None, Some("会同县")),
];

fn clock() -> Box<FixedClock> {
    Box::new(FixedClock(chrono::DateTime::UNIX_EPOCH))
}

fn bench_queries(c: &mut Criterion, store_name: &str, store: &dyn Store) {
    let mut group = c.benchmark_group(format!("search 500 issues ({store_name})"));
    group.sample_size(30).measurement_time(Duration::from_secs(3));
    for (label, text, year, unit) in QUERIES {
        let request = SearchRequest { text: text.into(), year, unit: unit.map(str::to_owned), limit: None };
        let found = search_articles(store, &request).expect("search");
        println!("{store_name} “{text}”{year:?}{unit:?}: {} articles", found.total);
        group.bench_function(label, |b| {
            b.iter(|| search_articles(store, black_box(&request)).expect("search"));
        });
    }
    group.finish();
}

fn sqlite(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("archive.sqlite3");
    let mut store = SqliteStore::open(&path, clock()).expect("open");
    archive_corpus::fill(&mut store);
    let conn = rusqlite::Connection::open(&path).expect("open beside the store");
    let size = |filter: &str| -> i64 {
        conn.query_row(&format!("SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE {filter}"), [], |row| {
            row.get(0)
        })
        .expect("dbstat")
    };
    let index = size(
        "name LIKE 'article_text%' OR name LIKE 'article_unit%' OR name LIKE 'sqlite_autoindex_article_text%' OR name LIKE 'sqlite_autoindex_article_unit%'",
    );
    let fts = size("name LIKE 'article_text_index%'");
    let articles = size("name = 'article'");
    println!(
        "SQLite: index {:.1} MB (of which FTS5 trigram {:.1} MB), articles {:.1} MB, whole file {:.1} MB",
        mb(index),
        mb(fts),
        mb(articles),
        mb(size("1"))
    );
    bench_queries(c, "SQLite", &store);
}

#[cfg(feature = "postgres")]
fn postgres(c: &mut Criterion) {
    let cluster = postgres_cluster::Cluster::start();
    cluster.create_database("archive");
    let mut store =
        jianbao::store::PostgresStore::connect(&cluster.params("archive"), clock()).expect("connect");
    archive_corpus::fill(&mut store);
    let mut client = postgres::Client::connect(&cluster.params("archive"), postgres::NoTls).expect("connect");
    client.batch_execute("ANALYZE").expect("fresh statistics, as autovacuum would give");
    let size = |client: &mut postgres::Client, tables: &str| -> i64 {
        let sql =
            format!("SELECT sum(pg_total_relation_size(t::regclass))::bigint FROM unnest(ARRAY[{tables}]) t");
        client.query_one(&sql, &[]).expect("sizes").get(0)
    };
    let index = size(&mut client, "'article_text', 'article_unit'");
    let articles = size(&mut client, "'article'");
    println!("PostgreSQL: index {:.1} MB, articles {:.1} MB", mb(index), mb(articles));
    bench_queries(c, "PostgreSQL", &store);
    drop(store);
    cluster.stop();
}

#[cfg(not(feature = "postgres"))]
fn postgres(_: &mut Criterion) {
    println!("PostgreSQL: not measured (build with --features server)");
}

fn mb(bytes: i64) -> f64 {
    bytes as f64 / 1_048_576.0
}

criterion_group!(benches, sqlite, postgres);
criterion_main!(benches);
