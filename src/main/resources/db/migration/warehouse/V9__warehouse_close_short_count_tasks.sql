-- CLOSED_SHORT: the supplier will not deliver the rest; what was received stays received, what is
-- outstanding no longer counts as on order. Who closed it, when and why.
ALTER TABLE warehouse.purchase_order DROP CONSTRAINT purchase_order_status_check;
ALTER TABLE warehouse.purchase_order ADD CONSTRAINT purchase_order_status_check
    CHECK (status IN ('OPEN', 'RECEIVED', 'CLOSED_SHORT'));
ALTER TABLE warehouse.purchase_order
    ADD COLUMN closed_at    TIMESTAMP WITH TIME ZONE,
    ADD COLUMN closed_by    TEXT,
    ADD COLUMN close_reason TEXT CHECK (length(close_reason) BETWEEN 1 AND 500),
    ADD CONSTRAINT purchase_order_closed_check
        CHECK ((status = 'CLOSED_SHORT') = (closed_at IS NOT NULL AND closed_by IS NOT NULL AND close_reason IS NOT NULL));

-- A lot at a location to count, because a picker found less there than the system believed
-- (expected: on hand after the short pick). DONE with what was counted and the difference booked
-- as an adjustment. At most one open task per product, lot and location.
CREATE TABLE warehouse.count_task
(
    id            UUID PRIMARY KEY,
    product_id    UUID NOT NULL,
    lot           TEXT NOT NULL,
    location_code TEXT NOT NULL REFERENCES warehouse.location (code),
    expected      INT  NOT NULL,
    reason        TEXT NOT NULL CHECK (reason IN ('DAMAGED', 'MISSING', 'WRONG_COUNT')),
    order_id      UUID NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('OPEN', 'DONE')),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    TEXT NOT NULL,
    counted       INT CHECK (counted >= 0),
    difference    INT,
    counted_at    TIMESTAMP WITH TIME ZONE,
    counted_by    TEXT,
    CHECK ((status = 'DONE') = (counted IS NOT NULL AND difference IS NOT NULL AND counted_at IS NOT NULL
        AND counted_by IS NOT NULL))
);
CREATE UNIQUE INDEX count_task_open_idx ON warehouse.count_task (product_id, lot, location_code) WHERE status = 'OPEN';
CREATE INDEX count_task_status_idx ON warehouse.count_task (status, created_at);
