use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, params};

use super::SqliteStore;
use crate::domain::{Inline, Issue, IssueImprint, IssueKind, IssueStatus};
use crate::numbering::{self, IssueNumbers};
use crate::store::masthead::{validate_masthead, validate_numbers};
use crate::store::prelude::*;
use crate::store::{Id, IssueRecord, IssueStore, IssueSummary, StoreError};

/// An issue's own 编者按 (before the first article) and, for a back issue, the editing unit
/// and footer it printed (`IssueImprint`).
pub(super) const CREATE_PRINT_EXTRAS: &str = "
ALTER TABLE issue ADD COLUMN editor_note TEXT CHECK (editor_note IS NULL OR json_valid(editor_note));
ALTER TABLE issue ADD COLUMN imprint TEXT CHECK (imprint IS NULL OR json_valid(imprint));
";

pub(super) const CREATE: &str = "
CREATE TABLE issue (
    id             INTEGER PRIMARY KEY,
    publication_id INTEGER NOT NULL REFERENCES publication (id),
    kind           TEXT NOT NULL CHECK (kind IN ('regular', 'supplement')),
    year           INTEGER NOT NULL,
    number         INTEGER NOT NULL CHECK (number > 0),
    total_number   INTEGER NOT NULL CHECK (total_number > 0),
    date           TEXT NOT NULL,
    status         TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted_at     TEXT
) STRICT;
CREATE INDEX issue_by_publication ON issue (publication_id, year, kind, number);
";

/// The columns of `issue` without the articles.
struct IssueRow {
    publication_id: Id,
    kind: String,
    year: i32,
    number: u32,
    total_number: u32,
    date: String,
    status: String,
}

impl IssueRow {
    const COLUMNS: &str = "publication_id, kind, year, number, total_number, date, status";

    /// Reads the columns of `COLUMNS` starting at index `first`.
    fn read(row: &Row, first: usize) -> rusqlite::Result<Self> {
        Ok(IssueRow {
            publication_id: row.get(first)?,
            kind: row.get(first + 1)?,
            year: row.get(first + 2)?,
            number: row.get(first + 3)?,
            total_number: row.get(first + 4)?,
            date: row.get(first + 5)?,
            status: row.get(first + 6)?,
        })
    }

    /// Decodes the text columns, naming the row when one holds something this build never writes.
    fn decode(self, id: Id) -> Result<(Id, IssueNumbers, NaiveDate, IssueStatus), StoreError> {
        let kind = IssueKind::parse(&self.kind)
            .ok_or_else(|| StoreError::corrupt("issue", id, format!("未知的期刊类型 {}", self.kind)))?;
        let date = NaiveDate::parse_from_str(&self.date, "%Y-%m-%d")
            .map_err(|e| StoreError::corrupt("issue", id, format!("日期 {}：{e}", self.date)))?;
        let status = IssueStatus::parse(&self.status)
            .ok_or_else(|| StoreError::corrupt("issue", id, format!("未知的状态 {}", self.status)))?;
        let numbers =
            IssueNumbers { kind, year: self.year, number: self.number, total_number: self.total_number };
        Ok((self.publication_id, numbers, date, status))
    }
}

impl IssueStore for SqliteStore {
    /// Stores a new issue with its articles (each article's first revision by `author`).
    fn create_issue(&mut self, publication_id: Id, issue: &Issue, author: &str) -> Result<Id, StoreError> {
        validate_numbers(issue)?;
        let now = self.now();
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO issue (publication_id, kind, year, number, total_number, date, status,
                                created_at, updated_at, editor_note, imprint)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9, ?10)",
            params![
                publication_id,
                issue.kind.as_str(),
                issue.year,
                issue.number,
                issue.total_number,
                issue.date.format("%Y-%m-%d").to_string(),
                IssueStatus::Draft.as_str(),
                now,
                (!issue.editor_note.is_empty()).then(|| to_json(&issue.editor_note)),
                issue.imprint.as_ref().map(to_json),
            ],
        )
        .map_err(|e| foreign_key_to_not_found(e, publication_id))?;
        let issue_id = tx.last_insert_rowid();
        for (position, article) in issue.articles.iter().enumerate() {
            super::article_table::insert_article(&tx, issue_id, position as i64, article, author, &now)?;
        }
        // The status is set once the articles are in: a signed-off issue (loaded from a file)
        // is locked against inserting them too.
        tx.execute("UPDATE issue SET status = ?1 WHERE id = ?2", params![issue.status.as_str(), issue_id])?;
        tx.commit()?;
        Ok(issue_id)
    }

    /// The issue with its articles in print order. A trashed issue is still readable by id.
    fn issue(&self, id: Id) -> Result<IssueRecord, StoreError> {
        let sql = format!("SELECT {} FROM issue WHERE id = ?1", IssueRow::COLUMNS);
        let row = self.conn.query_row(&sql, [id], |row| IssueRow::read(row, 0)).optional()?;
        let row = row.ok_or(StoreError::NotFound { what: "期刊", id })?;
        let (publication_id, numbers, date, status) = row.decode(id)?;
        let (editor_note, imprint) = self.issue_print_extras(id)?;
        let articles = self.articles_of(id)?;
        let issue = Issue {
            kind: numbers.kind,
            year: numbers.year,
            number: numbers.number,
            total_number: numbers.total_number,
            date,
            status,
            editor_note,
            imprint,
            articles: articles.iter().map(|record| record.article.clone()).collect(),
        };
        let article_ids = articles.iter().map(|record| record.id).collect();
        Ok(IssueRecord { id, publication_id, issue, article_ids })
    }

    /// Issues not in the trash, newest first.
    fn list_issues(&self, publication_id: Id) -> Result<Vec<IssueSummary>, StoreError> {
        self.list_issues_where(publication_id, "i.deleted_at IS NULL")
    }

    /// Issues in the trash (回收站), newest first, for restoring.
    fn list_trashed_issues(&self, publication_id: Id) -> Result<Vec<IssueSummary>, StoreError> {
        self.list_issues_where(publication_id, "i.deleted_at IS NOT NULL")
    }

    /// The numbers of every issue of the publication not in the trash, for numbering.
    fn issue_numbers(&self, publication_id: Id) -> Result<Vec<IssueNumbers>, StoreError> {
        let sql = format!(
            "SELECT id, {} FROM issue WHERE publication_id = ?1 AND deleted_at IS NULL",
            IssueRow::COLUMNS
        );
        let mut statement = self.conn.prepare(&sql)?;
        let rows = statement.query_map([publication_id], |row| {
            let id: Id = row.get(0)?;
            Ok((id, IssueRow::read(row, 1)?))
        })?;
        rows.map(|row| {
            let (id, issue_row) = row?;
            Ok(issue_row.decode(id)?.1)
        })
        .collect()
    }

    /// Changes the masthead of an issue (kind, numbers, date; the year follows the date),
    /// keeping its articles and status.
    fn update_issue_masthead(
        &mut self,
        id: Id,
        numbers: &IssueNumbers,
        date: NaiveDate,
    ) -> Result<(), StoreError> {
        validate_masthead(numbers, date)?;
        let now = self.now();
        let tx = self.conn.transaction()?;
        let changed = tx.execute(
            // A date the editor changes by hand is fixed: the sign-off no longer moves it.
            "UPDATE issue SET kind = ?1, year = ?2, number = ?3, total_number = ?4, date = ?5, updated_at = ?6,
                              date_fixed = date_fixed OR date <> ?5
             WHERE id = ?7 AND deleted_at IS NULL",
            params![
                numbers.kind.as_str(),
                numbers.year,
                numbers.number,
                numbers.total_number,
                date.format("%Y-%m-%d").to_string(),
                now,
                id
            ],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound { what: "期刊", id });
        }
        tx.commit()?;
        Ok(())
    }

    /// Whether the editor set the masthead date by hand (otherwise the sign-off date becomes it).
    fn issue_date_fixed(&self, id: Id) -> Result<bool, StoreError> {
        let fixed = self
            .conn
            .query_row("SELECT date_fixed FROM issue WHERE id = ?1", [id], |row| row.get(0))
            .optional()?;
        fixed.ok_or(StoreError::NotFound { what: "期刊", id })
    }

    /// Moves an issue to the trash; it keeps its articles and revisions and can be restored.
    fn trash_issue(&mut self, id: Id) -> Result<(), StoreError> {
        let now = self.now();
        let tx = self.conn.transaction()?;
        let changed = tx.execute(
            "UPDATE issue SET deleted_at = ?1, updated_at = ?1 WHERE id = ?2 AND deleted_at IS NULL",
            params![now, id],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound { what: "期刊", id });
        }
        tx.commit()?;
        Ok(())
    }

    fn restore_issue(&mut self, id: Id) -> Result<(), StoreError> {
        let now = self.now();
        let tx = self.conn.transaction()?;
        let changed = tx.execute(
            "UPDATE issue SET deleted_at = NULL, updated_at = ?1 WHERE id = ?2 AND deleted_at IS NOT NULL",
            params![now, id],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound { what: "回收站中的期刊", id });
        }
        tx.commit()?;
        Ok(())
    }
}

impl SqliteStore {
    /// The issue's own 编者按 and what it printed of its masthead and footer, if any.
    fn issue_print_extras(&self, id: Id) -> Result<(Vec<Inline>, Option<IssueImprint>), StoreError> {
        let (note, imprint): (Option<String>, Option<String>) =
            self.conn.query_row("SELECT editor_note, imprint FROM issue WHERE id = ?1", [id], |row| {
                Ok((row.get(0)?, row.get(1)?))
            })?;
        let note = note
            .map(|json| serde_json::from_str(&json))
            .transpose()
            .map_err(|e| StoreError::corrupt("issue", id, e))?;
        let imprint = imprint
            .map(|json| serde_json::from_str(&json))
            .transpose()
            .map_err(|e| StoreError::corrupt("issue", id, e))?;
        Ok((note.unwrap_or_default(), imprint))
    }

    /// `trash_filter` is one of the two constant conditions above, never user input.
    fn list_issues_where(
        &self,
        publication_id: Id,
        trash_filter: &str,
    ) -> Result<Vec<IssueSummary>, StoreError> {
        let mut statement = self.conn.prepare(&format!(
            "SELECT i.id, i.publication_id, i.kind, i.year, i.number, i.total_number, i.date, i.status,
                    (SELECT count(*) FROM article a WHERE a.issue_id = i.id AND a.deleted_at IS NULL),
                    (SELECT a.content ->> '$.title' FROM article a
                      WHERE a.issue_id = i.id AND a.deleted_at IS NULL ORDER BY a.position LIMIT 1)
             FROM issue i
             WHERE i.publication_id = ?1 AND {trash_filter}
             ORDER BY i.year DESC, i.total_number DESC, i.id DESC"
        ))?;
        let rows = statement.query_map([publication_id], |row| {
            let id: Id = row.get(0)?;
            let issue_row = IssueRow::read(row, 1)?;
            let article_count: u32 = row.get(8)?;
            let first_title: Option<String> = row.get(9)?;
            Ok((id, issue_row, article_count, first_title))
        })?;
        let mut summaries = Vec::new();
        for row in rows {
            let (id, issue_row, article_count, first_title) = row?;
            let (_, numbers, date, status) = issue_row.decode(id)?;
            let first_title = first_title
                .map(|json| serde_json::from_str::<Vec<String>>(&json).map(|lines| lines.concat()))
                .transpose()
                .map_err(|e| StoreError::corrupt("article", id, e))?;
            summaries.push(IssueSummary {
                id,
                issue_label: numbering::issue_label(numbers.kind, numbers.number),
                total_label: numbering::total_label(numbers.total_number),
                date_label: numbering::format_masthead_date(date),
                status_label: status.as_chinese().into(),
                kind: numbers.kind,
                year: numbers.year,
                number: numbers.number,
                total_number: numbers.total_number,
                date,
                status,
                article_count,
                first_title,
            });
        }
        Ok(summaries)
    }
}

fn to_json(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value).expect("domain types serialize without failure")
}

fn foreign_key_to_not_found(error: rusqlite::Error, publication_id: Id) -> StoreError {
    if error.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation) {
        StoreError::NotFound { what: "刊物", id: publication_id }
    } else {
        error.into()
    }
}
