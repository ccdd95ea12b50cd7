//! Comment threads on an article's text. The anchor lives in the article itself (the runs
//! that carry the thread's id), so it moves with every edit around it; this table holds what
//! was said, by whom and when, and whether the thread is resolved.

use rusqlite::{OptionalExtension, Transaction, params};

use super::SqliteStore;
use crate::store::{CommentMessage, CommentStore, CommentThread, Id, NewComment, StoreError};

pub(super) const CREATE: &str = "
CREATE TABLE comment_thread (
    id          TEXT PRIMARY KEY CHECK (id <> ''),
    article_id  INTEGER NOT NULL REFERENCES article (id),
    quote       TEXT NOT NULL,
    resolved_by TEXT,
    resolved_at TEXT
) STRICT;
CREATE INDEX comment_thread_by_article ON comment_thread (article_id);

CREATE TABLE comment_message (
    id         INTEGER PRIMARY KEY,
    thread_id  TEXT NOT NULL REFERENCES comment_thread (id),
    author     TEXT NOT NULL CHECK (author <> ''),
    written_at TEXT NOT NULL,
    body       TEXT NOT NULL CHECK (body <> '')
) STRICT;
CREATE INDEX comment_message_by_thread ON comment_message (thread_id, id);

CREATE TRIGGER signed_issue_takes_no_comment BEFORE INSERT ON comment_thread
WHEN (SELECT i.status FROM article a JOIN issue i ON i.id = a.issue_id WHERE a.id = NEW.article_id) = 'signedOff'
BEGIN SELECT RAISE(ABORT, 'jianbao: issue signed off'); END;

CREATE TRIGGER signed_issue_takes_no_reply BEFORE INSERT ON comment_message
WHEN (SELECT i.status FROM comment_thread t JOIN article a ON a.id = t.article_id JOIN issue i ON i.id = a.issue_id
      WHERE t.id = NEW.thread_id) = 'signedOff'
BEGIN SELECT RAISE(ABORT, 'jianbao: issue signed off'); END;

CREATE TRIGGER signed_issue_keeps_its_threads BEFORE UPDATE ON comment_thread
WHEN (SELECT i.status FROM article a JOIN issue i ON i.id = a.issue_id WHERE a.id = OLD.article_id) = 'signedOff'
BEGIN SELECT RAISE(ABORT, 'jianbao: issue signed off'); END;
";

impl CommentStore for SqliteStore {
    fn add_comment_thread(&mut self, comment: &NewComment) -> Result<(), StoreError> {
        let now = self.now();
        let tx = self.conn.transaction()?;
        let live: Option<Id> = tx
            .query_row(
                "SELECT id FROM article WHERE id = ?1 AND deleted_at IS NULL",
                [comment.article_id],
                |row| row.get(0),
            )
            .optional()?;
        live.ok_or(StoreError::NotFound { what: "文章", id: comment.article_id })?;
        let taken: Option<String> = tx
            .query_row("SELECT id FROM comment_thread WHERE id = ?1", [comment.thread_id], |row| row.get(0))
            .optional()?;
        if taken.is_some() {
            return Err(StoreError::Invalid("这条批注已经保存过，请刷新后再试".into()));
        }
        tx.execute(
            "INSERT INTO comment_thread (id, article_id, quote) VALUES (?1, ?2, ?3)",
            params![comment.thread_id, comment.article_id, comment.quote],
        )?;
        insert_message(&tx, comment.thread_id, comment.author, comment.body, &now)?;
        tx.commit()?;
        Ok(())
    }

    fn add_comment_reply(&mut self, thread_id: &str, author: &str, body: &str) -> Result<(), StoreError> {
        let now = self.now();
        let tx = self.conn.transaction()?;
        thread_exists(&tx, thread_id)?;
        insert_message(&tx, thread_id, author, body, &now)?;
        tx.commit()?;
        Ok(())
    }

    /// Resolves the thread (`by` = Some) or opens it again (`by` = None).
    fn set_comment_resolved(&mut self, thread_id: &str, by: Option<&str>) -> Result<(), StoreError> {
        let now = self.now();
        let tx = self.conn.transaction()?;
        thread_exists(&tx, thread_id)?;
        tx.execute(
            "UPDATE comment_thread SET resolved_by = ?2, resolved_at = CASE WHEN ?2 IS NULL THEN NULL ELSE ?3 END
             WHERE id = ?1",
            params![thread_id, by, now],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Every thread on the issue's live articles, by article and in the order they were started.
    fn comment_threads_of_issue(&self, issue_id: Id) -> Result<Vec<CommentThread>, StoreError> {
        let mut threads = self.conn.prepare(
            "SELECT t.id, t.article_id, t.quote, t.resolved_by, t.resolved_at
             FROM comment_thread t JOIN article a ON a.id = t.article_id
             WHERE a.issue_id = ?1 AND a.deleted_at IS NULL
             ORDER BY a.position, (SELECT min(m.id) FROM comment_message m WHERE m.thread_id = t.id)",
        )?;
        let rows = threads.query_map([issue_id], |row| {
            Ok(CommentThread {
                id: row.get(0)?,
                article_id: row.get(1)?,
                quote: row.get(2)?,
                messages: vec![],
                resolved_by: row.get(3)?,
                resolved_at: row.get(4)?,
            })
        })?;
        let mut found = rows.collect::<Result<Vec<_>, _>>()?;
        for thread in &mut found {
            thread.messages = self.comment_messages(&thread.id)?;
        }
        Ok(found)
    }
}

impl SqliteStore {
    fn comment_messages(&self, thread_id: &str) -> Result<Vec<CommentMessage>, StoreError> {
        let mut messages = self.conn.prepare_cached(
            "SELECT author, written_at, body FROM comment_message WHERE thread_id = ?1 ORDER BY id",
        )?;
        let rows = messages.query_map([thread_id], |row| {
            Ok(CommentMessage { author: row.get(0)?, written_at: row.get(1)?, body: row.get(2)? })
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }
}

fn thread_exists(tx: &Transaction, thread_id: &str) -> Result<(), StoreError> {
    let found: Option<String> = tx
        .query_row("SELECT id FROM comment_thread WHERE id = ?1", [thread_id], |row| row.get(0))
        .optional()?;
    found.map(drop).ok_or_else(|| StoreError::Invalid("找不到这条批注，可能已随文章删除，请刷新".into()))
}

fn insert_message(
    tx: &Transaction,
    thread_id: &str,
    author: &str,
    body: &str,
    now: &str,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO comment_message (thread_id, author, written_at, body) VALUES (?1, ?2, ?3, ?4)",
        params![thread_id, author, now, body],
    )?;
    Ok(())
}
