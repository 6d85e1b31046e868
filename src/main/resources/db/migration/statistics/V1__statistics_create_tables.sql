CREATE SCHEMA IF NOT EXISTS statistics;

-- An indicator followed against a target: one figure per area (cluster name or municipality
-- code) and period (first day of the month or quarter), from one source.
CREATE TABLE statistics.indicator
(
    id           UUID PRIMARY KEY,
    name         TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    unit         TEXT        NOT NULL CHECK (length(unit) BETWEEN 1 AND 50),
    period_kind  TEXT        NOT NULL CHECK (period_kind IN ('MONTH', 'QUARTER')),
    breakdown    TEXT        NOT NULL CHECK (breakdown IN ('CLUSTER', 'MUNICIPALITY')),
    region_code  TEXT        NOT NULL,
    source       TEXT        NOT NULL CHECK (length(source) BETWEEN 1 AND 200),
    first_period DATE        NOT NULL,
    last_period  DATE        NOT NULL,
    target       BIGINT CHECK (target > 0),
    -- the areas' order in tables (a source's order); areas not named follow in the reference data's order
    area_order   TEXT[]      NOT NULL DEFAULT '{}',
    created_at   TIMESTAMPTZ NOT NULL,
    created_by   TEXT        NOT NULL,
    CHECK (last_period >= first_period)
);

CREATE TABLE statistics.indicator_value
(
    indicator_id  UUID        NOT NULL REFERENCES statistics.indicator (id) ON DELETE CASCADE,
    area          TEXT        NOT NULL,
    period_start  DATE        NOT NULL,
    value         BIGINT      NOT NULL CHECK (value >= 0),
    incomplete    BOOLEAN     NOT NULL DEFAULT FALSE,
    note          TEXT CHECK (length(note) <= 500),
    registered_at TIMESTAMPTZ NOT NULL,
    registered_by TEXT        NOT NULL,
    PRIMARY KEY (indicator_id, area, period_start)
);

-- A business case; every save is a new version with its inputs and results, never changed.
CREATE TABLE statistics.business_case
(
    id         UUID PRIMARY KEY,
    name       TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind       TEXT        NOT NULL CHECK (kind IN ('STOMA', 'DISPENSER')),
    -- the figures a source document gives for the same case (key to value), and what explains a difference
    source_figures JSONB   NOT NULL DEFAULT '{}',
    source_note    TEXT,
    created_at TIMESTAMPTZ NOT NULL,
    created_by TEXT        NOT NULL
);

CREATE TABLE statistics.business_case_version
(
    case_id  UUID        NOT NULL REFERENCES statistics.business_case (id) ON DELETE CASCADE,
    version  INT         NOT NULL CHECK (version >= 1),
    label    TEXT        NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
    inputs   JSONB       NOT NULL,
    results  JSONB       NOT NULL,
    saved_at TIMESTAMPTZ NOT NULL,
    saved_by TEXT        NOT NULL,
    PRIMARY KEY (case_id, version)
);
