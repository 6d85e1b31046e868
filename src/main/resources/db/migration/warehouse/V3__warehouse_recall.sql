-- A lot the supplier recalled: never reserved, picked or received again.
CREATE TABLE warehouse.recall
(
    product_id      UUID NOT NULL,
    lot             TEXT NOT NULL,
    supplier_notice TEXT NOT NULL,
    notice_date     DATE NOT NULL,
    reason          TEXT NOT NULL,
    recalled_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    recalled_by     TEXT NOT NULL,
    PRIMARY KEY (product_id, lot)
);

-- A shipment of a recalled lot the carrier had not delivered: stopped.
ALTER TABLE warehouse.fulfilment DROP CONSTRAINT fulfilment_status_check;
ALTER TABLE warehouse.fulfilment ADD CONSTRAINT fulfilment_status_check
    CHECK (status IN ('TO_PICK', 'PICKED', 'SHIPPED', 'DELIVERED', 'STOPPED'));

-- Who received a recalled lot, for their municipality's caseworkers (no CPR number).
CREATE TABLE warehouse.recall_recipient
(
    product_id        UUID NOT NULL,
    lot               TEXT NOT NULL,
    order_id          UUID NOT NULL REFERENCES warehouse.fulfilment (order_id),
    citizen_id        UUID NOT NULL,
    citizen_name      TEXT,
    municipality_code TEXT NOT NULL,
    delivered_on      DATE NOT NULL,
    quantity          INT  NOT NULL,
    PRIMARY KEY (product_id, lot, order_id),
    FOREIGN KEY (product_id, lot) REFERENCES warehouse.recall (product_id, lot)
);
CREATE INDEX recall_recipient_municipality_idx ON warehouse.recall_recipient (municipality_code);

-- RECALL: a recalled lot's reservation released (quantity: the reserved units released).
ALTER TABLE warehouse.ledger_entry DROP CONSTRAINT ledger_entry_kind_check;
ALTER TABLE warehouse.ledger_entry ADD CONSTRAINT ledger_entry_kind_check
    CHECK (kind IN ('RECEIPT', 'RESERVE', 'PICK', 'ADJUSTMENT', 'RECALL'));
