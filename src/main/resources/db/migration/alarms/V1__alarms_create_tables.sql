CREATE SCHEMA IF NOT EXISTS alarms;

-- A dispenser vendor's system: its API key (by the key's name in identity) and the secrets its
-- batches are signed with (Standard Webhooks). During a rotation both secrets are valid.
CREATE TABLE alarms.vendor
(
    code            TEXT PRIMARY KEY CHECK (code ~ '^[a-z0-9-]{2,40}$'),
    api_key_name    TEXT        NOT NULL UNIQUE,
    secret          TEXT        NOT NULL,
    previous_secret TEXT,
    changed_at      TIMESTAMPTZ NOT NULL,
    changed_by      TEXT        NOT NULL
);

-- The projection of installed devices, fed by the devices module's lease events.
CREATE TABLE alarms.installed_device
(
    serial                   TEXT PRIMARY KEY,
    lease_id                 UUID        NOT NULL,
    citizen_id               UUID        NOT NULL,
    municipality_code        TEXT        NOT NULL,
    services                 TEXT[]      NOT NULL,
    started_on               DATE        NOT NULL,
    ended_on                 DATE,
    last_heard_at            TIMESTAMPTZ NOT NULL,
    heartbeat_minutes        INT         NOT NULL DEFAULT 60 CHECK (heartbeat_minutes BETWEEN 5 AND 1440),
    refill_requested         BOOLEAN     NOT NULL DEFAULT FALSE,
    service_requested_at     TIMESTAMPTZ,
    silence_noted_at         TIMESTAMPTZ
);
CREATE INDEX installed_device_citizen ON alarms.installed_device (citizen_id);
CREATE INDEX installed_device_silent ON alarms.installed_device (last_heard_at) WHERE ended_on IS NULL;

-- A citizen's pauses (devices' CitizenPaused): no alarms from..to (Danish days, both included).
CREATE TABLE alarms.pause
(
    pause_id   UUID PRIMARY KEY,
    citizen_id UUID    NOT NULL,
    from_day   DATE    NOT NULL,
    to_day     DATE    NOT NULL,
    cancelled  BOOLEAN NOT NULL
);
CREATE INDEX pause_citizen ON alarms.pause (citizen_id);

-- Every event a vendor sent, partitioned by the month it was received. Partitions are created
-- ahead by the device-event-partitions job; the default partition catches anything else, so no
-- event is ever refused for want of a partition.
CREATE TABLE alarms.device_event
(
    received_at   TIMESTAMPTZ NOT NULL,
    vendor        TEXT        NOT NULL,
    event_id      TEXT        NOT NULL,
    serial        TEXT        NOT NULL,
    type          TEXT        NOT NULL,
    known_type    BOOLEAN     NOT NULL,
    device_time   TIMESTAMPTZ NOT NULL,
    due_at        TIMESTAMPTZ,
    installed     BOOLEAN     NOT NULL,
    citizen_id    UUID,
    payload       JSONB       NOT NULL
) PARTITION BY RANGE (received_at);
CREATE TABLE alarms.device_event_default PARTITION OF alarms.device_event DEFAULT;
CREATE INDEX device_event_serial ON alarms.device_event (serial, device_time);

-- Idempotency across partitions: one row per vendor and event id, kept as long as the events.
CREATE TABLE alarms.event_key
(
    vendor      TEXT        NOT NULL,
    event_id    TEXT        NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (vendor, event_id)
);
CREATE INDEX event_key_received ON alarms.event_key (received_at);

-- The month's partition, created by the owner of the schema (the application may not create
-- tables). Rows of that month already in the default partition move into it.
CREATE FUNCTION alarms.ensure_event_partition(month DATE) RETURNS BOOLEAN
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    first_day DATE := date_trunc('month', month)::date;
    next_day  DATE := (date_trunc('month', month) + INTERVAL '1 month')::date;
    name      TEXT := 'device_event_' || to_char(first_day, 'YYYY_MM');
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('alarms.device_event partitions'));
    IF EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE n.nspname = 'alarms' AND c.relname = name) THEN
        RETURN FALSE;
    END IF;
    CREATE TEMP TABLE moved_events ON COMMIT DROP AS
        SELECT * FROM alarms.device_event_default
        WHERE received_at >= first_day AND received_at < next_day;
    DELETE FROM alarms.device_event_default WHERE received_at >= first_day AND received_at < next_day;
    EXECUTE format('CREATE TABLE alarms.%I PARTITION OF alarms.device_event FOR VALUES FROM (%L) TO (%L)',
                   name, first_day, next_day);
    INSERT INTO alarms.device_event SELECT * FROM moved_events;
    DROP TABLE moved_events;
    RETURN TRUE;
END;
$$;

-- Drops the monthly partitions that end on or before the cut-off; returns how many.
CREATE FUNCTION alarms.drop_event_partitions_before(cutoff DATE) RETURNS INT
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    part    RECORD;
    dropped INT := 0;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('alarms.device_event partitions'));
    FOR part IN SELECT c.relname FROM pg_inherits i
                    JOIN pg_class c ON c.oid = i.inhrelid
                    JOIN pg_class p ON p.oid = i.inhparent
                    JOIN pg_namespace n ON n.oid = p.relnamespace
                WHERE n.nspname = 'alarms' AND p.relname = 'device_event'
                  AND c.relname ~ '^device_event_[0-9]{4}_[0-9]{2}$'
        LOOP
            IF (to_date(substr(part.relname, 14), 'YYYY_MM') + INTERVAL '1 month')::date <= cutoff THEN
                EXECUTE format('DROP TABLE alarms.%I', part.relname);
                dropped := dropped + 1;
            END IF;
        END LOOP;
    DELETE FROM alarms.device_event_default WHERE received_at < cutoff;
    DELETE FROM alarms.event_key WHERE received_at < cutoff;
    RETURN dropped;
END;
$$;

-- A citizen's dose times at one device (Danish wall-clock times) with the grace period.
CREATE TABLE alarms.dose_schedule
(
    serial        TEXT PRIMARY KEY,
    citizen_id    UUID        NOT NULL,
    dose_times    TIME[]      NOT NULL,
    grace_minutes INT         NOT NULL CHECK (grace_minutes BETWEEN 0 AND 240),
    changed_at    TIMESTAMPTZ NOT NULL,
    changed_by    TEXT        NOT NULL
);

-- One dose due at one moment: the durable state detection works from. PENDING until taken,
-- or until grace_until passes (MISSED). alarm tells whether the miss raised an alarm.
CREATE TABLE alarms.due_dose
(
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    serial            TEXT        NOT NULL,
    citizen_id        UUID        NOT NULL,
    municipality_code TEXT        NOT NULL,
    due_at            TIMESTAMPTZ NOT NULL,
    grace_until       TIMESTAMPTZ NOT NULL,
    state             TEXT        NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'TAKEN', 'MISSED', 'CANCELLED')),
    taken_at          TIMESTAMPTZ,
    device_said_missed BOOLEAN    NOT NULL DEFAULT FALSE,
    UNIQUE (serial, due_at)
);
CREATE INDEX due_dose_pending ON alarms.due_dose (grace_until) WHERE state = 'PENDING';
CREATE INDEX due_dose_citizen ON alarms.due_dose (citizen_id, due_at);

-- A municipality's response plan: who answers first, escalation delays per level (minutes from
-- the alarm), and the outbound channels. Municipalities without a row get the default plan.
CREATE TABLE alarms.response_plan
(
    municipality_code  TEXT PRIMARY KEY,
    first_response     TEXT        NOT NULL CHECK (first_response IN ('FSC_AGENT', 'HOMECARE')),
    escalation_minutes INT[]       NOT NULL,
    webhook_url        TEXT,
    webhook_secret     TEXT,
    email              TEXT,
    target_acknowledge_minutes INT NOT NULL DEFAULT 15,
    target_close_minutes       INT NOT NULL DEFAULT 120,
    changed_at         TIMESTAMPTZ NOT NULL,
    changed_by         TEXT        NOT NULL
);

-- An alarm; cause is unique, so one dose, one technical event or one silence raises one alarm.
CREATE TABLE alarms.alarm
(
    id                UUID PRIMARY KEY,
    cause             TEXT        NOT NULL UNIQUE,
    kind              TEXT        NOT NULL,
    serial            TEXT        NOT NULL,
    citizen_id        UUID        NOT NULL,
    municipality_code TEXT        NOT NULL,
    due_at            TIMESTAMPTZ NOT NULL,
    raised_at         TIMESTAMPTZ NOT NULL,
    level             INT         NOT NULL DEFAULT 0,
    escalated_at      TIMESTAMPTZ,
    acknowledged_at   TIMESTAMPTZ,
    acknowledged_by   TEXT,
    closed_at         TIMESTAMPTZ,
    closed_by         TEXT,
    outcome           TEXT,
    note              TEXT,
    version           BIGINT      NOT NULL
);
CREATE INDEX alarm_open ON alarms.alarm (municipality_code, raised_at) WHERE closed_at IS NULL;
CREATE INDEX alarm_period ON alarms.alarm (municipality_code, raised_at);
CREATE SEQUENCE alarms.alarm_version;

-- A device's outages (offline alarms and the vendor's offline events), counted for service visits.
CREATE TABLE alarms.outage
(
    serial TEXT        NOT NULL,
    at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (serial, at)
);

-- Who changed a schedule or a plan, and to what (the schedule is a citizen's data).
CREATE TABLE alarms.change_log
(
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at         TIMESTAMPTZ NOT NULL,
    actor      TEXT        NOT NULL,
    subject    TEXT        NOT NULL,
    detail     TEXT        NOT NULL
);

-- The work this module asked the devices module for (WorkOrderRequested), one row per request.
CREATE TABLE alarms.work_request
(
    request_id   UUID PRIMARY KEY,
    type         TEXT        NOT NULL,
    serial       TEXT        NOT NULL,
    reason       TEXT        NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL,
    requested_by TEXT        NOT NULL
);
