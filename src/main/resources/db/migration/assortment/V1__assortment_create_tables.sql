CREATE SCHEMA IF NOT EXISTS assortment;

-- Product areas (stoma, urology, ...). A DEVICE area holds device models that are leased, not
-- sold (medication dispensers, telehealth); its products carry their functions.
CREATE TABLE assortment.area
(
    code    TEXT PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    name_da TEXT NOT NULL CHECK (length(name_da) BETWEEN 1 AND 100),
    name_en TEXT NOT NULL CHECK (length(name_en) BETWEEN 1 AND 100),
    kind    TEXT NOT NULL CHECK (kind IN ('PRODUCT', 'DEVICE'))
);

-- Product groups within an area. Products of a group with hole_cutting may carry a range of
-- hole diameters that the warehouse can cut (stoma baseplates).
CREATE TABLE assortment.product_group
(
    code         TEXT PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,59}$'),
    area_code    TEXT    NOT NULL REFERENCES assortment.area (code),
    name_da      TEXT    NOT NULL CHECK (length(name_da) BETWEEN 1 AND 100),
    name_en      TEXT    NOT NULL CHECK (length(name_en) BETWEEN 1 AND 100),
    hole_cutting BOOLEAN NOT NULL DEFAULT FALSE,
    UNIQUE (code, area_code)
);

-- What a device model can do; later modules match these against a citizen's needs.
CREATE TABLE assortment.device_function
(
    code    TEXT PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,59}$'),
    name_da TEXT NOT NULL,
    name_en TEXT NOT NULL
);

CREATE TABLE assortment.supplier
(
    id            UUID PRIMARY KEY,
    name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    cvr           TEXT NOT NULL UNIQUE CHECK (cvr ~ '^[0-9]{8}$'),
    gln           TEXT CHECK (gln ~ '^[0-9]{13}$'),
    contact_name  TEXT CHECK (length(contact_name) <= 200),
    contact_email TEXT CHECK (length(contact_email) <= 254),
    contact_phone TEXT CHECK (contact_phone ~ '^[0-9]{8}$')
);
CREATE UNIQUE INDEX supplier_name_uq ON assortment.supplier (lower(name));

-- Products and device models. item_number is FSC's own; the supplier's number is unique per
-- supplier. A group, when given, belongs to the product's area (the composite key says so).
CREATE TABLE assortment.product
(
    id                   UUID PRIMARY KEY,
    item_number          TEXT    NOT NULL UNIQUE CHECK (item_number ~ '^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$'),
    supplier_id          UUID    NOT NULL REFERENCES assortment.supplier (id),
    supplier_item_number TEXT    NOT NULL CHECK (length(supplier_item_number) BETWEEN 1 AND 40),
    gtin                 TEXT UNIQUE CHECK (gtin ~ '^([0-9]{8}|[0-9]{12,14})$'),
    name                 TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description          TEXT    NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
    area_code            TEXT    NOT NULL REFERENCES assortment.area (code),
    group_code           TEXT,
    iso_code             TEXT CHECK (iso_code ~ '^[0-9]{2}( [0-9]{2}){0,2}$'),
    unit                 TEXT    NOT NULL CHECK (length(unit) BETWEEN 1 AND 20),
    pack_size            INT     NOT NULL CHECK (pack_size BETWEEN 1 AND 100000),
    active_from          DATE    NOT NULL,
    active_to            DATE CHECK (active_to >= active_from),
    replaced_by          UUID REFERENCES assortment.product (id) CHECK (replaced_by <> id),
    hole_min_mm          INT,
    hole_max_mm          INT,
    device_functions     TEXT[],
    dose_slots           INT CHECK (dose_slots BETWEEN 1 AND 1000),
    UNIQUE (supplier_id, supplier_item_number),
    FOREIGN KEY (group_code, area_code) REFERENCES assortment.product_group (code, area_code),
    CHECK ((hole_min_mm IS NULL) = (hole_max_mm IS NULL)),
    CHECK (hole_min_mm > 0 AND hole_min_mm <= hole_max_mm),
    CHECK (replaced_by IS NULL OR active_to IS NOT NULL),
    CHECK (dose_slots IS NULL OR device_functions IS NOT NULL)
);
CREATE INDEX product_area_idx ON assortment.product (area_code, name);
CREATE INDEX product_group_idx ON assortment.product (group_code, name);
CREATE INDEX product_name_idx ON assortment.product (lower(name));

-- A product's price in øre from a date on. Rows are only ever added: the price valid on a
-- date is the one with the latest valid_from on or before it, so a new price never alters the past.
CREATE TABLE assortment.price
(
    product_id  UUID   NOT NULL REFERENCES assortment.product (id),
    valid_from  DATE   NOT NULL,
    price_ore   BIGINT NOT NULL CHECK (price_ore >= 0),
    source      TEXT   NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by TEXT   NOT NULL,
    PRIMARY KEY (product_id, valid_from)
);

CREATE TABLE assortment.contract
(
    id               UUID PRIMARY KEY,
    tender_reference TEXT          NOT NULL CHECK (length(tender_reference) BETWEEN 1 AND 100),
    supplier_id      UUID          NOT NULL REFERENCES assortment.supplier (id),
    valid_from       DATE          NOT NULL,
    valid_to         DATE          NOT NULL CHECK (valid_to >= valid_from),
    discount_percent NUMERIC(5, 2) NOT NULL CHECK (discount_percent BETWEEN 0 AND 100),
    notes            TEXT          NOT NULL DEFAULT '' CHECK (length(notes) <= 4000),
    UNIQUE (supplier_id, tender_reference)
);
CREATE INDEX contract_valid_to_idx ON assortment.contract (valid_to);

CREATE TABLE assortment.contract_area
(
    contract_id UUID NOT NULL REFERENCES assortment.contract (id) ON DELETE CASCADE,
    area_code   TEXT NOT NULL REFERENCES assortment.area (code),
    PRIMARY KEY (contract_id, area_code)
);

-- The kinds of rate FSC charges, each per a unit (minute, hour, plate, shipment, ...).
-- per_model: the rate is set per device model (the lease).
CREATE TABLE assortment.service_rate_kind
(
    code      TEXT PRIMARY KEY,
    unit      TEXT    NOT NULL,
    per_model BOOLEAN NOT NULL,
    position  INT     NOT NULL UNIQUE
);

-- A rate in øre from a date on, like prices: only added, never changed. demo_figure marks the
-- plausible figures of the demo data, for which the sources give no amount.
CREATE TABLE assortment.service_rate
(
    kind        TEXT    NOT NULL REFERENCES assortment.service_rate_kind (code),
    product_id  UUID REFERENCES assortment.product (id),
    valid_from  DATE    NOT NULL,
    amount_ore  BIGINT  NOT NULL CHECK (amount_ore >= 0),
    demo_figure BOOLEAN NOT NULL DEFAULT FALSE,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by TEXT    NOT NULL,
    UNIQUE NULLS NOT DISTINCT (kind, product_id, valid_from)
);

INSERT INTO assortment.area (code, name_da, name_en, kind)
VALUES ('STOMA', 'Stomi', 'Stoma', 'PRODUCT'),
       ('UROLOGY', 'Urologi', 'Urology', 'PRODUCT'),
       ('CONTINENCE', 'Kontinens', 'Continence', 'PRODUCT'),
       ('DIABETES', 'Diabetes', 'Diabetes', 'PRODUCT'),
       ('DISPENSER', 'Medicindispensere', 'Medication dispensers', 'DEVICE'),
       ('TELEHEALTH', 'Telesundhed', 'Telehealth', 'DEVICE');

INSERT INTO assortment.product_group (code, area_code, name_da, name_en, hole_cutting)
VALUES ('STOMA_BAG_ONE_PIECE', 'STOMA', 'Stomiposer, 1-delt', 'Stoma bags, one-piece', FALSE),
       ('STOMA_BAG_TWO_PIECE', 'STOMA', 'Stomiposer, 2-delt', 'Stoma bags, two-piece', FALSE),
       ('STOMA_BASEPLATE', 'STOMA', 'Basisplader', 'Baseplates', TRUE),
       ('STOMA_ACCESSORY', 'STOMA', 'Stomitilbehør', 'Stoma accessories', FALSE),
       ('UROLOGY_CATHETER', 'UROLOGY', 'Katetre', 'Catheters', FALSE),
       ('UROLOGY_URINE_BAG', 'UROLOGY', 'Urinposer', 'Urine bags', FALSE),
       ('CONTINENCE_PAD', 'CONTINENCE', 'Bleer og indlæg', 'Pads and briefs', FALSE),
       ('DIABETES_TEST_STRIP', 'DIABETES', 'Teststrimler', 'Test strips', FALSE),
       ('DIABETES_LANCET', 'DIABETES', 'Lancetter', 'Lancets', FALSE),
       ('DISPENSER_MODEL', 'DISPENSER', 'Dispensermodeller', 'Dispenser models', FALSE),
       ('TELEHEALTH_KIT', 'TELEHEALTH', 'Telesundhedssæt', 'Telehealth kits', FALSE);

INSERT INTO assortment.device_function (code, name_da, name_en)
VALUES ('REMINDER_SOUND', 'Påmindelse med lyd', 'Reminder sound'),
       ('REMINDER_LIGHT', 'Påmindelse med lys', 'Reminder light'),
       ('LOCKED_COMPARTMENTS', 'Låste rum', 'Locked compartments'),
       ('REMOTE_MONITORING', 'Fjernovervågning', 'Remote monitoring'),
       ('ALARM', 'Alarm ved manglende indtagelse', 'Alarm when a dose is missed'),
       ('MOBILE_NETWORK', 'Eget mobilnet', 'Own mobile connection'),
       ('BLOOD_PRESSURE', 'Måler blodtryk', 'Measures blood pressure'),
       ('OXYGEN_SATURATION', 'Måler iltmætning', 'Measures oxygen saturation'),
       ('WEIGHT', 'Vægt', 'Weighs'),
       ('VIDEO_CALL', 'Videokonsultation', 'Video consultation');

INSERT INTO assortment.service_rate_kind (code, unit, per_model, position)
VALUES ('SUPPORT', 'MINUTE', FALSE, 1),
       ('SERVICE', 'HOUR', FALSE, 2),
       ('SETUP', 'HOUR', FALSE, 3),
       ('TAKEDOWN', 'HOUR', FALSE, 4),
       ('ON_SITE_SUPPORT', 'HOUR', FALSE, 5),
       ('CONSULTANCY', 'HOUR', FALSE, 6),
       ('HOLE_CUTTING', 'PLATE', FALSE, 7),
       ('DELIVERY', 'SHIPMENT', FALSE, 8),
       ('STORAGE', 'UNIT_MONTH', FALSE, 9),
       ('DEVICE_LEASE', 'MONTH', TRUE, 10),
       ('BASE_CONTRIBUTION', 'YEAR', FALSE, 11);
