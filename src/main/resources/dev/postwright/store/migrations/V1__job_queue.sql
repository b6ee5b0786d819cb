-- The durable job queue: jobs, their append-only event logs and per-stage checkpoints.
-- Times are epoch milliseconds (UTC). States follow queue.internal.JobTransitions.

CREATE TABLE jobs (
    id            TEXT PRIMARY KEY,
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

-- Claims take the oldest due queued job: state equality, then run_at, then rowid (insert order).
CREATE INDEX jobs_claim ON jobs (state, run_at);
-- Sweeps and heartbeats look up running jobs by lease holder.
CREATE INDEX jobs_claimed_by ON jobs (claimed_by) WHERE claimed_by IS NOT NULL;
-- Housekeeping finds old finished jobs.
CREATE INDEX jobs_finished ON jobs (finished_at) WHERE finished_at IS NOT NULL;
CREATE INDEX jobs_owner ON jobs (owner, created_at);

CREATE TABLE job_events (
    job_id    TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    seq       INTEGER NOT NULL,
    name      TEXT NOT NULL,
    data      TEXT NOT NULL,
    at        INTEGER NOT NULL,
    dedup_key TEXT,
    PRIMARY KEY (job_id, seq)
) WITHOUT ROWID;

-- A stage's result events are written once per job, however often the stage is re-run.
CREATE UNIQUE INDEX job_events_dedup ON job_events (job_id, dedup_key) WHERE dedup_key IS NOT NULL;

CREATE TABLE checkpoints (
    job_id TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    stage  TEXT NOT NULL,
    data   TEXT NOT NULL,
    at     INTEGER NOT NULL,
    PRIMARY KEY (job_id, stage)
) WITHOUT ROWID;
