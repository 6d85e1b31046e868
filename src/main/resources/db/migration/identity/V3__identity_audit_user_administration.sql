-- The audit log also records the administration of user accounts. Such a row names the
-- account (subject_user) instead of a citizen and says what changed (detail), never a
-- password. Every row is about exactly one of the two.
ALTER TABLE identity.audit_log ALTER COLUMN citizen_id DROP NOT NULL;
ALTER TABLE identity.audit_log ADD COLUMN subject_user TEXT;
ALTER TABLE identity.audit_log ADD COLUMN detail TEXT;
ALTER TABLE identity.audit_log ADD CONSTRAINT audit_log_one_subject
    CHECK ((citizen_id IS NULL) <> (subject_user IS NULL));
CREATE INDEX audit_log_subject_user_at_idx ON identity.audit_log (subject_user, at DESC)
    WHERE subject_user IS NOT NULL;
