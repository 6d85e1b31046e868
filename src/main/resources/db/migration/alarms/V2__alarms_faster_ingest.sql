-- Ingest writes less per event.
-- Each event marks its device heard: with no index on last_heard_at (detection's silence test
-- computes last_heard_at + heartbeat, which no index serves) and room left on each page, that
-- update is a HOT update that touches no index.
DROP INDEX alarms.installed_device_silent;
ALTER TABLE alarms.installed_device SET (fillfactor = 70);

-- The idempotency key's own index on received_at cost one index entry per event; the nightly
-- retention's delete reads the table once instead.
DROP INDEX alarms.event_key_received;

-- A dose reported taken is a row of its own, written once by ingest and read by detection when
-- the dose's grace expires (it then settles the due dose as TAKEN or MISSED). Marking the due
-- dose itself rewrote a row with four indexes for most events.
CREATE TABLE alarms.dose_taken
(
    serial   TEXT        NOT NULL,
    due_at   TIMESTAMPTZ NOT NULL,
    taken_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (serial, due_at)
);
INSERT INTO alarms.dose_taken (serial, due_at, taken_at)
SELECT serial, due_at, taken_at FROM alarms.due_dose WHERE taken_at IS NOT NULL;
ALTER TABLE alarms.due_dose DROP COLUMN taken_at;
