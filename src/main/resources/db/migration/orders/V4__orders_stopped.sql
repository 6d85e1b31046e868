-- A shipped order the warehouse stopped before delivery (a recall of a lot in it).
ALTER TABLE orders.citizen_order DROP CONSTRAINT citizen_order_status_check;
ALTER TABLE orders.citizen_order ADD CONSTRAINT citizen_order_status_check
    CHECK (status IN ('AWAITING_APPROVAL', 'ACCEPTED', 'PICKING', 'SHIPPED', 'DELIVERED', 'REJECTED', 'CANCELLED',
                      'STOPPED'));
