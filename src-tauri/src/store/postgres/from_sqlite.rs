//! `jianbao-server migrate --from-sqlite`: a single-machine database moved into an empty office
//! database, every row of every table, in one transaction on the target, then checked.
//!
//! Rows are copied table by table with the columns SQLite has, each value sent as text and cast
//! by PostgreSQL to the column's type (times, dates, `json`, `bytea`), so no conversion is
//! written twice and a `json` document keeps its exact text. The tables' own triggers are off
//! while copying (a signed-off issue's articles must be copied although the lock refuses new
//! ones; no change events are made up); the copy keeps the row ids, and the identities continue
//! after them. The check then reads both databases through the `Store` trait, as the app does,
//! and compares counts and a digest of everything read.

use std::path::Path;

use postgres::{NoTls, Transaction};
use rusqlite::types::ValueRef;
use sha2::{Digest, Sha256};

use super::{PostgresStore, parse_config};
use crate::store::prelude::*;
use crate::store::{Id, SqliteStore, Store, StoreError, SystemClock};

/// Parents before children, as the foreign keys need them.
const TABLES: [&str; 19] = [
    "publication",
    "issue",
    "article",
    "article_revision",
    "status_change",
    "round_snapshot",
    "comment_thread",
    "comment_message",
    "ignored_finding",
    "word_list",
    "account",
    "account_session",
    "article_lease",
    "audit_entry",
    "change_event",
    // The search index as the SQLite store wrote it (its FTS5 index is SQLite's own).
    "article_text",
    "article_unit",
    "unit_alias",
    "issue_page_count",
];

/// What was moved and how it was checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoveReport {
    /// Rows per table, the same on both sides.
    pub rows: Vec<(&'static str, u64)>,
    pub issues: usize,
    pub revisions: usize,
    /// SHA-256 of everything the stores read back, the same on both sides.
    pub digest: String,
}

/// Moves the SQLite database at `sqlite` into the empty PostgreSQL database `params`.
pub fn move_sqlite_to_postgres(sqlite: &Path, params: &str) -> Result<MoveReport, StoreError> {
    if !sqlite.is_file() {
        return Err(StoreError::Invalid(format!("找不到要迁移的数据库文件“{}”", sqlite.display())));
    }
    // Brought to this build's schema, as the app would on opening it.
    let source_store = SqliteStore::open(sqlite, Box::new(SystemClock))?;
    let target_store = PostgresStore::connect(params, Box::new(SystemClock))?;
    let source = rusqlite::Connection::open_with_flags(sqlite, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let mut client = parse_config(params)?.connect(NoTls).map_err(super::error::unreachable)?;
    // One read snapshot of the file for the whole copy.
    let snapshot = source.unchecked_transaction()?;
    let mut tx = client.transaction()?;
    refuse_non_empty(&mut tx)?;
    let mut rows = vec![];
    for table in TABLES {
        tx.batch_execute(&format!("ALTER TABLE {table} DISABLE TRIGGER USER"))?;
        rows.push((table, copy_table(&snapshot, &mut tx, table)?));
        tx.batch_execute(&format!("ALTER TABLE {table} ENABLE TRIGGER USER"))?;
    }
    continue_identities(&mut tx)?;
    let latest_event = source_store.latest_event_seq()?;
    tx.execute("UPDATE change_event_counter SET last_seq = $1", &[&latest_event])?;
    tx.commit()?;
    drop(snapshot);
    verify(&source, &source_store, &mut client, &target_store, rows)
}

/// An office database that already holds issues or accounts is never overwritten or merged.
fn refuse_non_empty(tx: &mut Transaction) -> Result<(), StoreError> {
    let held: i64 = tx
        .query_one(
            "SELECT (SELECT count(*) FROM publication) + (SELECT count(*) FROM issue)
                  + (SELECT count(*) FROM account)",
            &[],
        )?
        .get(0);
    if held > 0 {
        return Err(StoreError::Invalid(
            "目标 PostgreSQL 数据库中已有数据：迁移只能导入到新建的空数据库，请新建一个数据库再试".into(),
        ));
    }
    Ok(())
}

fn copy_table(source: &rusqlite::Connection, tx: &mut Transaction, table: &str) -> Result<u64, StoreError> {
    let columns = sqlite_columns(source, table)?;
    let types = postgres_column_types(tx, table, &columns)?;
    let placeholders: Vec<String> =
        types.iter().enumerate().map(|(i, ty)| format!("${}::text::{ty}", i + 1)).collect();
    let insert = tx.prepare(&format!(
        "INSERT INTO {table} ({}) OVERRIDING SYSTEM VALUE VALUES ({})",
        columns.join(", "),
        placeholders.join(", ")
    ))?;
    let mut select = source.prepare(&format!("SELECT {} FROM {table} ORDER BY 1", columns.join(", ")))?;
    let mut found = select.query([])?;
    let mut copied = 0;
    while let Some(row) = found.next()? {
        let values =
            (0..columns.len()).map(|i| row.get_ref(i).map(as_text)).collect::<Result<Vec<_>, _>>()?;
        let params: Vec<&(dyn postgres::types::ToSql + Sync)> =
            values.iter().map(|v| v as &(dyn postgres::types::ToSql + Sync)).collect();
        tx.execute(&insert, &params)?;
        copied += 1;
    }
    Ok(copied)
}

fn sqlite_columns(source: &rusqlite::Connection, table: &str) -> Result<Vec<String>, StoreError> {
    let mut statement = source.prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid")?;
    let names = statement.query_map([table], |row| row.get(0))?.collect::<Result<Vec<String>, _>>()?;
    Ok(names)
}

/// The PostgreSQL type of each column; a column the office schema lacks would lose data.
fn postgres_column_types(
    tx: &mut Transaction,
    table: &str,
    columns: &[String],
) -> Result<Vec<String>, StoreError> {
    columns
        .iter()
        .map(|column| {
            let row = tx.query_opt(
                "SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a
                 WHERE a.attrelid = to_regclass($1) AND a.attname = $2 AND NOT a.attisdropped",
                &[&table, column],
            )?;
            row.map(|row| row.get(0)).ok_or_else(|| {
                StoreError::Migration(format!(
                    "办公室数据库的表 {table} 没有列 {column}，无法迁移；请先升级 jianbao-server"
                ))
            })
        })
        .collect()
}

/// A value as PostgreSQL reads it from text.
fn as_text(value: ValueRef) -> Option<String> {
    match value {
        ValueRef::Null => None,
        ValueRef::Integer(i) => Some(i.to_string()),
        // Rust prints the shortest text that reads back as the same double.
        ValueRef::Real(r) => Some(r.to_string()),
        ValueRef::Text(t) => Some(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => {
            Some(format!("\\x{}", b.iter().map(|byte| format!("{byte:02x}")).collect::<String>()))
        }
    }
}

/// New rows are numbered after the copied ones.
fn continue_identities(tx: &mut Transaction) -> Result<(), StoreError> {
    let identities = tx.query(
        "SELECT c.relname::text, a.attname::text FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
         WHERE c.relnamespace = current_schema()::regnamespace AND a.attidentity <> ''",
        &[],
    )?;
    for row in identities {
        let (table, column): (String, String) = (row.get(0), row.get(1));
        tx.execute(
            &format!(
                "SELECT setval(pg_get_serial_sequence($1, $2), coalesce(max({column}), 0) + 1, false) FROM {table}"
            ),
            &[&table, &column],
        )?;
    }
    Ok(())
}

fn verify(
    source: &rusqlite::Connection,
    source_store: &SqliteStore,
    client: &mut postgres::Client,
    target_store: &PostgresStore,
    rows: Vec<(&'static str, u64)>,
) -> Result<MoveReport, StoreError> {
    for (table, copied) in &rows {
        let in_source: i64 = source.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
        let in_target: i64 = client.query_one(&format!("SELECT count(*) FROM {table}"), &[])?.get(0);
        if in_source as u64 != *copied || in_target as u64 != *copied {
            return Err(mismatch(format!(
                "表 {table}：原有 {in_source} 行，复制 {copied} 行，新库 {in_target} 行"
            )));
        }
    }
    let before = StoreDigest::of(source_store)?;
    let after = StoreDigest::of(target_store)?;
    if before != after {
        return Err(mismatch(format!("内容校验值不同（原库 {}，新库 {}）", before.digest, after.digest)));
    }
    Ok(MoveReport { rows, issues: before.issues, revisions: before.revisions, digest: before.digest })
}

fn mismatch(detail: String) -> StoreError {
    StoreError::Migration(format!("迁移后核对不一致：{detail}。新数据库已写入，请删除它后重试，并报告此问题"))
}

/// Everything the app reads of a database, digested.
#[derive(Debug, PartialEq, Eq)]
struct StoreDigest {
    issues: usize,
    revisions: usize,
    digest: String,
}

impl StoreDigest {
    /// `Debug` text of the typed records: equal records give equal text, whichever store.
    fn of(store: &dyn Store) -> Result<StoreDigest, StoreError> {
        let mut hasher = Sha256::new();
        let mut feed = |value: &dyn std::fmt::Debug| hasher.update(format!("{value:?}\n").as_bytes());
        let publication = store.default_publication_id()?;
        feed(&store.publication(publication)?);
        feed(&store.word_list_text(publication)?);
        feed(&store.accounts()?);
        let mut issue_ids: Vec<Id> = store.list_issues(publication)?.iter().map(|i| i.id).collect();
        issue_ids.extend(store.list_trashed_issues(publication)?.iter().map(|i| i.id));
        let mut revisions = 0;
        for &issue in &issue_ids {
            feed(&store.issue(issue)?);
            feed(&store.status_history(issue)?);
            feed(&store.comment_threads_of_issue(issue)?);
            feed(&store.ignored_findings(issue)?);
            for article in store.articles_of(issue)? {
                for summary in store.revisions(article.id)? {
                    feed(&store.revision(summary.id)?);
                    revisions += 1;
                }
                feed(&article);
            }
        }
        feed(&store.audit_entries(u32::MAX)?);
        feed(&store.events_since(0, u32::MAX)?);
        Ok(StoreDigest { issues: issue_ids.len(), revisions, digest: format!("{:x}", hasher.finalize()) })
    }
}
