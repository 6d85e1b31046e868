-- The days whose doses were counted per municipality and told to the other modules
-- (DosesCounted): a row per municipality and day, so a day is published once however often or on
-- however many instances the nightly count runs.
CREATE TABLE alarms.doses_counted
(
    municipality_code TEXT        NOT NULL,
    day               DATE        NOT NULL,
    due               BIGINT      NOT NULL,
    taken             BIGINT      NOT NULL,
    missed            BIGINT      NOT NULL,
    counted_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (day, municipality_code)
);

-- The nightly count reads one day's doses.
CREATE INDEX due_dose_due ON alarms.due_dose (due_at);
