-- A delivery route: the carrier drives it on its weekdays (ISO 1 = Monday .. 7 = Sunday) to the
-- postal codes it covers. A postal code belongs to one route at most.
CREATE TABLE warehouse.delivery_route
(
    id       UUID PRIMARY KEY,
    name     TEXT  NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 60),
    weekdays INT[] NOT NULL CHECK (cardinality(weekdays) BETWEEN 1 AND 7 AND weekdays <@ ARRAY [1, 2, 3, 4, 5, 6, 7])
);

CREATE TABLE warehouse.route_postal_code
(
    postal_code TEXT PRIMARY KEY CHECK (postal_code ~ '^[0-9]{4}$'),
    route_id    UUID NOT NULL REFERENCES warehouse.delivery_route (id) ON DELETE CASCADE
);
CREATE INDEX route_postal_code_route_idx ON warehouse.route_postal_code (route_id);

-- An order the orders module cancelled before the warehouse heard it was accepted (the events
-- may arrive in either order): its acceptance, when it comes, reserves nothing.
CREATE TABLE warehouse.cancelled_order
(
    order_id     UUID PRIMARY KEY,
    cancelled_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The day's pick lists read the orders to pick by delivery date.
CREATE INDEX fulfilment_to_pick_day_idx ON warehouse.fulfilment (delivery_date) WHERE status = 'TO_PICK';
