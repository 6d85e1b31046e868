-- An order cancelled after it was reserved: its reservations and shortages are released.
ALTER TABLE warehouse.fulfilment DROP CONSTRAINT fulfilment_status_check;
ALTER TABLE warehouse.fulfilment ADD CONSTRAINT fulfilment_status_check
    CHECK (status IN ('TO_PICK', 'PICKED', 'SHIPPED', 'DELIVERED', 'STOPPED', 'CANCELLED'));

-- The shortage list: what waits for stock, oldest order first.
CREATE INDEX backorder_product_idx ON warehouse.backorder (product_id);
