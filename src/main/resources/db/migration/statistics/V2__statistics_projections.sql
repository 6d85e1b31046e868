-- Projections fed by other modules' events (never their tables). Each row is keyed by the id of
-- what caused it, so a redelivered event changes nothing (listeners are at-least-once).

-- An order as the orders module's events tell it: placed, its status, delivered.
CREATE TABLE statistics.order_fact
(
    order_id     UUID PRIMARY KEY,
    citizen_id   UUID        NOT NULL,
    municipality TEXT        NOT NULL,
    order_date   DATE        NOT NULL,
    status       TEXT        NOT NULL,
    items        INT         NOT NULL DEFAULT 0,
    delivered_at TIMESTAMPTZ
);
CREATE INDEX order_fact_municipality_date ON statistics.order_fact (municipality, order_date);
CREATE INDEX order_fact_awaiting ON statistics.order_fact (municipality) WHERE status = 'AWAITING_APPROVAL';

-- A grant: made (counted from the day the event was heard) and, when it ends, its last day.
CREATE TABLE statistics.grant_fact
(
    grant_id     UUID PRIMARY KEY,
    citizen_id   UUID NOT NULL,
    municipality TEXT NOT NULL,
    made_on      DATE NOT NULL,
    ends_on      DATE
);
CREATE INDEX grant_fact_municipality ON statistics.grant_fact (municipality);

-- A support contact in its newest revision.
CREATE TABLE statistics.contact_fact
(
    contact_id   UUID PRIMARY KEY,
    revision     INT  NOT NULL,
    payer_kind   TEXT NOT NULL,
    payer_code   TEXT NOT NULL,
    topic        TEXT NOT NULL,
    minutes      INT  NOT NULL,
    contact_date DATE NOT NULL
);
CREATE INDEX contact_fact_payer_date ON statistics.contact_fact (payer_code, contact_date);

-- A completed work order of field service.
CREATE TABLE statistics.work_order_fact
(
    work_order_id UUID PRIMARY KEY,
    municipality  TEXT    NOT NULL,
    type          TEXT    NOT NULL,
    minutes       INT     NOT NULL,
    missed_target BOOLEAN NOT NULL,
    completed_on  DATE    NOT NULL
);
CREATE INDEX work_order_fact_municipality_date ON statistics.work_order_fact (municipality, completed_on);
