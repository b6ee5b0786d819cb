-- The writer's library of posts and the organization profiles they are written for.

CREATE TABLE organizations (
    id         TEXT PRIMARY KEY,
    profile    TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE posts (
    key             INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    organization_id TEXT NOT NULL,
    title           TEXT NOT NULL,
    slug            TEXT NOT NULL,
    focus_keyphrase TEXT,
    status          TEXT NOT NULL,
    word_count      INTEGER NOT NULL,
    source_job_id   TEXT,
    post            TEXT NOT NULL,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);

-- A job saves its post once, however often it is resumed.
CREATE UNIQUE INDEX posts_source_job ON posts (source_job_id) WHERE source_job_id IS NOT NULL;
-- "Previously used keyphrase" and the library list are per organization.
CREATE INDEX posts_keyphrase ON posts (organization_id, focus_keyphrase);
CREATE INDEX posts_recent ON posts (organization_id, updated_at);
