CREATE SCHEMA IF NOT EXISTS orders;

-- An order of a citizen's, with the delivery address it was placed for.
-- order_date is the day (Danish time) the grants and limits were checked on.
CREATE TABLE orders.citizen_order
(
    id                UUID PRIMARY KEY,
    citizen_id        UUID NOT NULL,
    municipality_code TEXT NOT NULL,
    status            TEXT NOT NULL CHECK (status IN ('AWAITING_APPROVAL', 'ACCEPTED', 'PICKING', 'SHIPPED',
                                                      'DELIVERED', 'REJECTED', 'CANCELLED')),
    channel           TEXT NOT NULL CHECK (channel IN ('WEB', 'PHONE', 'STANDING_ORDER')),
    order_date        DATE NOT NULL,
    delivery_date     DATE,
    delivery_street   TEXT NOT NULL,
    delivery_postal_code TEXT NOT NULL,
    delivery_city     TEXT NOT NULL,
    standing_order_id UUID,
    placed_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    placed_by         TEXT NOT NULL
);
CREATE INDEX citizen_order_citizen_idx ON orders.citizen_order (citizen_id, order_date DESC);
CREATE INDEX citizen_order_awaiting_idx ON orders.citizen_order (municipality_code, placed_at)
    WHERE status = 'AWAITING_APPROVAL';

-- Every line as ordered, with what consumption control decided for it and why (a message code
-- of the orders bundle and its arguments, so each reader gets it in their language).
-- grant_line_id is the grant line it counts against (grants.grant_line, another module's: no foreign key).
CREATE TABLE orders.order_line
(
    order_id        UUID NOT NULL REFERENCES orders.citizen_order (id),
    position        INT  NOT NULL,
    product_id      UUID NOT NULL,
    quantity        INT  NOT NULL CHECK (quantity BETWEEN 1 AND 10000),
    hole_diameter_mm INT CHECK (hole_diameter_mm BETWEEN 1 AND 200),
    outcome         TEXT NOT NULL CHECK (outcome IN ('ACCEPTED', 'NEEDS_APPROVAL', 'REJECTED')),
    reason_code     TEXT,
    reason_args     TEXT[],
    replacement_product_id UUID,
    grant_line_id   UUID,
    PRIMARY KEY (order_id, position),
    CHECK ((outcome = 'REJECTED') = (grant_line_id IS NULL))
);

-- Every status an order has had: who moved it there, when and why.
CREATE TABLE orders.status_change
(
    id          BIGSERIAL PRIMARY KEY,
    order_id    UUID NOT NULL REFERENCES orders.citizen_order (id),
    from_status TEXT,
    to_status   TEXT NOT NULL,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    by_user     TEXT NOT NULL,
    reason      TEXT
);
CREATE INDEX status_change_order_idx ON orders.status_change (order_id, id);

-- Idempotency-Key: per caller, the key, a hash of the request it came with and the order it made.
CREATE TABLE orders.idempotency_key
(
    owner        TEXT  NOT NULL,
    key          TEXT  NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    request_hash BYTEA NOT NULL,
    order_id     UUID  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (owner, key)
);

-- The hole diameter a citizen's baseplate is cut to, as last ordered or measured.
CREATE TABLE orders.cut_size
(
    citizen_id  UUID NOT NULL,
    product_id  UUID NOT NULL,
    diameter_mm INT  NOT NULL CHECK (diameter_mm BETWEEN 1 AND 200),
    measured_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (citizen_id, product_id)
);

-- A repeating order: every every_weeks weeks from next_run_on, until ended.
CREATE TABLE orders.standing_order
(
    id           UUID PRIMARY KEY,
    citizen_id   UUID NOT NULL,
    every_weeks  INT  NOT NULL CHECK (every_weeks BETWEEN 1 AND 52),
    next_run_on  DATE NOT NULL,
    channel      TEXT NOT NULL CHECK (channel IN ('WEB', 'PHONE')),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by   TEXT NOT NULL,
    ended_at     TIMESTAMP WITH TIME ZONE,
    ended_by     TEXT,
    last_run_on  DATE,
    last_order_id UUID,
    last_error   TEXT
);
CREATE INDEX standing_order_due_idx ON orders.standing_order (next_run_on) WHERE ended_at IS NULL;
CREATE INDEX standing_order_citizen_idx ON orders.standing_order (citizen_id);

CREATE TABLE orders.standing_order_line
(
    standing_order_id UUID NOT NULL REFERENCES orders.standing_order (id),
    position          INT  NOT NULL,
    product_id        UUID NOT NULL,
    quantity          INT  NOT NULL CHECK (quantity BETWEEN 1 AND 10000),
    hole_diameter_mm  INT CHECK (hole_diameter_mm BETWEEN 1 AND 200),
    PRIMARY KEY (standing_order_id, position)
);
