-- Image jobs (issue 13): the queue runs two kinds of job, told apart by this column so lists and
-- status routes need not read the request. Every job before this migration was a blog job.
ALTER TABLE jobs ADD COLUMN kind TEXT NOT NULL DEFAULT 'blog' CHECK (kind IN ('blog', 'image'));
