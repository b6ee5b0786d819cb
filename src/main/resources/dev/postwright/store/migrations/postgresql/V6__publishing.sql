-- Publishing to WordPress (SQLite's V10; the queue's publish jobs are in V1 already): where a
-- library post was published, one row per post and site, and the pictures each site holds.
CREATE TABLE publications (
    post_id        TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    site_address   TEXT NOT NULL,
    remote_id      BIGINT NOT NULL,
    link           TEXT NOT NULL,
    remote_status  TEXT NOT NULL,
    modified_gmt   TEXT NOT NULL,
    version        INTEGER NOT NULL,
    job_id         TEXT,
    published_at   BIGINT NOT NULL,
    PRIMARY KEY (post_id, site_address)
);

-- Pictures already uploaded to a site, by their bytes' SHA-256: uploaded once, reused after.
CREATE TABLE published_media (
    site_address TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    media_id     BIGINT NOT NULL,
    url          TEXT NOT NULL,
    alt_text     TEXT NOT NULL,
    uploaded_at  BIGINT NOT NULL,
    PRIMARY KEY (site_address, sha256)
);
