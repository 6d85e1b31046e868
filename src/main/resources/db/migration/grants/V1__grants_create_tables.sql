CREATE SCHEMA IF NOT EXISTS grants;

-- A grant (bevilling) as it stands now. Every version of it, the first included, is also
-- kept whole in grant_revision, so a change never loses what was granted before.
-- A grant is in force on day d when valid_from <= d <= valid_to (open when null) and d < ends_on.
CREATE TABLE grants.citizen_grant
(
    id                    UUID PRIMARY KEY,
    citizen_id            UUID    NOT NULL,
    municipality_code     TEXT    NOT NULL CHECK (municipality_code ~ '^[0-9]{3}$'),
    valid_from            DATE    NOT NULL,
    valid_to              DATE CHECK (valid_to >= valid_from),
    delivery_street       TEXT CHECK (length(delivery_street) BETWEEN 1 AND 200),
    delivery_postal_code  TEXT CHECK (delivery_postal_code ~ '^[0-9]{4}$'),
    delivery_city         TEXT CHECK (length(delivery_city) BETWEEN 1 AND 100),
    note                  TEXT CHECK (length(note) <= 2000),
    ends_on               DATE,
    end_reason            TEXT,
    revision              INT     NOT NULL CHECK (revision >= 1),
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by            TEXT    NOT NULL,
    CHECK ((delivery_street IS NULL) = (delivery_postal_code IS NULL)
        AND (delivery_street IS NULL) = (delivery_city IS NULL)),
    CHECK ((ends_on IS NULL) = (end_reason IS NULL))
);
CREATE INDEX citizen_grant_citizen_idx ON grants.citizen_grant (citizen_id);

-- The lines of the grant's current revision (removed = false) and lines a change took away.
-- A line keeps its id while it covers the same thing, so orders counted against it stay counted.
CREATE TABLE grants.grant_line
(
    id           UUID PRIMARY KEY,
    grant_id     UUID    NOT NULL REFERENCES grants.citizen_grant (id),
    position     INT     NOT NULL,
    product_id   UUID,
    area_code    TEXT,
    group_code   TEXT,
    quantity     INT     NOT NULL CHECK (quantity BETWEEN 1 AND 100000),
    period       TEXT    NOT NULL CHECK (period IN ('MONTH', 'QUARTER', 'YEAR')),
    removed      BOOLEAN NOT NULL DEFAULT false,
    CHECK (num_nonnulls(product_id, area_code, group_code) = 1)
);
CREATE INDEX grant_line_grant_idx ON grants.grant_line (grant_id);

-- Every revision of every grant, as it was decided: who, when, why, and the whole grant.
CREATE TABLE grants.grant_revision
(
    grant_id   UUID  NOT NULL REFERENCES grants.citizen_grant (id),
    revision   INT   NOT NULL,
    decided_at TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by TEXT  NOT NULL,
    change     TEXT  NOT NULL CHECK (change IN ('MADE', 'CHANGED', 'ENDED')),
    grant_data JSONB NOT NULL,
    PRIMARY KEY (grant_id, revision)
);

-- Decisions a municipality's caseworkers owe a citizen, e.g. new grants after a move in.
CREATE TABLE grants.decision_task
(
    id                UUID PRIMARY KEY,
    citizen_id        UUID NOT NULL,
    municipality_code TEXT NOT NULL,
    reason            TEXT NOT NULL CHECK (reason IN ('MOVED_IN')),
    from_municipality TEXT,
    due_to_date       DATE NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    done_at           TIMESTAMP WITH TIME ZONE,
    done_by           TEXT,
    UNIQUE (citizen_id, municipality_code, reason, due_to_date)
);
CREATE INDEX decision_task_open_idx ON grants.decision_task (municipality_code, created_at) WHERE done_at IS NULL;
