-- While the disk is full, a probe commits a row here (and deletes it in the same transaction)
-- until one goes through: that is how the store finds out, by itself, that there is room again.
CREATE TABLE write_probe (id INTEGER PRIMARY KEY, data BLOB NOT NULL);
