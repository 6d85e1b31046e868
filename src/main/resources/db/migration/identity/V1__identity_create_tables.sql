CREATE SCHEMA IF NOT EXISTS identity;

-- People who log in. password_hash is a DelegatingPasswordEncoder hash ({bcrypt}..., {argon2}...),
-- null for users who log in only through OpenID Connect.
CREATE TABLE identity.app_user
(
    username          TEXT PRIMARY KEY CHECK (username ~ '^[a-z0-9][a-z0-9._@-]{1,99}$'),
    display_name      TEXT    NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    password_hash     TEXT,
    municipality_code TEXT CHECK (municipality_code ~ '^[0-9]{3}$'),
    region_code       TEXT CHECK (region_code ~ '^[0-9]{4}$'),
    citizen_id        UUID,
    enabled           BOOLEAN NOT NULL DEFAULT TRUE,
    failed_logins     INT     NOT NULL DEFAULT 0,
    locked_until      TIMESTAMP WITH TIME ZONE,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);

CREATE TABLE identity.user_role
(
    username TEXT NOT NULL REFERENCES identity.app_user (username) ON DELETE CASCADE,
    role     TEXT NOT NULL CHECK (role IN ('FSC_ADMIN', 'FSC_AGENT', 'WAREHOUSE', 'TECHNICIAN', 'FINANCE',
                                           'MUNICIPAL_CASEWORKER', 'MUNICIPAL_HOMECARE', 'NURSE',
                                           'REGION_ANALYST', 'CITIZEN')),
    PRIMARY KEY (username, role)
);

-- Every read and change of a citizen's data. Append-only: a trigger refuses UPDATE, DELETE
-- and TRUNCATE for every role, and the owning role (the one the application uses) has those
-- privileges revoked as well.
CREATE TABLE identity.audit_log
(
    id                 BIGSERIAL PRIMARY KEY,
    at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    actor              TEXT NOT NULL,
    actor_roles        TEXT NOT NULL,
    actor_municipality TEXT,
    citizen_id         UUID NOT NULL,
    action             TEXT NOT NULL,
    client             TEXT NOT NULL
);
CREATE INDEX audit_log_citizen_at_idx ON identity.audit_log (citizen_id, at DESC);
CREATE INDEX audit_log_at_idx ON identity.audit_log (at DESC);

CREATE FUNCTION identity.refuse_audit_log_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'identity.audit_log is append-only: % is not allowed', TG_OP;
END
$$;
CREATE TRIGGER audit_log_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE
    ON identity.audit_log
    FOR EACH STATEMENT
EXECUTE FUNCTION identity.refuse_audit_log_change();
REVOKE UPDATE, DELETE, TRUNCATE ON identity.audit_log FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE ON identity.audit_log FROM CURRENT_USER;

-- HTTP sessions (Spring Session JDBC), so that several instances serve the same users.
CREATE TABLE identity.spring_session
(
    primary_id            CHAR(36) NOT NULL PRIMARY KEY,
    session_id            CHAR(36) NOT NULL,
    creation_time         BIGINT   NOT NULL,
    last_access_time      BIGINT   NOT NULL,
    max_inactive_interval INT      NOT NULL,
    expiry_time           BIGINT   NOT NULL,
    principal_name        VARCHAR(100)
);
CREATE UNIQUE INDEX spring_session_ix1 ON identity.spring_session (session_id);
CREATE INDEX spring_session_ix2 ON identity.spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON identity.spring_session (principal_name);

CREATE TABLE identity.spring_session_attributes
(
    session_primary_id CHAR(36)     NOT NULL REFERENCES identity.spring_session (primary_id) ON DELETE CASCADE,
    attribute_name     VARCHAR(200) NOT NULL,
    attribute_bytes    BYTEA        NOT NULL,
    PRIMARY KEY (session_primary_id, attribute_name)
);
