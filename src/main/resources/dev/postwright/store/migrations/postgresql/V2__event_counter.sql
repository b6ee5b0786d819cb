-- Event sequence numbers from the job's row (decision 0042). SQLite allocates MAX(seq) + 1 and
-- is safe because it admits one writer at a time; PostgreSQL's writers run side by side, and a
-- MAX read in READ COMMITTED can miss a concurrent insert. Incrementing last_seq locks the job's
-- row, so two appenders of one job take turns and the numbers stay gap-free and unique.
ALTER TABLE jobs ADD COLUMN last_seq INTEGER NOT NULL DEFAULT 0;
