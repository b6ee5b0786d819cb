package dev.postwright.queue.internal;

import dev.postwright.store.Sql;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of job event logs and checkpoints. Static helpers run inside a session the caller
 * holds, so they compose into the caller's transaction. Sequence numbers are allocated as
 * {@code MAX(seq) + 1} by the inserting statement itself; SQLite serialises writers, so they
 * are gap-free per job even with several processes on one file.
 */
final class SqliteEventLog {
    /** An event as stored, not yet decoded. */
    record StoredEvent(long seq, String name, String data, long at) {}

    static final String APPEND = """
            INSERT INTO job_events (job_key, seq, name, data, at)
            SELECT j.key, (SELECT COALESCE(MAX(seq), 0) + 1 FROM job_events WHERE job_key = j.key), ?2, ?3, ?4
            FROM jobs j WHERE j.id = ?1""";

    // Written only while the job is running under this run's claim; a keyed event at most once.
    static final String APPEND_FENCED = """
            INSERT INTO job_events (job_key, seq, name, data, at, dedup_key)
            SELECT j.key, (SELECT COALESCE(MAX(seq), 0) + 1 FROM job_events WHERE job_key = j.key), ?2, ?3, ?4, ?5
            FROM jobs j WHERE j.id = ?1 AND j.state = 'running' AND j.claimed_by = ?6
            ON CONFLICT (job_key, dedup_key) WHERE dedup_key IS NOT NULL DO NOTHING""";

    static final String JOB_KEY = "(SELECT key FROM jobs WHERE id = ?)";

    private static final String READ_AFTER = """
            SELECT seq, name, data, at FROM job_events WHERE job_key = %s AND seq > ? ORDER BY seq LIMIT ?"""
            .formatted(JOB_KEY);

    private static final String LAST_SEQ = "SELECT COALESCE(MAX(seq), 0) FROM job_events WHERE job_key = " + JOB_KEY;

    private static final String CHECKPOINTS = "SELECT stage, data FROM checkpoints WHERE job_key = " + JOB_KEY;

    private static final String SAVE_CHECKPOINT = """
            INSERT INTO checkpoints (job_key, stage, data, at) SELECT key, ?2, ?3, ?4 FROM jobs WHERE id = ?1
            ON CONFLICT (job_key, stage) DO UPDATE SET data = excluded.data, at = excluded.at""";

    private SqliteEventLog() {}

    /** Appends unconditionally (terminal events, written with the transition that causes them). */
    static void append(Sql sql, String jobId, String name, String data, long now) throws SQLException {
        if (sql.update(APPEND, jobId, name, data, now) != 1) throw new SQLException("no job " + jobId + " to log for");
    }

    /**
     * Appends if the running job is still held under {@code claim}. False when it is not, or when
     * an event with {@code dedupKey} (nullable) is already logged; {@link SqliteJobStore#holds}
     * tells which. (No RETURNING: reading a result set back costs the driver more than the insert.)
     */
    static boolean appendFenced(Sql sql, String jobId, String claim, String name, String data, String dedupKey,
                                long now) throws SQLException {
        return sql.update(APPEND_FENCED, jobId, name, data, now, dedupKey, claim) == 1;
    }

    static List<StoredEvent> readAfter(Sql sql, String jobId, long afterSeq, int limit) throws SQLException {
        return sql.query(READ_AFTER, rs -> new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getLong(4)), jobId, afterSeq, limit);
    }

    /** The job's highest sequence number, 0 for an empty log. */
    static long lastSeq(Sql sql, String jobId) throws SQLException {
        return sql.queryOne(LAST_SEQ, rs -> rs.getLong(1), jobId).orElse(0L);
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
