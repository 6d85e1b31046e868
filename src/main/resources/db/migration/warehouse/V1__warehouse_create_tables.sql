CREATE SCHEMA IF NOT EXISTS warehouse;

-- A place on a shelf; pickers walk the locations by walking_order.
CREATE TABLE warehouse.location
(
    code          TEXT PRIMARY KEY CHECK (code ~ '^[A-Z0-9-]{1,20}$'),
    zone          TEXT NOT NULL,
    aisle         TEXT NOT NULL,
    shelf         TEXT NOT NULL,
    bin           TEXT NOT NULL,
    walking_order INT  NOT NULL UNIQUE
);

-- What lies at a location of one product's lot. reserved is the part promised to orders;
-- available = on_hand - reserved. product_id is the assortment's (another module's: no foreign key).
CREATE TABLE warehouse.stock
(
    location_code TEXT NOT NULL REFERENCES warehouse.location (code),
    product_id    UUID NOT NULL,
    lot           TEXT NOT NULL,
    expiry        DATE NOT NULL,
    on_hand       INT  NOT NULL CHECK (on_hand >= 0),
    reserved      INT  NOT NULL CHECK (reserved >= 0),
    PRIMARY KEY (product_id, lot, location_code),
    CHECK (reserved <= on_hand)
);

-- Every movement of stock, never changed: receipt, reservation (and its release), pick, adjustment.
-- quantity is signed for on_hand (receipt, pick, adjustment) and for reserved (RESERVE).
CREATE TABLE warehouse.ledger_entry
(
    id            BIGSERIAL PRIMARY KEY,
    at            TIMESTAMP WITH TIME ZONE NOT NULL,
    by_user       TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('RECEIPT', 'RESERVE', 'PICK', 'ADJUSTMENT')),
    product_id    UUID NOT NULL,
    lot           TEXT NOT NULL,
    location_code TEXT NOT NULL,
    quantity      INT  NOT NULL,
    reason        TEXT NOT NULL,
    document      TEXT NOT NULL
);
CREATE INDEX ledger_entry_product_idx ON warehouse.ledger_entry (product_id, lot, id);

-- An accepted order the warehouse fulfils, with the facts it was accepted with. Its primary key
-- makes OrderAccepted's listener idempotent.
CREATE TABLE warehouse.fulfilment
(
    order_id          UUID PRIMARY KEY,
    citizen_id        UUID NOT NULL,
    municipality_code TEXT NOT NULL,
    paid_by           TEXT NOT NULL,
    delivery_date     DATE NOT NULL,
    postal_code       TEXT NOT NULL,
    city              TEXT NOT NULL,
    status            TEXT NOT NULL CHECK (status IN ('TO_PICK', 'PICKED', 'SHIPPED', 'DELIVERED')),
    accepted_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    carrier           TEXT,
    tracking_number   TEXT,
    shipped_at        TIMESTAMP WITH TIME ZONE,
    delivered_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX fulfilment_status_idx ON warehouse.fulfilment (status, delivery_date);

-- What an order line was promised from which lot at which location, and how much of it is picked.
CREATE TABLE warehouse.reservation
(
    order_id      UUID NOT NULL REFERENCES warehouse.fulfilment (order_id),
    line          INT  NOT NULL,
    product_id    UUID NOT NULL,
    lot           TEXT NOT NULL,
    location_code TEXT NOT NULL,
    quantity      INT  NOT NULL CHECK (quantity > 0),
    picked        INT  NOT NULL DEFAULT 0 CHECK (picked BETWEEN 0 AND quantity),
    PRIMARY KEY (order_id, line, product_id, lot, location_code),
    FOREIGN KEY (product_id, lot, location_code) REFERENCES warehouse.stock (product_id, lot, location_code)
);

-- The part of an order line no usable lot covered when the order was accepted.
CREATE TABLE warehouse.backorder
(
    order_id   UUID NOT NULL REFERENCES warehouse.fulfilment (order_id),
    line       INT  NOT NULL,
    product_id UUID NOT NULL,
    missing    INT  NOT NULL CHECK (missing > 0),
    PRIMARY KEY (order_id, line)
);
