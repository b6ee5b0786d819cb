package dev.postwright.testing;

import dev.postwright.store.Database;

/**
 * A full disk, deterministically and without root: SQLite's {@code max_page_count} on the
 * database's writer connection makes every write that needs a new page fail with SQLITE_FULL,
 * exactly as a disk without room does, while writes that fit in place still go through.
 */
public final class FullDisk {
    private FullDisk() {}

    /** From now on the file cannot grow: the disk is full. */
    public static void fill(Database db) {
        long pages = db.read(sql -> sql.queryOne("PRAGMA page_count", rs -> rs.getLong(1)).orElseThrow());
        limit(db, pages);
    }

    /** Room again. */
    public static void free(Database db) {
        limit(db, 1L << 30);
    }

    private static void limit(Database db, long pages) {
        // A pragma only: the transaction around it writes nothing, so it goes through on a full disk too.
        db.transaction(sql -> {
            sql.execute("PRAGMA max_page_count = " + pages);
            return null;
        });
    }
}
