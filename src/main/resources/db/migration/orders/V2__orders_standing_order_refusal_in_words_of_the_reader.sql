-- Why a standing order's last run placed nothing, as a message key of the orders bundle and its
-- arguments (like order_line's reason), so each reader gets it in their own language.
ALTER TABLE orders.standing_order DROP COLUMN last_error;
ALTER TABLE orders.standing_order ADD COLUMN last_refusal_key TEXT;
ALTER TABLE orders.standing_order ADD COLUMN last_refusal_args TEXT[];
