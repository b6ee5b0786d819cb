-- Images kept with the library. The bytes are files in the data folder's images/ folder, named
-- by their SHA-256; a row is written only once its file is on disk, so no row names a missing
-- file. A job makes each placement once, however often it is resumed.

CREATE TABLE images (
    key        INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    owner      TEXT,
    job_id     TEXT,
    post_id    TEXT,
    placement  TEXT NOT NULL,
    prompt     TEXT NOT NULL,
    alt_text   TEXT NOT NULL,
    media_type TEXT NOT NULL,
    width      INTEGER NOT NULL,
    height     INTEGER NOT NULL,
    size       INTEGER NOT NULL,
    source     TEXT NOT NULL,
    sha256     TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE UNIQUE INDEX images_job_placement ON images (job_id, placement) WHERE job_id IS NOT NULL;
CREATE INDEX images_post ON images (post_id) WHERE post_id IS NOT NULL;
CREATE INDEX images_file ON images (sha256);

-- A post's images go with it when it is purged; their files are swept once no row names them.
CREATE TRIGGER posts_images_delete AFTER DELETE ON posts BEGIN
    DELETE FROM images WHERE post_id = old.id;
END;
