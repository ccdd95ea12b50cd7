//! A signed-off issue is locked: its articles, masthead and place in the list cannot change
//! until the sign-off is revoked. The lock lives in the schema as triggers, so that every write
//! path, present or future, is refused inside its own transaction and none can forget to check.
//! Only a change of the status itself (the revocation) passes.

/// The text a trigger aborts with; `StoreError` turns it into the user's message.
pub(crate) const SIGNED_OFF_MARKER: &str = "jianbao: issue signed off";

pub(super) const CREATE: &str = "
ALTER TABLE issue ADD COLUMN date_fixed INTEGER NOT NULL DEFAULT 0 CHECK (date_fixed IN (0, 1));

CREATE TRIGGER signed_issue_keeps_its_masthead BEFORE UPDATE ON issue
WHEN OLD.status = 'signedOff' AND NEW.status = 'signedOff'
BEGIN SELECT RAISE(ABORT, 'jianbao: issue signed off'); END;

CREATE TRIGGER signed_issue_takes_no_article BEFORE INSERT ON article
WHEN (SELECT status FROM issue WHERE id = NEW.issue_id) = 'signedOff'
BEGIN SELECT RAISE(ABORT, 'jianbao: issue signed off'); END;

CREATE TRIGGER signed_issue_keeps_its_articles BEFORE UPDATE ON article
WHEN (SELECT status FROM issue WHERE id IN (OLD.issue_id, NEW.issue_id) AND status = 'signedOff') IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'jianbao: issue signed off'); END;

CREATE TRIGGER signed_issue_loses_no_article BEFORE DELETE ON article
WHEN (SELECT status FROM issue WHERE id = OLD.issue_id) = 'signedOff'
BEGIN SELECT RAISE(ABORT, 'jianbao: issue signed off'); END;

CREATE TRIGGER signed_issue_takes_no_revision BEFORE INSERT ON article_revision
WHEN (SELECT i.status FROM article a JOIN issue i ON i.id = a.issue_id WHERE a.id = NEW.article_id) = 'signedOff'
BEGIN SELECT RAISE(ABORT, 'jianbao: issue signed off'); END;
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_trigger_raises_the_marker_the_error_mapping_looks_for() {
        let raises = CREATE.matches("RAISE(ABORT").count();
        assert_eq!(raises, 5);
        assert_eq!(CREATE.matches(&format!("RAISE(ABORT, '{SIGNED_OFF_MARKER}')")).count(), raises);
    }
}
