-- The recipient as the packing slip names them, read once through the citizens' system path when
-- the order is accepted (never the CPR number); the shipment the pick was packed into, and the
-- carrier's failed delivery attempts (two or more: an agent calls the citizen).
ALTER TABLE warehouse.fulfilment
    ADD COLUMN recipient_name  TEXT,
    ADD COLUMN street          TEXT,
    ADD COLUMN shipment_id     UUID UNIQUE,
    ADD COLUMN failed_attempts INT NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0);

-- A baseplate ordered with a hole size is cut before packing; each cut plate is billed.
CREATE TABLE warehouse.cutting_task
(
    order_id    UUID NOT NULL REFERENCES warehouse.fulfilment (order_id),
    line        INT  NOT NULL,
    product_id  UUID NOT NULL,
    diameter_mm INT  NOT NULL CHECK (diameter_mm > 0),
    quantity    INT  NOT NULL CHECK (quantity > 0),
    cut_at      TIMESTAMP WITH TIME ZONE,
    cut_by      TEXT,
    PRIMARY KEY (order_id, line)
);
CREATE INDEX cutting_task_open_idx ON warehouse.cutting_task (order_id) WHERE cut_at IS NULL;

-- What the carrier reported, once per carrier event id: a repeated report is answered with the
-- answer stored here, whatever it says the second time.
CREATE TABLE warehouse.carrier_event
(
    carrier_event_id TEXT PRIMARY KEY CHECK (length(carrier_event_id) BETWEEN 1 AND 100),
    shipment_id      UUID NOT NULL REFERENCES warehouse.fulfilment (shipment_id),
    type             TEXT NOT NULL CHECK (type IN ('PICKED_UP', 'OUT_FOR_DELIVERY', 'DELIVERED', 'FAILED_ATTEMPT',
                                                   'RETURNED')),
    occurred_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    note             TEXT,
    received_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    reported_by      TEXT NOT NULL,
    answer           TEXT NOT NULL
);
CREATE INDEX carrier_event_shipment_idx ON warehouse.carrier_event (shipment_id, occurred_at);

-- Tracking numbers of packed shipments: FSC and ten digits.
CREATE SEQUENCE warehouse.tracking_number_seq START 1000000001;
