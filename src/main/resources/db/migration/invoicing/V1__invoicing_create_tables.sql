CREATE SCHEMA IF NOT EXISTS invoicing;

-- Who is invoiced: each municipality and region with the EAN/GLN number its e-invoices go to.
-- Master data of invoicing (the reference module knows the payers, not where invoices go).
CREATE TABLE invoicing.payer_account
(
    payer_kind TEXT NOT NULL CHECK (payer_kind IN ('MUNICIPALITY', 'REGION')),
    payer_code TEXT NOT NULL CHECK (payer_code ~ '^[0-9]{3,4}$'),
    gln        TEXT CHECK (gln ~ '^[0-9]{13}$'),
    PRIMARY KEY (payer_kind, payer_code)
);

-- Charge kinds billed without VAT, optionally only for one product: data, not code.
CREATE TABLE invoicing.vat_exemption
(
    kind       TEXT NOT NULL,
    product_id UUID,
    reason     TEXT NOT NULL,
    UNIQUE NULLS NOT DISTINCT (kind, product_id)
);

-- One row per billable fact, priced when recorded and never changed. source_key names the
-- fact (the event and its line), so an event delivered twice makes one charge.
CREATE TABLE invoicing.charge
(
    id               UUID PRIMARY KEY,
    source_key       TEXT          NOT NULL UNIQUE,
    kind             TEXT          NOT NULL CHECK (kind IN ('PRODUCT', 'HOLE_CUTTING', 'DELIVERY', 'SUPPORT',
                                                           'WORK_ORDER', 'DEVICE_LEASE', 'STORAGE', 'ALLOCATION')),
    payer_kind       TEXT          NOT NULL,
    payer_code       TEXT          NOT NULL,
    period           DATE          NOT NULL CHECK (extract(day from period) = 1),
    cause_type       TEXT          NOT NULL,
    cause_id         TEXT          NOT NULL,
    citizen_id       UUID,
    description      TEXT          NOT NULL,
    quantity         BIGINT        NOT NULL,
    quantity_unit    TEXT          NOT NULL,
    unit_price_ore   BIGINT        NOT NULL,
    price_unit       TEXT          NOT NULL,
    discount_percent NUMERIC(5, 2) NOT NULL DEFAULT 0,
    amount_ore       BIGINT        NOT NULL,
    price_basis      TEXT          NOT NULL,
    price_valid_from DATE,
    vat_exempt       BOOLEAN       NOT NULL,
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX charge_cause_idx ON invoicing.charge (cause_type, cause_id);
CREATE INDEX charge_period_idx ON invoicing.charge (period);

-- The leases heard from the devices module, billed month by month at the invoice run.
CREATE TABLE invoicing.lease
(
    lease_id          UUID PRIMARY KEY,
    device_serial     TEXT NOT NULL,
    model_id          UUID NOT NULL,
    citizen_id        UUID NOT NULL,
    municipality_code TEXT NOT NULL,
    starts_on         DATE NOT NULL,
    ends_on           DATE CHECK (ends_on >= starts_on)
);

-- Named, versioned shared costs: previewed, approved by a second finance user, then billed once
-- (months = 1) or spread over months from first_month.
CREATE TABLE invoicing.allocation
(
    id           UUID PRIMARY KEY,
    name         TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    version      INT     NOT NULL CHECK (version >= 1),
    amount_ore   BIGINT  NOT NULL CHECK (amount_ore > 0),
    allocation_key JSONB NOT NULL,
    first_month  DATE    NOT NULL CHECK (extract(day from first_month) = 1),
    months       INT     NOT NULL CHECK (months BETWEEN 1 AND 120),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by   TEXT    NOT NULL,
    approved_at  TIMESTAMP WITH TIME ZONE,
    approved_by  TEXT CHECK (approved_by <> created_by),
    UNIQUE (name, version)
);

-- Gapless numbers: one counter row per series, taken FOR UPDATE in the issuing transaction.
CREATE TABLE invoicing.number_series
(
    series TEXT PRIMARY KEY,
    last   BIGINT NOT NULL
);
INSERT INTO invoicing.number_series (series, last) VALUES ('INVOICE', 0), ('CREDIT_NOTE', 0);

-- One row per issued month: the second run of a month is refused.
CREATE TABLE invoicing.invoice_run
(
    month     DATE PRIMARY KEY CHECK (extract(day from month) = 1),
    issued_at TIMESTAMP WITH TIME ZONE NOT NULL,
    issued_by TEXT NOT NULL,
    invoices  INT  NOT NULL,
    charges   BIGINT NOT NULL
);

-- Invoices and credit notes; issued documents never change.
CREATE TABLE invoicing.invoice
(
    id           UUID PRIMARY KEY,
    document     TEXT   NOT NULL CHECK (document IN ('INVOICE', 'CREDIT_NOTE')),
    number       BIGINT NOT NULL,
    month        DATE   NOT NULL,
    payer_kind   TEXT   NOT NULL,
    payer_code   TEXT   NOT NULL,
    gln          TEXT   NOT NULL,
    credits      UUID REFERENCES invoicing.invoice (id),
    taxable_ore  BIGINT NOT NULL,
    exempt_ore   BIGINT NOT NULL,
    vat_ore      BIGINT NOT NULL,
    total_ore    BIGINT NOT NULL,
    issued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    issued_by    TEXT   NOT NULL,
    UNIQUE (document, number),
    CHECK ((document = 'CREDIT_NOTE') = (credits IS NOT NULL))
);
CREATE INDEX invoice_payer_idx ON invoicing.invoice (payer_kind, payer_code, month);

-- An invoice's lines: its charges grouped by kind, period (a late charge keeps its own) and VAT.
CREATE TABLE invoicing.invoice_line
(
    id          UUID PRIMARY KEY,
    invoice_id  UUID    NOT NULL REFERENCES invoicing.invoice (id),
    position    INT     NOT NULL,
    kind        TEXT    NOT NULL,
    period      DATE    NOT NULL,
    vat_exempt  BOOLEAN NOT NULL,
    charges     BIGINT  NOT NULL,
    amount_ore  BIGINT  NOT NULL,
    credits     UUID REFERENCES invoicing.invoice_line (id),
    UNIQUE (invoice_id, position)
);
CREATE INDEX invoice_line_credits_idx ON invoicing.invoice_line (credits);

-- Which invoice billed each charge: a charge is billed once.
CREATE TABLE invoicing.invoiced_charge
(
    charge_id  UUID PRIMARY KEY REFERENCES invoicing.charge (id),
    invoice_id UUID NOT NULL REFERENCES invoicing.invoice (id)
);
CREATE INDEX invoiced_charge_invoice_idx ON invoicing.invoiced_charge (invoice_id);
