-- Projections of the devices', alarms' and invoicing's events (never their tables), keyed by the
-- id of what caused each row, so a redelivered event changes nothing.

-- A device's lease to a municipality: from its first day to its last (null while it runs).
CREATE TABLE statistics.lease_fact
(
    lease_id     UUID PRIMARY KEY,
    municipality TEXT NOT NULL,
    model_id     UUID NOT NULL,
    starts_on    DATE NOT NULL,
    ends_on      DATE
);
CREATE INDEX lease_fact_municipality ON statistics.lease_fact (municipality, starts_on);

-- A lease's services (the service level) from a day on: the names of DeviceService in
-- alphabetical order, joined by commas ('' for the basic service only); of two changes from the
-- same day the one recorded last holds.
CREATE TABLE statistics.lease_services
(
    lease_id    UUID        NOT NULL,
    from_day    DATE        NOT NULL,
    services    TEXT        NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (lease_id, from_day)
);

-- An alarm: raised, and its times when closed. Minutes are measured from due_at, as the alarms'
-- own follow-up does.
CREATE TABLE statistics.alarm_fact
(
    alarm_id        UUID PRIMARY KEY,
    municipality    TEXT        NOT NULL,
    kind            TEXT        NOT NULL,
    due_at          TIMESTAMPTZ NOT NULL,
    raised_at       TIMESTAMPTZ NOT NULL,
    acknowledged_at TIMESTAMPTZ,
    closed_at       TIMESTAMPTZ
);
CREATE INDEX alarm_fact_raised_day ON statistics.alarm_fact (((raised_at AT TIME ZONE 'Europe/Copenhagen')::date));
CREATE INDEX alarm_fact_closed_day ON statistics.alarm_fact (((closed_at AT TIME ZONE 'Europe/Copenhagen')::date))
    WHERE closed_at IS NOT NULL;

-- A municipality's doses of a day, as counted last; fact_id is derived from both.
CREATE TABLE statistics.dose_fact
(
    fact_id      UUID PRIMARY KEY,
    municipality TEXT   NOT NULL,
    day          DATE   NOT NULL,
    due          BIGINT NOT NULL,
    taken        BIGINT NOT NULL,
    missed       BIGINT NOT NULL,
    counted_at   TIMESTAMPTZ NOT NULL,
    UNIQUE (day, municipality)
);

-- An invoice or credit note and its amounts per kind without VAT (a credit note's negative).
CREATE TABLE statistics.invoice_fact
(
    document_id UUID PRIMARY KEY,
    document    TEXT   NOT NULL CHECK (document IN ('INVOICE', 'CREDIT_NOTE')),
    number      BIGINT NOT NULL,
    payer_kind  TEXT   NOT NULL,
    payer_code  TEXT   NOT NULL,
    month       DATE   NOT NULL,
    issued_on   DATE   NOT NULL,
    vat_ore     BIGINT NOT NULL,
    total_ore   BIGINT NOT NULL
);
CREATE INDEX invoice_fact_issued ON statistics.invoice_fact (issued_on);

CREATE TABLE statistics.invoice_amount
(
    document_id UUID   NOT NULL REFERENCES statistics.invoice_fact (document_id),
    kind        TEXT   NOT NULL,
    amount_ore  BIGINT NOT NULL,
    PRIMARY KEY (document_id, kind)
);

-- The figures of the new facts join those of V3's facts, whose view keeps its definition under
-- another name (rebuild_monthly_figures and the listeners read fact_figure). Devices in use are
-- a state over days, not a sum of days, so they are counted from lease_fact for each period; a
-- region's invoices are summed for the region's scope only, so the municipalities' figures hold
-- municipalities' invoices.
ALTER VIEW statistics.fact_figure RENAME TO order_contact_work_figure;
CREATE VIEW statistics.fact_figure AS
SELECT *
FROM statistics.order_contact_work_figure
UNION ALL
SELECT 'alarm-raised', a.alarm_id, a.municipality, (a.raised_at AT TIME ZONE 'Europe/Copenhagen')::date,
       'alarmsRaised', 1::bigint
FROM statistics.alarm_fact a
UNION ALL
SELECT 'alarm-closed', a.alarm_id, a.municipality, (a.closed_at AT TIME ZONE 'Europe/Copenhagen')::date,
       v.metric, v.value
FROM statistics.alarm_fact a
         CROSS JOIN LATERAL (VALUES ('alarmsClosed', 1::bigint),
                                    ('acknowledgeSecondsSum', extract(epoch FROM a.acknowledged_at - a.due_at)::bigint),
                                    ('closeSecondsSum', extract(epoch FROM a.closed_at - a.due_at)::bigint)) v(metric, value)
WHERE a.closed_at IS NOT NULL
UNION ALL
SELECT 'doses', d.fact_id, d.municipality, d.day, v.metric, v.value
FROM statistics.dose_fact d
         CROSS JOIN LATERAL (VALUES ('dosesDue', d.due), ('dosesTaken', d.taken), ('dosesMissed', d.missed)) v(metric, value)
UNION ALL
SELECT 'invoice', f.document_id, f.payer_code, f.issued_on, v.metric, v.value
FROM statistics.invoice_fact f
         JOIN statistics.invoice_amount a ON a.document_id = f.document_id
         CROSS JOIN LATERAL (VALUES ('invoicedOre', a.amount_ore), ('invoicedOre:' || a.kind, a.amount_ore)) v(metric, value)
WHERE f.payer_kind = 'MUNICIPALITY';
