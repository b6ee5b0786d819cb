-- The server lists a user's own jobs (GET /api/v1/jobs) without reading everyone's.
CREATE INDEX jobs_owner ON jobs (owner, created_at) WHERE owner IS NOT NULL;
