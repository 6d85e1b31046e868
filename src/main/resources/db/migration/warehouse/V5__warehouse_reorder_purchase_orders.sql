-- When to order a product again: once its stock position (available + on order - waiting in the
-- shortage list) falls below reorder_point, reorder_quantity (or a multiple of it) is proposed.
CREATE TABLE warehouse.reorder_rule
(
    product_id       UUID PRIMARY KEY,
    reorder_point    INT  NOT NULL CHECK (reorder_point BETWEEN 0 AND 1000000),
    reorder_quantity INT  NOT NULL CHECK (reorder_quantity BETWEEN 1 AND 1000000),
    changed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by       TEXT NOT NULL
);

-- An order to a supplier (the assortment's, no foreign key), made by an administrator from a
-- reorder proposal; OPEN until every line is received in full.
CREATE SEQUENCE warehouse.purchase_order_seq START 1001;
CREATE TABLE warehouse.purchase_order
(
    id            UUID PRIMARY KEY,
    number        TEXT NOT NULL UNIQUE,
    supplier_id   UUID NOT NULL,
    supplier_name TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('OPEN', 'RECEIVED')),
    expected_date DATE NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    TEXT NOT NULL
);
CREATE INDEX purchase_order_status_idx ON warehouse.purchase_order (status, expected_date);

-- What is ordered of a product and how much of it has arrived; unit_price_ore is the assortment's
-- price on the day the order was made, where it has one.
CREATE TABLE warehouse.purchase_order_line
(
    purchase_order_id    UUID   NOT NULL REFERENCES warehouse.purchase_order (id),
    line                 INT    NOT NULL,
    product_id           UUID   NOT NULL,
    supplier_item_number TEXT   NOT NULL,
    ordered              INT    NOT NULL CHECK (ordered > 0),
    received             INT    NOT NULL DEFAULT 0 CHECK (received >= 0),
    unit_price_ore       BIGINT CHECK (unit_price_ore >= 0),
    PRIMARY KEY (purchase_order_id, line),
    UNIQUE (purchase_order_id, product_id)
);
CREATE INDEX purchase_order_line_product_idx ON warehouse.purchase_order_line (product_id);
