CREATE SCHEMA IF NOT EXISTS support;

-- A contact with the one point of contact. citizen_id and municipality_code are the citizens
-- module's (no foreign key); municipality_code is the citizen's municipality when the contact
-- was made (who may see the contact), billed_* the payer of its minutes. A correction raises
-- revision; every revision is published as ContactRegistered.
CREATE TABLE support.contact
(
    id                UUID PRIMARY KEY,
    revision          INT         NOT NULL CHECK (revision >= 1),
    citizen_id        UUID,
    municipality_code TEXT CHECK (municipality_code ~ '^[0-9]{3}$'),
    billed_kind       TEXT        NOT NULL CHECK (billed_kind IN ('MUNICIPALITY', 'REGION')),
    billed_code       TEXT        NOT NULL,
    channel           TEXT        NOT NULL CHECK (channel IN ('PHONE_IN', 'PHONE_OUT', 'EMAIL', 'WEB_FORM', 'LETTER')),
    topic             TEXT        NOT NULL,
    notes             TEXT        NOT NULL DEFAULT '' CHECK (length(notes) <= 4000),
    minutes           INT         NOT NULL CHECK (minutes BETWEEN 0 AND 480),
    outcome           TEXT        NOT NULL DEFAULT '' CHECK (length(outcome) <= 1000),
    status            TEXT        NOT NULL CHECK (status IN ('OPEN', 'DONE')),
    contact_date      DATE        NOT NULL,
    registered_at     TIMESTAMPTZ NOT NULL,
    registered_by     TEXT        NOT NULL,
    -- what the citizen wrote (web form) and the answer they see; notes are internal
    message           TEXT CHECK (length(message) <= 4000),
    answer            TEXT CHECK (length(answer) <= 4000),
    answered_at       TIMESTAMPTZ,
    -- a complaint's flow: received, answered by complaint_due (working days, support.settings), closed
    complaint_state   TEXT CHECK (complaint_state IN ('RECEIVED', 'ANSWERED', 'CLOSED')),
    complaint_due     DATE
);
CREATE INDEX contact_citizen_idx ON support.contact (citizen_id, registered_at DESC);
CREATE INDEX contact_open_web_idx ON support.contact (registered_at) WHERE status = 'OPEN' AND channel = 'WEB_FORM';

CREATE TABLE support.attachment
(
    contact_id   UUID PRIMARY KEY REFERENCES support.contact (id),
    file_name    TEXT  NOT NULL,
    content_type TEXT  NOT NULL CHECK (content_type IN ('application/pdf', 'image/png', 'image/jpeg')),
    content      BYTEA NOT NULL CHECK (length(content) <= 5242880)
);

-- A follow-up task: owned by a person (owner_user) or a team queue (owner_team).
CREATE TABLE support.task
(
    id                UUID PRIMARY KEY,
    citizen_id        UUID,
    municipality_code TEXT,
    contact_id        UUID REFERENCES support.contact (id),
    title             TEXT        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    owner_user        TEXT,
    owner_team        TEXT CHECK (owner_team IN ('CALL_CENTER', 'COMPLAINTS', 'DEVICES')),
    due               DATE        NOT NULL,
    priority          TEXT        NOT NULL CHECK (priority IN ('HIGH', 'NORMAL', 'LOW')),
    created_at        TIMESTAMPTZ NOT NULL,
    created_by        TEXT        NOT NULL,
    closed_at         TIMESTAMPTZ,
    closed_by         TEXT,
    closing_note      TEXT,
    CHECK ((owner_user IS NULL) <> (owner_team IS NULL)),
    CHECK ((closed_at IS NULL) = (closing_note IS NULL))
);
CREATE INDEX task_open_user_idx ON support.task (owner_user, due) WHERE closed_at IS NULL;
CREATE INDEX task_open_team_idx ON support.task (owner_team, due) WHERE closed_at IS NULL;
CREATE INDEX task_citizen_idx ON support.task (citizen_id) WHERE closed_at IS NULL;

-- A health question referred to a stoma nurse of the citizen's municipality or of the region.
-- The nurse's note is health information: shown to nurses and the citizen's caseworker only.
CREATE TABLE support.referral
(
    id                UUID PRIMARY KEY,
    contact_id        UUID        NOT NULL REFERENCES support.contact (id),
    citizen_id        UUID        NOT NULL,
    municipality_code TEXT        NOT NULL,
    nurse             TEXT        NOT NULL,
    scope_kind        TEXT        NOT NULL CHECK (scope_kind IN ('MUNICIPALITY', 'REGION')),
    scope_code        TEXT        NOT NULL,
    question          TEXT        NOT NULL CHECK (length(question) BETWEEN 1 AND 2000),
    created_at        TIMESTAMPTZ NOT NULL,
    created_by        TEXT        NOT NULL,
    minutes           INT CHECK (minutes BETWEEN 0 AND 480),
    note              TEXT CHECK (length(note) <= 4000),
    closed_at         TIMESTAMPTZ
);
CREATE INDEX referral_scope_idx ON support.referral (scope_kind, scope_code, created_at) WHERE closed_at IS NULL;
CREATE INDEX referral_citizen_idx ON support.referral (citizen_id);

-- Regions whose agreement has telehealth support billed to the region rather than the municipality.
CREATE TABLE support.telehealth_agreement
(
    region_code TEXT PRIMARY KEY CHECK (region_code ~ '^[0-9]{4}$')
);

-- Settings as data: the complaint answer target in working days; the call service targets.
CREATE TABLE support.settings
(
    id                        BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (id),
    complaint_answer_days     INT NOT NULL CHECK (complaint_answer_days BETWEEN 1 AND 60),
    answered_within_seconds   INT NOT NULL CHECK (answered_within_seconds BETWEEN 1 AND 3600),
    answered_within_permille  INT NOT NULL CHECK (answered_within_permille BETWEEN 0 AND 1000),
    abandoned_max_permille    INT NOT NULL CHECK (abandoned_max_permille BETWEEN 0 AND 1000)
);
INSERT INTO support.settings VALUES (TRUE, 10, 60, 900, 50);

-- One call from the telephone system; imported idempotently by call_id.
CREATE TABLE support.call_record
(
    call_id      TEXT PRIMARY KEY,
    queue        TEXT        NOT NULL,
    started_at   TIMESTAMPTZ NOT NULL,
    answered_at  TIMESTAMPTZ,
    abandoned_at TIMESTAMPTZ,
    ended_at     TIMESTAMPTZ NOT NULL,
    agent        TEXT,
    CHECK ((answered_at IS NULL) <> (abandoned_at IS NULL))
);
CREATE INDEX call_record_started_idx ON support.call_record (started_at);

-- Region Midtjylland's agreement bills telehealth support to the region (the sources' region).
INSERT INTO support.telehealth_agreement VALUES ('1082');
