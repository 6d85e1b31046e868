CREATE SCHEMA IF NOT EXISTS jobs;

-- Every job a module registers (a Job bean), its schedule and how its last run went.
-- next_run_at is when the scheduled run is due (NULL: run on demand only); the instance that
-- locks the row (FOR UPDATE SKIP LOCKED) runs it and moves it on.
CREATE TABLE jobs.job
(
    name            TEXT PRIMARY KEY,
    schedule        TEXT NOT NULL,
    next_run_at     TIMESTAMP WITH TIME ZONE,
    last_run_at     TIMESTAMP WITH TIME ZONE,
    last_outcome    TEXT CHECK (last_outcome IN ('OK', 'FAILED')),
    last_failure_at TIMESTAMP WITH TIME ZONE,
    last_failure    TEXT
);

-- Queued work: one row per item, unique per job and key, so queueing twice queues once.
-- An instance claims an item FOR UPDATE SKIP LOCKED and handles it in that transaction; a
-- failure puts it back with next_attempt_at moved on (exponential backoff) until the job's
-- maximum of attempts, then FAILED.
CREATE TABLE jobs.work_item
(
    id              BIGSERIAL PRIMARY KEY,
    job             TEXT NOT NULL,
    item_key        TEXT NOT NULL CHECK (length(item_key) BETWEEN 1 AND 500),
    payload         TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('QUEUED', 'DONE', 'FAILED')),
    attempts        INT  NOT NULL DEFAULT 0,
    queued_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at     TIMESTAMP WITH TIME ZONE,
    last_error      TEXT,
    UNIQUE (job, item_key)
);
CREATE INDEX work_item_due_idx ON jobs.work_item (next_attempt_at, id) WHERE status = 'QUEUED';
CREATE INDEX work_item_finished_idx ON jobs.work_item (finished_at) WHERE status <> 'QUEUED';

-- One row per run of a job (scheduled or on demand): when, on which instance, how it went,
-- and how many scheduled times it caught up when the platform was down or busy.
CREATE TABLE jobs.run_log
(
    id            BIGSERIAL PRIMARY KEY,
    job           TEXT NOT NULL,
    on_demand     BOOLEAN NOT NULL,
    scheduled_for TIMESTAMP WITH TIME ZONE NOT NULL,
    missed_runs   INT NOT NULL DEFAULT 0,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    instance      TEXT NOT NULL,
    outcome       TEXT NOT NULL CHECK (outcome IN ('OK', 'FAILED')),
    failure       TEXT
);
CREATE INDEX run_log_job_idx ON jobs.run_log (job, id DESC);
CREATE INDEX run_log_started_idx ON jobs.run_log (started_at);
