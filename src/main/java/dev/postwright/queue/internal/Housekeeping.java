package dev.postwright.queue.internal;

import dev.postwright.store.SqlDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Keeps the database bounded: the event logs of jobs finished long ago (and of all but the most
 * recent finished jobs) shrink to their final event, which still carries the result, and their
 * checkpoints go. Freed pages go back to the file system on SQLite (full auto-vacuum); PostgreSQL
 * reuses them (autovacuum).
 */
final class Housekeeping {
    private static final String DUE = """
            SELECT key FROM jobs
            WHERE finished_at IS NOT NULL AND events_pruned = 0
              AND (finished_at < ? OR key NOT IN
                   (SELECT key FROM jobs WHERE finished_at IS NOT NULL AND events_pruned = 0
                    ORDER BY finished_at DESC LIMIT ?))""";

    private final SqlDatabase db;

    Housekeeping(SqlDatabase db) {
        this.db = db;
    }

    /** Prunes what the policy says; returns how many jobs' logs were pruned. */
    int prune(long finishedBefore, int keepRecent) {
        List<Long> due = db.read(sql -> sql.query(DUE, rs -> rs.getLong(1), finishedBefore, keepRecent));
        List<CompletableFuture<Integer>> pruned = new ArrayList<>(due.size());
        for (long jobKey : due) {
            // One piece of work per job, submitted together: they share commits, and each stays atomic.
            pruned.add(db.submit(sql -> {
                sql.update("""
                        DELETE FROM job_events WHERE job_key = ?
                          AND seq < (SELECT MAX(seq) FROM job_events WHERE job_key = ?)""", jobKey, jobKey);
                sql.update("DELETE FROM checkpoints WHERE job_key = ?", jobKey);
                return sql.update("UPDATE jobs SET events_pruned = 1 WHERE key = ? AND finished_at IS NOT NULL", jobKey);
            }));
        }
        pruned.forEach(CompletableFuture::join); // SQLite's full auto-vacuum returns the freed pages at each commit
        return due.size();
    }
}
