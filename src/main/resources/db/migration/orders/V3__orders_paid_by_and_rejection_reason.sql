-- Who pays for the order: the citizen's municipality, or during a move's transition the
-- municipality the grants module's transition rule names. Orders before this were paid by
-- the municipality they were placed in.
ALTER TABLE orders.citizen_order ADD COLUMN paid_by TEXT;
UPDATE orders.citizen_order SET paid_by = municipality_code;
ALTER TABLE orders.citizen_order ALTER COLUMN paid_by SET NOT NULL;

-- The caseworker's reason for a rejection, shown to the citizen and the agent with the order.
ALTER TABLE orders.citizen_order ADD COLUMN rejection_reason TEXT CHECK (length(rejection_reason) <= 500);
UPDATE orders.citizen_order o SET rejection_reason = (
    SELECT s.reason FROM orders.status_change s WHERE s.order_id = o.id AND s.to_status = 'REJECTED'
    ORDER BY s.id DESC LIMIT 1)
WHERE o.status = 'REJECTED';

