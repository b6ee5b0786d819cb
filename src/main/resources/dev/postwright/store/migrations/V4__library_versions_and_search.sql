-- Every save of a post keeps a version the writer can go back to; deleting a post hides it
-- first (for Undo) and removes it later; the library is searchable by title, text and keyphrase.

ALTER TABLE posts ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE posts ADD COLUMN deleted_at INTEGER;

CREATE TABLE post_versions (
    post_id    TEXT NOT NULL,
    number     INTEGER NOT NULL,
    post       TEXT NOT NULL,
    word_count INTEGER NOT NULL,
    saved_at   INTEGER NOT NULL,
    reason     TEXT NOT NULL,
    PRIMARY KEY (post_id, number)
) WITHOUT ROWID;

INSERT INTO post_versions (post_id, number, post, word_count, saved_at, reason)
    SELECT id, 1, post, word_count, created_at, CASE WHEN source_job_id IS NULL THEN 'Saved' ELSE 'Generated' END
    FROM posts;

CREATE INDEX posts_live ON posts (organization_id, deleted_at, updated_at);

CREATE VIRTUAL TABLE posts_search USING fts5(title, body, keyphrase, tokenize = 'unicode61 remove_diacritics 2');

INSERT INTO posts_search (rowid, title, body, keyphrase)
    SELECT key, title, CASE WHEN json_valid(post) THEN json_extract(post, '$.content') END, focus_keyphrase FROM posts;

CREATE TRIGGER posts_search_insert AFTER INSERT ON posts BEGIN
    INSERT INTO posts_search (rowid, title, body, keyphrase)
    VALUES (new.key, new.title, CASE WHEN json_valid(new.post) THEN json_extract(new.post, '$.content') END,
            new.focus_keyphrase);
END;

CREATE TRIGGER posts_search_update AFTER UPDATE OF title, post, focus_keyphrase ON posts BEGIN
    DELETE FROM posts_search WHERE rowid = old.key;
    INSERT INTO posts_search (rowid, title, body, keyphrase)
    VALUES (new.key, new.title, CASE WHEN json_valid(new.post) THEN json_extract(new.post, '$.content') END,
            new.focus_keyphrase);
END;

CREATE TRIGGER posts_search_delete AFTER DELETE ON posts BEGIN
    DELETE FROM posts_search WHERE rowid = old.key;
    DELETE FROM post_versions WHERE post_id = old.id;
END;
