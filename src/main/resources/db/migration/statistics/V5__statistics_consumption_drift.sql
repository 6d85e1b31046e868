-- What a delivered order brought a citizen, per product: the consumption that grants are compared with.
CREATE TABLE statistics.delivered_line
(
    order_id     UUID NOT NULL,
    product_id   UUID NOT NULL,
    citizen_id   UUID NOT NULL,
    municipality TEXT NOT NULL,
    delivered_on DATE NOT NULL,
    quantity     INT  NOT NULL,
    PRIMARY KEY (order_id, product_id)
);
CREATE INDEX delivered_line_citizen ON statistics.delivered_line (citizen_id, product_id, delivered_on);

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
