//! Change events for other clients. Triggers write them inside the transaction of each change,
//! so a committed change always has its event and a rolled-back one never does; the sequence
//! number orders them as they were committed (SQLite commits one writer at a time).

use rusqlite::{OptionalExtension, params};

use super::SqliteStore;
use crate::store::{ChangeEvent, ChangeKind, EventStore, Id, StoreError};

pub(super) const CREATE: &str = "
CREATE TABLE change_event (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    kind       TEXT NOT NULL,
    issue_id   INTEGER,
    article_id INTEGER
) STRICT;

CREATE TRIGGER issue_created_event AFTER INSERT ON issue
BEGIN INSERT INTO change_event (kind, issue_id) VALUES ('issue', NEW.id); END;

CREATE TRIGGER issue_changed_event AFTER UPDATE ON issue
WHEN OLD.kind IS NOT NEW.kind OR OLD.year IS NOT NEW.year OR OLD.number IS NOT NEW.number
  OR OLD.total_number IS NOT NEW.total_number OR OLD.date IS NOT NEW.date
  OR OLD.status IS NOT NEW.status OR OLD.deleted_at IS NOT NEW.deleted_at
BEGIN INSERT INTO change_event (kind, issue_id) VALUES ('issue', NEW.id); END;

CREATE TRIGGER article_added_event AFTER INSERT ON article
BEGIN INSERT INTO change_event (kind, issue_id, article_id) VALUES ('articles', NEW.issue_id, NEW.id); END;

CREATE TRIGGER article_moved_event AFTER UPDATE ON article
WHEN OLD.position IS NOT NEW.position OR OLD.deleted_at IS NOT NEW.deleted_at
BEGIN INSERT INTO change_event (kind, issue_id, article_id) VALUES ('articles', NEW.issue_id, NEW.id); END;

CREATE TRIGGER revision_event AFTER INSERT ON article_revision
BEGIN
    INSERT INTO change_event (kind, issue_id, article_id)
    VALUES ('article', (SELECT issue_id FROM article WHERE id = NEW.article_id), NEW.article_id);
END;

CREATE TRIGGER status_event AFTER INSERT ON status_change
BEGIN INSERT INTO change_event (kind, issue_id) VALUES ('status', NEW.issue_id); END;

CREATE TRIGGER thread_added_event AFTER INSERT ON comment_thread
BEGIN
    INSERT INTO change_event (kind, issue_id, article_id)
    VALUES ('comments', (SELECT issue_id FROM article WHERE id = NEW.article_id), NEW.article_id);
END;

CREATE TRIGGER thread_changed_event AFTER UPDATE ON comment_thread
BEGIN
    INSERT INTO change_event (kind, issue_id, article_id)
    VALUES ('comments', (SELECT issue_id FROM article WHERE id = NEW.article_id), NEW.article_id);
END;

CREATE TRIGGER reply_event AFTER INSERT ON comment_message
BEGIN
    INSERT INTO change_event (kind, issue_id, article_id)
    SELECT 'comments', a.issue_id, a.id FROM comment_thread t JOIN article a ON a.id = t.article_id
    WHERE t.id = NEW.thread_id;
END;

CREATE TRIGGER finding_ignored_event AFTER INSERT ON ignored_finding
BEGIN INSERT INTO change_event (kind, issue_id, article_id) VALUES ('findings', NEW.issue_id, NEW.article_id); END;

CREATE TRIGGER finding_shown_event AFTER DELETE ON ignored_finding
BEGIN INSERT INTO change_event (kind, issue_id, article_id) VALUES ('findings', OLD.issue_id, OLD.article_id); END;

CREATE TRIGGER lease_taken_event AFTER INSERT ON article_lease
BEGIN
    INSERT INTO change_event (kind, issue_id, article_id)
    VALUES ('lease', (SELECT issue_id FROM article WHERE id = NEW.article_id), NEW.article_id);
END;

-- A renewal only moves the expiry: it is no news to anyone.
CREATE TRIGGER lease_changed_event AFTER UPDATE ON article_lease
WHEN OLD.holder IS NOT NEW.holder OR OLD.taken_at IS NOT NEW.taken_at
BEGIN
    INSERT INTO change_event (kind, issue_id, article_id)
    VALUES ('lease', (SELECT issue_id FROM article WHERE id = NEW.article_id), NEW.article_id);
END;

CREATE TRIGGER lease_released_event AFTER DELETE ON article_lease
BEGIN
    INSERT INTO change_event (kind, issue_id, article_id)
    VALUES ('lease', (SELECT issue_id FROM article WHERE id = OLD.article_id), OLD.article_id);
END;

CREATE TRIGGER publication_event AFTER UPDATE ON publication
BEGIN INSERT INTO change_event (kind) VALUES ('publication'); END;

CREATE TRIGGER word_list_saved_event AFTER INSERT ON word_list
BEGIN INSERT INTO change_event (kind) VALUES ('publication'); END;

CREATE TRIGGER word_list_changed_event AFTER UPDATE ON word_list
BEGIN INSERT INTO change_event (kind) VALUES ('publication'); END;

CREATE TRIGGER word_list_reset_event AFTER DELETE ON word_list
BEGIN INSERT INTO change_event (kind) VALUES ('publication'); END;
";

impl EventStore for SqliteStore {
    fn events_since(&self, seq: Id, limit: u32) -> Result<Vec<ChangeEvent>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT seq, kind, issue_id, article_id FROM change_event WHERE seq > ?1 ORDER BY seq LIMIT ?2",
        )?;
        let rows = statement.query_map(params![seq, limit], |row| {
            Ok((row.get::<_, Id>(0)?, row.get::<_, String>(1)?, row.get(2)?, row.get(3)?))
        })?;
        rows.map(|row| {
            let (seq, kind, issue_id, article_id) = row?;
            let kind = ChangeKind::parse(&kind)
                .ok_or_else(|| StoreError::corrupt("change_event", seq, format!("未知的变更类型 {kind}")))?;
            Ok(ChangeEvent { seq, kind, issue_id, article_id })
        })
        .collect()
    }

    fn latest_event_seq(&self) -> Result<Id, StoreError> {
        // sqlite_sequence keeps the last number even after every event was pruned.
        let seq: Option<Id> = self
            .conn
            .query_row("SELECT seq FROM sqlite_sequence WHERE name = 'change_event'", [], |row| row.get(0))
            .optional()?;
        Ok(seq.unwrap_or(0))
    }

    fn oldest_event_seq(&self) -> Result<Id, StoreError> {
        let oldest: Option<Id> =
            self.conn.query_row("SELECT min(seq) FROM change_event", [], |row| row.get(0))?;
        match oldest {
            Some(seq) => Ok(seq),
            None => Ok(self.latest_event_seq()? + 1),
        }
    }

    fn prune_events(&mut self, keep: u32) -> Result<usize, StoreError> {
        let tx = self.conn.transaction()?;
        let removed = tx.execute(
            "DELETE FROM change_event WHERE seq <= (SELECT max(seq) FROM change_event) - ?1",
            [keep],
        )?;
        tx.commit()?;
        Ok(removed)
    }
}
