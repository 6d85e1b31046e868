-- The application's role, now apart from the owner, gets data rights on every table by default
-- (__root V2); on the audit log it may read and append only.
REVOKE UPDATE, DELETE, TRUNCATE ON identity.audit_log FROM ${appRole};
