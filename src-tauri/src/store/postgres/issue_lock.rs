//! A signed-off issue is locked: its articles, masthead, revisions and comments cannot change
//! until the sign-off is revoked. As in the SQLite store the lock lives in the schema, as
//! PL/pgSQL triggers, so every write path, present or future (raw SQL included), is refused
//! inside its own transaction. Only a change of the status itself (the revocation) passes.
//!
//! Each check reads the status `FOR SHARE`: a sign-off under way holds the row
//! `FOR UPDATE`, so a write that arrives meanwhile waits for it and then sees its outcome,
//! instead of slipping in between the snapshot and the commit of the sign-off.

/// The SQLSTATE the triggers raise; `StoreError` turns it into `SignedOff`. (Class `JB` is
/// not used by PostgreSQL.)
pub(super) const SIGNED_OFF_SQLSTATE: &str = "JB001";

pub(super) const CREATE: &str = "
CREATE FUNCTION refuse_if_signed_off(locked_issue bigint) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    current_status text;
BEGIN
    SELECT status INTO current_status FROM issue WHERE id = locked_issue FOR SHARE;
    IF current_status = 'signedOff' THEN
        RAISE EXCEPTION 'jianbao: issue signed off' USING ERRCODE = 'JB001';
    END IF;
END $$;

CREATE FUNCTION signed_issue_keeps_its_masthead() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'signedOff' AND NEW.status = 'signedOff' THEN
        RAISE EXCEPTION 'jianbao: issue signed off' USING ERRCODE = 'JB001';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER signed_issue_keeps_its_masthead BEFORE UPDATE ON issue
FOR EACH ROW EXECUTE FUNCTION signed_issue_keeps_its_masthead();

CREATE FUNCTION signed_issue_keeps_its_articles() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM refuse_if_signed_off(OLD.issue_id);
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    PERFORM refuse_if_signed_off(NEW.issue_id);
    RETURN NEW;
END $$;
CREATE TRIGGER signed_issue_keeps_its_articles BEFORE INSERT OR UPDATE OR DELETE ON article
FOR EACH ROW EXECUTE FUNCTION signed_issue_keeps_its_articles();

CREATE FUNCTION signed_issue_takes_no_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM refuse_if_signed_off((SELECT issue_id FROM article WHERE id = NEW.article_id));
    RETURN NEW;
END $$;
CREATE TRIGGER signed_issue_takes_no_revision BEFORE INSERT ON article_revision
FOR EACH ROW EXECUTE FUNCTION signed_issue_takes_no_revision();
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_raise_uses_the_sqlstate_the_error_mapping_looks_for() {
        let raises = CREATE.matches("RAISE EXCEPTION").count();
        assert_eq!(raises, 2);
        assert_eq!(CREATE.matches(&format!("USING ERRCODE = '{SIGNED_OFF_SQLSTATE}'")).count(), raises);
        assert!(!super::super::comment_table::CREATE.contains("RAISE"), "comments use refuse_if_signed_off");
    }
}
