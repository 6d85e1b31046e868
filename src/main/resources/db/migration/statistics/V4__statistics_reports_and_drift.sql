-- The monthly statistics report of a municipality for a month, kept in the platform as sent.
CREATE TABLE statistics.monthly_report
(
    id           UUID PRIMARY KEY,
    municipality TEXT        NOT NULL,
    month        DATE        NOT NULL CHECK (extract(day FROM month) = 1),
    pdf          BYTEA       NOT NULL,
    xlsx         BYTEA       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    UNIQUE (municipality, month)
);

-- Who receives a municipality's monthly report by e-mail.
CREATE TABLE statistics.report_recipient
(
    municipality TEXT NOT NULL,
    email        TEXT NOT NULL CHECK (length(email) <= 254),
    PRIMARY KEY (municipality, email)
);

-- Granted product lines whose consumption drifted from the grant over the last three limit
-- periods, as last computed by the job statistics-consumption-drift (replaced on every run).
CREATE TABLE statistics.consumption_drift
(
    citizen_id     UUID    NOT NULL,
    line_id        UUID    NOT NULL,
    municipality   TEXT    NOT NULL,
    product_id     UUID    NOT NULL,
    kind           TEXT    NOT NULL CHECK (kind IN ('OVER_GRANTED', 'UNDER_GRANTED')),
    granted        INT     NOT NULL,
    period         TEXT    NOT NULL,
    first_period   DATE    NOT NULL,
    consumed       INT[]   NOT NULL,
    computed_on    DATE    NOT NULL,
    PRIMARY KEY (citizen_id, line_id)
);
CREATE INDEX consumption_drift_municipality ON statistics.consumption_drift (municipality);
