CREATE SCHEMA IF NOT EXISTS citizens;

-- The citizen register. The CPR number is never stored in clear text:
--   cpr_encrypted  AES-256-GCM (12-byte random nonce || ciphertext+tag) under fsc.citizens.cpr-key
--   cpr_hash       HMAC-SHA256 under fsc.citizens.cpr-hash-key, for lookup and duplicate detection
-- The current address is kept here (scoping by municipality needs it on every read);
-- every address the citizen has had, the current one included, is in address_history.
CREATE TABLE citizens.citizen
(
    id                UUID PRIMARY KEY,
    cpr_encrypted     BYTEA       NOT NULL,
    cpr_hash          BYTEA       NOT NULL UNIQUE CHECK (length(cpr_hash) = 32),
    name              TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    street            TEXT        NOT NULL CHECK (length(street) BETWEEN 1 AND 200),
    postal_code       TEXT        NOT NULL CHECK (postal_code ~ '^[0-9]{4}$'),
    city              TEXT        NOT NULL CHECK (length(city) BETWEEN 1 AND 100),
    municipality_code TEXT        NOT NULL CHECK (municipality_code ~ '^[0-9]{3}$'),
    phone             TEXT CHECK (phone ~ '^[0-9]{8}$'),
    email             TEXT CHECK (length(email) <= 254),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX citizen_municipality_idx ON citizens.citizen (municipality_code);
CREATE INDEX citizen_phone_idx ON citizens.citizen (phone);
CREATE INDEX citizen_name_idx ON citizens.citizen (lower(name));

CREATE TABLE citizens.address_history
(
    id                BIGSERIAL PRIMARY KEY,
    citizen_id        UUID        NOT NULL REFERENCES citizens.citizen (id),
    street            TEXT        NOT NULL,
    postal_code       TEXT        NOT NULL,
    city              TEXT        NOT NULL,
    municipality_code TEXT        NOT NULL,
    valid_from        DATE        NOT NULL,
    recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by       TEXT        NOT NULL
);
CREATE INDEX address_history_citizen_idx ON citizens.address_history (citizen_id, valid_from DESC, id DESC);
