-- Image jobs (issue 13): the queue runs two kinds of job, told apart by this column so lists and
-- status routes need not read the request. Every job before this migration was a blog job.
ALTER TABLE jobs ADD COLUMN kind TEXT NOT NULL DEFAULT 'blog' CHECK (kind IN ('blog', 'image'));

-- A picture an image job made for no post goes with its job when the job is deleted; its file
-- goes at the next sweep. (A picture for a post stays with the post.)
CREATE TRIGGER jobs_images_delete AFTER DELETE ON jobs BEGIN
    DELETE FROM images WHERE job_id = old.id AND post_id IS NULL;
END;
