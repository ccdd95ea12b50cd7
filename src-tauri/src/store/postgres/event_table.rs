//! Change events for other clients, written by triggers inside the transaction of each
//! change: a committed change always has its event, a rolled-back one never does.
//!
//! The numbers follow the order in which changes commit. A sequence would not: it numbers
//! events as transactions write them, so under READ COMMITTED a change numbered 10 may commit
//! after one numbered 11, and a client that caught up to 11 would never see 10. Here each
//! event takes the next number from a one-row counter whose row lock is held until commit, so
//! writers of events take turns at that point and the numbers are handed out in commit order.
//! The counter also keeps the last number after every event was pruned.

use postgres::Row;

use super::PostgresStore;
use crate::store::{ChangeEvent, ChangeKind, EventStore, Id, StoreError};

pub(super) const CREATE: &str = "
CREATE TABLE change_event (
    seq        bigint PRIMARY KEY,
    kind       text NOT NULL,
    issue_id   bigint,
    article_id bigint
);

CREATE TABLE change_event_counter (
    single   boolean PRIMARY KEY DEFAULT true CHECK (single),
    last_seq bigint NOT NULL
);
INSERT INTO change_event_counter (last_seq) VALUES (0);

CREATE FUNCTION record_change(event_kind text, event_issue bigint, event_article bigint)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    next_seq bigint;
BEGIN
    UPDATE change_event_counter SET last_seq = last_seq + 1 RETURNING last_seq INTO next_seq;
    INSERT INTO change_event (seq, kind, issue_id, article_id)
    VALUES (next_seq, event_kind, event_issue, event_article);
    -- Delivered at commit, so other servers read the event at once (notify.rs).
    PERFORM pg_notify('jianbao_change', next_seq::text);
END $$;

CREATE FUNCTION issue_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM record_change('issue', NEW.id, NULL);
    RETURN NULL;
END $$;
CREATE TRIGGER issue_created_event AFTER INSERT ON issue
FOR EACH ROW EXECUTE FUNCTION issue_event();
CREATE TRIGGER issue_changed_event AFTER UPDATE ON issue FOR EACH ROW
WHEN (OLD.kind IS DISTINCT FROM NEW.kind OR OLD.year IS DISTINCT FROM NEW.year
      OR OLD.number IS DISTINCT FROM NEW.number OR OLD.total_number IS DISTINCT FROM NEW.total_number
      OR OLD.date IS DISTINCT FROM NEW.date OR OLD.status IS DISTINCT FROM NEW.status
      OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
EXECUTE FUNCTION issue_event();

CREATE FUNCTION article_list_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM record_change('articles', NEW.issue_id, NEW.id);
    RETURN NULL;
END $$;
CREATE TRIGGER article_added_event AFTER INSERT ON article
FOR EACH ROW EXECUTE FUNCTION article_list_event();
CREATE TRIGGER article_moved_event AFTER UPDATE ON article FOR EACH ROW
WHEN (OLD.position IS DISTINCT FROM NEW.position OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
EXECUTE FUNCTION article_list_event();

CREATE FUNCTION revision_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM record_change('article', (SELECT issue_id FROM article WHERE id = NEW.article_id), NEW.article_id);
    RETURN NULL;
END $$;
CREATE TRIGGER revision_event AFTER INSERT ON article_revision
FOR EACH ROW EXECUTE FUNCTION revision_event();

CREATE FUNCTION status_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM record_change('status', NEW.issue_id, NULL);
    RETURN NULL;
END $$;
CREATE TRIGGER status_event AFTER INSERT ON status_change
FOR EACH ROW EXECUTE FUNCTION status_event();

CREATE FUNCTION thread_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM record_change('comments', (SELECT issue_id FROM article WHERE id = NEW.article_id), NEW.article_id);
    RETURN NULL;
END $$;
CREATE TRIGGER thread_added_event AFTER INSERT ON comment_thread
FOR EACH ROW EXECUTE FUNCTION thread_event();
CREATE TRIGGER thread_changed_event AFTER UPDATE ON comment_thread
FOR EACH ROW EXECUTE FUNCTION thread_event();

CREATE FUNCTION reply_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM record_change('comments', a.issue_id, a.id)
    FROM comment_thread t JOIN article a ON a.id = t.article_id WHERE t.id = NEW.thread_id;
    RETURN NULL;
END $$;
CREATE TRIGGER reply_event AFTER INSERT ON comment_message
FOR EACH ROW EXECUTE FUNCTION reply_event();

CREATE FUNCTION finding_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM record_change('findings', OLD.issue_id, OLD.article_id);
    ELSE
        PERFORM record_change('findings', NEW.issue_id, NEW.article_id);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER finding_event AFTER INSERT OR DELETE ON ignored_finding
FOR EACH ROW EXECUTE FUNCTION finding_event();

CREATE FUNCTION lease_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    leased bigint;
BEGIN
    leased := CASE WHEN TG_OP = 'DELETE' THEN OLD.article_id ELSE NEW.article_id END;
    PERFORM record_change('lease', (SELECT issue_id FROM article WHERE id = leased), leased);
    RETURN NULL;
END $$;
CREATE TRIGGER lease_taken_event AFTER INSERT OR DELETE ON article_lease
FOR EACH ROW EXECUTE FUNCTION lease_event();
-- A renewal only moves the expiry: it is no news to anyone.
CREATE TRIGGER lease_changed_event AFTER UPDATE ON article_lease FOR EACH ROW
WHEN (OLD.holder IS DISTINCT FROM NEW.holder OR OLD.taken_at IS DISTINCT FROM NEW.taken_at)
EXECUTE FUNCTION lease_event();

CREATE FUNCTION publication_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM record_change('publication', NULL, NULL);
    RETURN NULL;
END $$;
CREATE TRIGGER publication_event AFTER UPDATE ON publication
FOR EACH ROW EXECUTE FUNCTION publication_event();
CREATE TRIGGER word_list_event AFTER INSERT OR UPDATE OR DELETE ON word_list
FOR EACH ROW EXECUTE FUNCTION publication_event();
";

impl EventStore for PostgresStore {
    fn events_since(&self, seq: Id, limit: u32) -> Result<Vec<ChangeEvent>, StoreError> {
        self.read(|tx| {
            let rows = tx.query(
                "SELECT seq, kind, issue_id, article_id FROM change_event WHERE seq > $1 ORDER BY seq LIMIT $2",
                &[&seq, &i64::from(limit)],
            )?;
            rows.iter().map(decode).collect()
        })
    }

    fn latest_event_seq(&self) -> Result<Id, StoreError> {
        self.read(|tx| Ok(tx.query_one("SELECT last_seq FROM change_event_counter", &[])?.try_get(0)?))
    }

    fn oldest_event_seq(&self) -> Result<Id, StoreError> {
        self.read(|tx| {
            let row = tx.query_one(
                "SELECT coalesce((SELECT min(seq) FROM change_event), last_seq + 1) FROM change_event_counter",
                &[],
            )?;
            Ok(row.try_get(0)?)
        })
    }

    fn prune_events(&mut self, keep: u32) -> Result<usize, StoreError> {
        self.write(|tx, _| {
            let removed = tx.execute(
                "DELETE FROM change_event WHERE seq <= (SELECT max(seq) FROM change_event) - $1",
                &[&i64::from(keep)],
            )?;
            Ok(removed as usize)
        })
    }
}

fn decode(row: &Row) -> Result<ChangeEvent, StoreError> {
    let seq: Id = row.try_get(0)?;
    let kind: &str = row.try_get(1)?;
    let kind = ChangeKind::parse(kind)
        .ok_or_else(|| StoreError::corrupt("change_event", seq, format!("未知的变更类型 {kind}")))?;
    Ok(ChangeEvent { seq, kind, issue_id: row.try_get(2)?, article_id: row.try_get(3)? })
}
