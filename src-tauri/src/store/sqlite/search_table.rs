//! The search index: each live article's texts (`archive::indexed_texts`) in `article_text`,
//! an FTS5 trigram index over them, and the units of its attribution line in `article_unit`.
//!
//! The rows are written by the store in the transaction of every article insert and save,
//! and removed with the article (`index_article`, `unindex_article`); triggers keep the FTS5
//! index in step with `article_text`. The trigram tokenizer finds any substring of three or
//! more characters; a shorter query (人大) cannot use it and scans `article_text` with
//! `instr` instead — measured on 500 issues in `benches/search.rs`. Both ways the final test
//! is the same `instr` on ASCII-lowered text, so they answer alike (FTS5 folds more than ASCII).

use rusqlite::{Connection, Row, Transaction, params};

use super::SqliteStore;
use crate::archive::{Contribution, indexed_texts};
use crate::domain::Article;
use crate::store::{
    ArticleSearch, Id, PageCount, SearchRow, SearchRows, StoreError, YearCount, stored_kind, stored_part,
};

pub(super) const CREATE: &str = "
CREATE TABLE article_text (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES article (id),
    part_order INTEGER NOT NULL,
    part       TEXT NOT NULL,
    block      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    han_count  INTEGER NOT NULL,
    UNIQUE (article_id, part_order)
) STRICT;

CREATE VIRTUAL TABLE article_text_index USING fts5 (
    text, content = 'article_text', content_rowid = 'id', tokenize = 'trigram'
);

CREATE TRIGGER article_text_indexed AFTER INSERT ON article_text BEGIN
    INSERT INTO article_text_index (rowid, text) VALUES (NEW.id, NEW.text);
END;

CREATE TRIGGER article_text_unindexed AFTER DELETE ON article_text BEGIN
    INSERT INTO article_text_index (article_text_index, rowid, text) VALUES ('delete', OLD.id, OLD.text);
END;

CREATE TABLE article_unit (
    article_id INTEGER NOT NULL REFERENCES article (id),
    position   INTEGER NOT NULL,
    unit       TEXT NOT NULL,
    PRIMARY KEY (article_id, position)
) STRICT;
CREATE INDEX article_unit_by_unit ON article_unit (unit);
";

/// The migration's own step: the index of the articles already stored, in its transaction.
pub(super) fn index_existing(tx: &Transaction) -> rusqlite_migration::HookResult {
    let rows: Vec<(Id, String)> = {
        let mut statement = tx.prepare("SELECT id, content FROM article WHERE deleted_at IS NULL")?;
        statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?.collect::<Result<_, _>>()?
    };
    for (id, content) in rows {
        let article: Article = serde_json::from_str(&content).map_err(|e| {
            rusqlite_migration::HookError::Hook(StoreError::corrupt("article", id, e).to_string())
        })?;
        index_article(tx, id, &article)?;
    }
    Ok(())
}

/// Replaces the index rows of article `id` with those of `article`; the caller owns the
/// transaction.
pub(super) fn index_article(conn: &Connection, id: Id, article: &Article) -> rusqlite::Result<()> {
    unindex_article(conn, id)?;
    let mut text = conn.prepare_cached(
        "INSERT INTO article_text (article_id, part_order, part, block, text, han_count)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (order, indexed) in indexed_texts(article).iter().enumerate() {
        text.execute(params![
            id,
            order as i64,
            indexed.part.key(),
            indexed.block,
            indexed.text,
            indexed.han_count
        ])?;
    }
    let mut unit =
        conn.prepare_cached("INSERT INTO article_unit (article_id, position, unit) VALUES (?1, ?2, ?3)")?;
    for (position, name) in article.contributors.iter().enumerate() {
        unit.execute(params![id, position as i64, name.trim()])?;
    }
    Ok(())
}

/// Takes article `id` out of the index (it was removed from its issue).
pub(super) fn unindex_article(conn: &Connection, id: Id) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM article_text WHERE article_id = ?1", [id])?;
    conn.execute("DELETE FROM article_unit WHERE article_id = ?1", [id])?;
    Ok(())
}

/// Texts holding `?5` (the ASCII-lowered query): through the trigram index when the query is
/// long enough (`?6`, the query as an FTS5 phrase; only this form has the parameter), else by
/// scanning. `{text}` is the text as compared: lowered only when the query has Latin letters
/// (lowering copies every text scanned).
const INDEXED_MATCH: &str = "t.id IN (SELECT rowid FROM article_text_index WHERE article_text_index MATCH ?6)
                             AND instr({text}, ?5) > 0";
const SCANNED_MATCH: &str = "instr({text}, ?5) > 0";

fn matching(search: &ArticleSearch) -> String {
    let form = if search.text.needs_scan() { SCANNED_MATCH } else { INDEXED_MATCH };
    form.replace("{text}", if search.text.has_latin_letters() { "lower(t.text)" } else { "t.text" })
}

fn search_sql(matching: &str) -> String {
    format!(
        "WITH matched AS (
             SELECT t.article_id, min(t.part_order) AS first_part, count(*) AS texts
             FROM article_text t WHERE {matching} GROUP BY t.article_id
         )
         SELECT i.id, i.kind, i.year, i.number, i.total_number, i.date, a.id,
                coalesce((SELECT tt.text FROM article_text tt WHERE tt.article_id = a.id AND tt.part = 'title'), ''),
                f.part, f.block, f.text, m.texts, count(*) OVER ()
         FROM matched m
         JOIN article a ON a.id = m.article_id AND a.deleted_at IS NULL
         JOIN issue i ON i.id = a.issue_id AND i.deleted_at IS NULL
         JOIN article_text f ON f.article_id = m.article_id AND f.part_order = m.first_part
         WHERE i.publication_id = ?1 AND (?2 IS NULL OR i.year = ?2)
           AND (?3 IS NULL OR EXISTS (SELECT 1 FROM article_unit u
                                      WHERE u.article_id = a.id AND u.unit IN (SELECT value FROM json_each(?3))))
         ORDER BY i.date DESC, i.total_number DESC, a.position, a.id
         LIMIT ?4"
    )
}

impl crate::store::ArchiveStore for SqliteStore {
    fn search_articles(&self, search: &ArticleSearch) -> Result<SearchRows, StoreError> {
        let scan = search.text.needs_scan();
        let sql = search_sql(&matching(search));
        let units = search.units.map(|units| serde_json::to_string(units).expect("strings serialize"));
        let (folded, phrase) = (search.text.folded(), search.text.fts_phrase());
        let mut values: Vec<&dyn rusqlite::ToSql> =
            vec![&search.publication_id, &search.year, &units, &search.limit, &folded];
        if !scan {
            values.push(&phrase);
        }
        let mut statement = self.conn.prepare_cached(&sql)?;
        let mut total = 0;
        let mut hits = Vec::new();
        let mut rows = statement.query(values.as_slice())?;
        while let Some(row) = rows.next()? {
            total = row.get(12)?;
            hits.push(search_row(row)?);
        }
        Ok(SearchRows { total, hits })
    }

    fn contributions(&self, publication_id: Id) -> Result<Vec<Contribution>, StoreError> {
        let mut statement = self.conn.prepare(
            "SELECT u.article_id, i.date, u.unit FROM article_unit u
             JOIN article a ON a.id = u.article_id AND a.deleted_at IS NULL
             JOIN issue i ON i.id = a.issue_id AND i.deleted_at IS NULL
             WHERE i.publication_id = ?1 ORDER BY i.date, a.position, u.position",
        )?;
        let rows = statement.query_map([publication_id], |row| {
            Ok((row.get::<_, Id>(0)?, row.get::<_, String>(1)?, row.get::<_, String>(2)?))
        })?;
        rows.map(|row| {
            let (article_id, date, unit) = row?;
            Ok(Contribution { article_id, date: parse_date("article", article_id, &date)?, unit })
        })
        .collect()
    }

    fn contributing_units(&self, publication_id: Id) -> Result<Vec<String>, StoreError> {
        let mut statement = self.conn.prepare(
            "SELECT DISTINCT u.unit FROM article_unit u
             JOIN article a ON a.id = u.article_id AND a.deleted_at IS NULL
             JOIN issue i ON i.id = a.issue_id AND i.deleted_at IS NULL
             WHERE i.publication_id = ?1 ORDER BY u.unit",
        )?;
        let units = statement.query_map([publication_id], |row| row.get(0))?.collect::<Result<_, _>>()?;
        Ok(units)
    }

    fn year_counts(&self, publication_id: Id) -> Result<Vec<YearCount>, StoreError> {
        let mut statement = self.conn.prepare(
            "SELECT i.year, count(*),
                    coalesce(sum((SELECT sum(t.han_count) FROM article a JOIN article_text t ON t.article_id = a.id
                                  WHERE a.issue_id = i.id AND a.deleted_at IS NULL AND t.part <> 'attribution')), 0)
             FROM issue i WHERE i.publication_id = ?1 AND i.deleted_at IS NULL
             GROUP BY i.year ORDER BY i.year",
        )?;
        let rows = statement.query_map([publication_id], |row| {
            Ok(YearCount { year: row.get(0)?, issues: row.get(1)?, characters: row.get(2)? })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn unit_aliases(&self, publication_id: Id) -> Result<Vec<crate::archive::UnitAlias>, StoreError> {
        super::unit_alias_table::unit_aliases(&self.conn, publication_id)
    }

    fn save_unit_aliases(
        &mut self,
        publication_id: Id,
        aliases: &[crate::archive::UnitAlias],
    ) -> Result<(), StoreError> {
        let now = self.now();
        let tx = self.conn.transaction()?;
        super::unit_alias_table::replace_unit_aliases(&tx, publication_id, aliases, &now)?;
        tx.commit()?;
        Ok(())
    }

    fn page_counts(&self, publication_id: Id) -> Result<Vec<PageCount>, StoreError> {
        super::page_count_table::page_counts(&self.conn, publication_id)
    }

    /// One statement: its own transaction.
    fn save_page_count(&mut self, count: &PageCount) -> Result<(), StoreError> {
        super::page_count_table::save_page_count(&self.conn, count)
    }
}

fn search_row(row: &Row) -> Result<SearchRow, StoreError> {
    let issue_id: Id = row.get(0)?;
    let article_id: Id = row.get(6)?;
    let kind: String = row.get(1)?;
    let date: String = row.get(5)?;
    let part: String = row.get(8)?;
    Ok(SearchRow {
        issue_id,
        kind: stored_kind(issue_id, &kind)?,
        year: row.get(2)?,
        number: row.get(3)?,
        total_number: row.get(4)?,
        date: parse_date("issue", issue_id, &date)?,
        article_id,
        title: row.get(7)?,
        part: stored_part(article_id, &part)?,
        block: row.get(9)?,
        text: row.get(10)?,
        matching_texts: row.get(11)?,
    })
}

/// The issue's date as stored; `table` and `id` name the row it was read for.
fn parse_date(table: &'static str, id: Id, date: &str) -> Result<chrono::NaiveDate, StoreError> {
    chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .map_err(|e| StoreError::corrupt(table, id, format!("日期 {date}：{e}")))
}
