-- Publishing to WordPress (issue 15): a third kind of job, the outbox's. SQLite cannot alter a
-- CHECK constraint, so the queue's three tables are rebuilt: the new ones are filled, the old
-- children dropped before their parent (so dropping it cascades to nothing), and the new tables
-- renamed into place, which rewrites their references. Ids, keys, states and logs are unchanged.
CREATE TABLE jobs_v10 (
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
    events_pruned INTEGER NOT NULL DEFAULT 0,
    kind          TEXT NOT NULL DEFAULT 'blog' CHECK (kind IN ('blog', 'image', 'publish'))
);
INSERT INTO jobs_v10 (key, id, state, request, owner, claimed_by, lease_until, attempts, progress, current_step,
                      eta_seconds, result, error, error_code, run_at, created_at, updated_at, started_at,
                      finished_at, events_pruned, kind)
    SELECT key, id, state, request, owner, claimed_by, lease_until, attempts, progress, current_step, eta_seconds,
           result, error, error_code, run_at, created_at, updated_at, started_at, finished_at, events_pruned, kind
    FROM jobs;

CREATE TABLE job_events_v10 (
    job_key   INTEGER NOT NULL REFERENCES jobs_v10 (key) ON DELETE CASCADE,
    seq       INTEGER NOT NULL,
    name      TEXT NOT NULL,
    data      TEXT NOT NULL,
    at        INTEGER NOT NULL,
    dedup_key TEXT,
    PRIMARY KEY (job_key, seq)
) WITHOUT ROWID;
INSERT INTO job_events_v10 SELECT job_key, seq, name, data, at, dedup_key FROM job_events;

CREATE TABLE checkpoints_v10 (
    job_key INTEGER NOT NULL REFERENCES jobs_v10 (key) ON DELETE CASCADE,
    stage   TEXT NOT NULL,
    data    TEXT NOT NULL,
    at      INTEGER NOT NULL,
    PRIMARY KEY (job_key, stage)
) WITHOUT ROWID;
INSERT INTO checkpoints_v10 SELECT job_key, stage, data, at FROM checkpoints;

DROP TABLE job_events;
DROP TABLE checkpoints;
DROP TABLE jobs;
ALTER TABLE jobs_v10 RENAME TO jobs;
ALTER TABLE job_events_v10 RENAME TO job_events;
ALTER TABLE checkpoints_v10 RENAME TO checkpoints;

CREATE INDEX jobs_claim ON jobs (run_at) WHERE state = 'queued';
CREATE INDEX jobs_running ON jobs (claimed_by) WHERE state = 'running';
CREATE INDEX jobs_unpruned ON jobs (finished_at) WHERE finished_at IS NOT NULL AND events_pruned = 0;
CREATE INDEX jobs_owner ON jobs (owner, created_at) WHERE owner IS NOT NULL;
CREATE UNIQUE INDEX job_events_dedup ON job_events (job_key, dedup_key) WHERE dedup_key IS NOT NULL;
CREATE TRIGGER jobs_images_delete AFTER DELETE ON jobs BEGIN
    DELETE FROM images WHERE job_id = old.id AND post_id IS NULL;
END;

-- Where a library post was published: one row per post and site (its address), with the site's
-- id, link and modified_gmt (to tell a later change made on the site) and the library version sent.
CREATE TABLE publications (
    post_id        TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    site_address   TEXT NOT NULL,
    remote_id      INTEGER NOT NULL,
    link           TEXT NOT NULL,
    remote_status  TEXT NOT NULL,
    modified_gmt   TEXT NOT NULL,
    version        INTEGER NOT NULL,
    job_id         TEXT,
    published_at   INTEGER NOT NULL,
    PRIMARY KEY (post_id, site_address)
) WITHOUT ROWID;

-- Pictures already uploaded to a site, by their bytes' SHA-256: uploaded once, reused after.
CREATE TABLE published_media (
    site_address TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    media_id     INTEGER NOT NULL,
    url          TEXT NOT NULL,
    alt_text     TEXT NOT NULL,
    uploaded_at  INTEGER NOT NULL,
    PRIMARY KEY (site_address, sha256)
) WITHOUT ROWID;
