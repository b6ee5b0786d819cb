-- The durable job queue: jobs, their append-only event logs and per-stage checkpoints.
-- Times are epoch milliseconds (UTC). States follow queue.internal.JobTransitions.

-- Job ids are time-ordered (UUIDv7), so new rows land at the end of every index; events and
-- checkpoints refer to jobs by the integer key, which keeps their rows small and comparisons cheap.
CREATE TABLE jobs (
    key           INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    state         TEXT NOT NULL CHECK (state IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    request       TEXT NOT NULL,
    owner         TEXT,
    claimed_by    TEXT,
    lease_until   INTEGER,
    attempts      INTEGER NOT NULL DEFAULT 0,
    progress      INTEGER NOT NULL DEFAULT 0,
    current_step  TEXT,
    eta_seconds   INTEGER,
    result        TEXT,
    error         TEXT,
    error_code    TEXT,
    run_at        INTEGER NOT NULL,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    started_at    INTEGER,
    finished_at   INTEGER,
    events_pruned INTEGER NOT NULL DEFAULT 0
);

-- Every index costs each commit that touches it, so each holds only the rows its queries need.
-- Claims take the oldest due queued job: run_at, then key (insert order), among queued jobs only.
CREATE INDEX jobs_claim ON jobs (run_at) WHERE state = 'queued';
-- Heartbeats and sweeps look at running jobs only.
CREATE INDEX jobs_running ON jobs (claimed_by) WHERE state = 'running';
-- Housekeeping finds finished jobs whose logs are not pruned yet.
CREATE INDEX jobs_unpruned ON jobs (finished_at) WHERE finished_at IS NOT NULL AND events_pruned = 0;

CREATE TABLE job_events (
    job_key   INTEGER NOT NULL REFERENCES jobs (key) ON DELETE CASCADE,
    seq       INTEGER NOT NULL,
    name      TEXT NOT NULL,
    data      TEXT NOT NULL,
    at        INTEGER NOT NULL,
    dedup_key TEXT,
    PRIMARY KEY (job_key, seq)
) WITHOUT ROWID;

-- A stage's result events are written once per job, however often the stage is re-run.
CREATE UNIQUE INDEX job_events_dedup ON job_events (job_key, dedup_key) WHERE dedup_key IS NOT NULL;

CREATE TABLE checkpoints (
    job_key INTEGER NOT NULL REFERENCES jobs (key) ON DELETE CASCADE,
    stage   TEXT NOT NULL,
    data    TEXT NOT NULL,
    at      INTEGER NOT NULL,
    PRIMARY KEY (job_key, stage)
) WITHOUT ROWID;
