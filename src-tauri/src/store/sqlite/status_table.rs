//! Where an issue has been on its way from draft to print: one row per status change, with
//! who made it, when and why, and the text as it stood when it entered each round.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Transaction, params};

use super::SqliteStore;
use crate::domain::IssueStatus;
use crate::store::{Id, RoundSnapshot, RoundStore, StatusChange, StatusTransition, StoreError};

pub(super) const CREATE: &str = "
CREATE TABLE status_change (
    id            INTEGER PRIMARY KEY,
    issue_id      INTEGER NOT NULL REFERENCES issue (id),
    from_status   TEXT NOT NULL,
    to_status     TEXT NOT NULL,
    changed_by    TEXT NOT NULL CHECK (changed_by <> ''),
    changed_at    TEXT NOT NULL,
    note          TEXT NOT NULL,
    sign_off_date TEXT
) STRICT;
CREATE INDEX status_change_by_issue ON status_change (issue_id, id);
";

pub(super) const CREATE_SNAPSHOT: &str = "
CREATE TABLE round_snapshot (
    id               INTEGER PRIMARY KEY,
    issue_id         INTEGER NOT NULL REFERENCES issue (id),
    status_change_id INTEGER NOT NULL REFERENCES status_change (id),
    status           TEXT NOT NULL,
    articles         TEXT NOT NULL CHECK (json_valid(articles))
) STRICT;
CREATE INDEX round_snapshot_by_issue ON round_snapshot (issue_id, status, id);
";

impl RoundStore for SqliteStore {
    /// Records a status change, its snapshot of the text (for any status but draft) and the
    /// new status itself, all in one transaction.
    fn record_transition(&mut self, issue_id: Id, change: &StatusTransition) -> Result<Id, StoreError> {
        let now = self.now();
        let tx = self.conn.transaction()?;
        let current = current_status(&tx, issue_id)?;
        if current != change.from {
            return Err(StoreError::Invalid(format!(
                "本期的状态已变为“{}”，请刷新后再操作",
                current.as_chinese()
            )));
        }
        tx.execute(
            "UPDATE issue SET status = ?1, date = coalesce(?2, date), updated_at = ?3 WHERE id = ?4",
            params![change.to.as_str(), change.masthead_date.map(iso), now, issue_id],
        )?;
        tx.execute(
            "INSERT INTO status_change
                 (issue_id, from_status, to_status, changed_by, changed_at, note, sign_off_date)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                issue_id,
                change.from.as_str(),
                change.to.as_str(),
                change.by,
                now,
                change.note,
                change.sign_off_date.map(iso)
            ],
        )?;
        let change_id = tx.last_insert_rowid();
        if change.to != IssueStatus::Draft {
            take_snapshot(&tx, issue_id, change_id, change.to)?;
        }
        tx.commit()?;
        Ok(change_id)
    }

    /// Every status change of the issue, oldest first.
    fn status_history(&self, issue_id: Id) -> Result<Vec<StatusChange>, StoreError> {
        let mut statement = self.conn.prepare(
            "SELECT id, from_status, to_status, changed_by, changed_at, note, sign_off_date
             FROM status_change WHERE issue_id = ?1 ORDER BY id",
        )?;
        let rows = statement.query_map([issue_id], |row| {
            Ok((
                row.get::<_, Id>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, String>(3)?,
                row.get::<_, String>(4)?,
                row.get::<_, String>(5)?,
                row.get::<_, Option<String>>(6)?,
            ))
        })?;
        rows.map(|row| {
            let (id, from, to, changed_by, changed_at, note, sign_off_date) = row?;
            Ok(StatusChange {
                id,
                issue_id,
                from: parse_status(id, &from)?,
                to: parse_status(id, &to)?,
                changed_by,
                changed_at,
                note,
                sign_off_date: sign_off_date.map(|date| parse_date(id, &date)).transpose()?,
            })
        })
        .collect()
    }

    /// The text as it stood the last time the issue entered `status`, if it ever did.
    fn latest_snapshot(
        &self,
        issue_id: Id,
        status: IssueStatus,
    ) -> Result<Option<RoundSnapshot>, StoreError> {
        let row: Option<(Id, Id, String, String)> = self
            .conn
            .query_row(
                "SELECT s.id, s.status_change_id, c.changed_at, s.articles
                 FROM round_snapshot s JOIN status_change c ON c.id = s.status_change_id
                 WHERE s.issue_id = ?1 AND s.status = ?2 ORDER BY s.id DESC LIMIT 1",
                params![issue_id, status.as_str()],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
            )
            .optional()?;
        row.map(|(id, status_change_id, taken_at, articles)| {
            let articles =
                serde_json::from_str(&articles).map_err(|e| StoreError::corrupt("round_snapshot", id, e))?;
            Ok(RoundSnapshot { status_change_id, status, taken_at, articles })
        })
        .transpose()
    }
}

fn current_status(tx: &Transaction, issue_id: Id) -> Result<IssueStatus, StoreError> {
    let status: Option<String> = tx
        .query_row("SELECT status FROM issue WHERE id = ?1 AND deleted_at IS NULL", [issue_id], |row| {
            row.get(0)
        })
        .optional()?;
    let status = status.ok_or(StoreError::NotFound { what: "期刊", id: issue_id })?;
    IssueStatus::parse(&status)
        .ok_or_else(|| StoreError::corrupt("issue", issue_id, format!("未知的状态 {status}")))
}

fn take_snapshot(
    tx: &Transaction,
    issue_id: Id,
    change_id: Id,
    status: IssueStatus,
) -> Result<(), StoreError> {
    // The stored article JSON is already the exchange format: it is copied, not re-encoded. The
    // article's id goes with it so that rounds compare article by article even when a title
    // changed or the order did.
    tx.execute(
        "INSERT INTO round_snapshot (issue_id, status_change_id, status, articles)
         SELECT ?1, ?2, ?3,
                json_group_array(json_object('articleId', id, 'article', json(content)) ORDER BY position, id)
         FROM article WHERE issue_id = ?1 AND deleted_at IS NULL",
        params![issue_id, change_id, status.as_str()],
    )?;
    Ok(())
}

fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

fn parse_status(id: Id, text: &str) -> Result<IssueStatus, StoreError> {
    IssueStatus::parse(text)
        .ok_or_else(|| StoreError::corrupt("status_change", id, format!("未知的状态 {text}")))
}

fn parse_date(id: Id, text: &str) -> Result<NaiveDate, StoreError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|e| StoreError::corrupt("status_change", id, format!("日期 {text}：{e}")))
}
