-- On a team server a post belongs to the user whose job wrote it, or who saved it
-- (POST /api/v1/blog-posts); the desktop's own posts have none. Posts saved by jobs before
-- this version take their job's owner.

ALTER TABLE posts ADD COLUMN owner TEXT;

UPDATE posts SET owner = (SELECT owner FROM jobs WHERE jobs.id = posts.source_job_id)
    WHERE source_job_id IS NOT NULL;

-- GET /api/v1/blog-posts lists one user's live posts, newest first.
CREATE INDEX posts_owner ON posts (owner, deleted_at, updated_at) WHERE owner IS NOT NULL;
