-- Machine clients (a logistics supplier, a dispenser vendor). Only a SHA-256 hash of each
-- key is stored; the key itself is shown once, when it is created.
CREATE TABLE identity.api_key
(
    id         UUID PRIMARY KEY,
    name       TEXT   NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    prefix     TEXT   NOT NULL,
    key_hash   TEXT   NOT NULL UNIQUE,
    scopes     TEXT[] NOT NULL,
    created_by TEXT   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX api_key_active_name_uq ON identity.api_key (lower(name)) WHERE revoked_at IS NULL;
