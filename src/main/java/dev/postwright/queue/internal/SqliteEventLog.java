package dev.postwright.queue.internal;

import dev.postwright.store.Sql;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The SQL of job event logs and checkpoints. Static helpers run inside a session the caller
 * holds, so they compose into the caller's transaction. Sequence numbers are allocated as
 * {@code MAX(seq) + 1} by the inserting statement itself; SQLite serialises writers, so they
 * are gap-free per job even with several processes on one file.
 */
final class SqliteEventLog {
    /** An event as stored, not yet decoded. */
    record StoredEvent(long seq, String name, String data, long at) {}

    private static final String APPEND = """
            INSERT INTO job_events (job_id, seq, name, data, at)
            SELECT ?1, COALESCE(MAX(seq), 0) + 1, ?2, ?3, ?4 FROM job_events WHERE job_id = ?1
            RETURNING seq""";

    // Written only while the job is running under this worker's claim; a keyed event at most once.
    private static final String APPEND_FENCED = """
            INSERT INTO job_events (job_id, seq, name, data, at, dedup_key)
            SELECT ?1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM job_events WHERE job_id = ?1), ?2, ?3, ?4, ?5
            FROM jobs WHERE id = ?1 AND state = 'running' AND claimed_by = ?6
            ON CONFLICT (job_id, dedup_key) WHERE dedup_key IS NOT NULL DO NOTHING
            RETURNING seq""";

    private static final String READ_AFTER = """
            SELECT seq, name, data, at FROM job_events WHERE job_id = ? AND seq > ? ORDER BY seq LIMIT ?""";

    private static final String CHECKPOINTS = "SELECT stage, data FROM checkpoints WHERE job_id = ?";

    private static final String SAVE_CHECKPOINT = """
            INSERT INTO checkpoints (job_id, stage, data, at) VALUES (?, ?, ?, ?)
            ON CONFLICT (job_id, stage) DO UPDATE SET data = excluded.data, at = excluded.at""";

    private SqliteEventLog() {}

    /** Appends unconditionally (terminal events, written with the transition that causes them). */
    static long append(Sql sql, String jobId, String name, String data, long now) throws SQLException {
        return sql.queryOne(APPEND, rs -> rs.getLong(1), jobId, name, data, now).orElseThrow();
    }

    /**
     * Appends if {@code worker} still holds the running job. Empty when it does not, or when an
     * event with {@code dedupKey} (nullable) is already logged; {@link SqliteJobStore#holds} tells which.
     */
    static OptionalLong appendFenced(Sql sql, String jobId, String worker, String name, String data,
                                     String dedupKey, long now) throws SQLException {
        return sql.queryOne(APPEND_FENCED, rs -> rs.getLong(1), jobId, name, data, now, dedupKey, worker)
                .map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    static List<StoredEvent> readAfter(Sql sql, String jobId, long afterSeq, int limit) throws SQLException {
        return sql.query(READ_AFTER, rs -> new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getLong(4)), jobId, afterSeq, limit);
    }

    static Map<String, String> checkpoints(Sql sql, String jobId) throws SQLException {
        Map<String, String> out = new HashMap<>();
        for (var row : sql.query(CHECKPOINTS, rs -> Map.entry(rs.getString(1), rs.getString(2)), jobId)) {
            out.put(row.getKey(), row.getValue());
        }
        return out;
    }

    static void saveCheckpoint(Sql sql, String jobId, String stage, String data, long now) throws SQLException {
        sql.update(SAVE_CHECKPOINT, jobId, stage, data, now);
    }
}
