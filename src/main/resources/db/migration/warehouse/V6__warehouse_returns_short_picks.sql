-- RETURN: a citizen's sealed, unexpired pack back on a shelf (on hand up). SCRAP: a returned pack
-- that cannot be used again; it never reaches a shelf, so its entry names the location SCRAP and
-- quantity counts the units scrapped. SHORT_PICK: less found than reserved at a location; on hand
-- and reserved go down by what was missing (quantity is the on-hand change).
ALTER TABLE warehouse.ledger_entry DROP CONSTRAINT ledger_entry_kind_check;
ALTER TABLE warehouse.ledger_entry ADD CONSTRAINT ledger_entry_kind_check
    CHECK (kind IN ('RECEIPT', 'RESERVE', 'PICK', 'ADJUSTMENT', 'RECALL', 'RETURN', 'SCRAP', 'SHORT_PICK'));

-- What a citizen sent back from a delivered order, and what became of it.
CREATE TABLE warehouse.stock_return
(
    id            UUID PRIMARY KEY,
    order_id      UUID NOT NULL REFERENCES warehouse.fulfilment (order_id),
    product_id    UUID NOT NULL,
    lot           TEXT NOT NULL,
    expiry        DATE NOT NULL,
    quantity      INT  NOT NULL CHECK (quantity > 0),
    condition     TEXT NOT NULL CHECK (condition IN ('SEALED', 'OPENED', 'DAMAGED')),
    outcome       TEXT NOT NULL CHECK (outcome IN ('RESTOCKED', 'SCRAPPED')),
    scrap_reason  TEXT CHECK (scrap_reason IN ('OPENED', 'DAMAGED', 'EXPIRED', 'RECALLED')),
    location_code TEXT REFERENCES warehouse.location (code),
    returned_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    returned_by   TEXT NOT NULL,
    CHECK ((outcome = 'RESTOCKED') = (location_code IS NOT NULL AND scrap_reason IS NULL))
);
CREATE INDEX stock_return_order_idx ON warehouse.stock_return (order_id, product_id, lot);

-- A return names its parcel by the tracking number on the label.
CREATE INDEX fulfilment_tracking_number_idx ON warehouse.fulfilment (tracking_number);
