package dev.postwright.queue.internal;

import dev.postwright.store.Sql;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL that reads job event logs, and that keeps checkpoints, the same on both databases.
 * Static helpers run inside a session the caller holds, so they compose into the caller's
 * transaction. Appends differ per database ({@link QueueDialect}): sequence numbers are
 * gap-free per job either way.
 */
final class SqlEventLog {
    /** An event as stored, not yet decoded. */
    record StoredEvent(long seq, String name, String data, long at) {}

    static final String JOB_KEY = "(SELECT key FROM jobs WHERE id = ?)";

    private static final String READ_AFTER = """
            SELECT seq, name, data, at FROM job_events WHERE job_key = %s AND seq > ? ORDER BY seq LIMIT ?"""
            .formatted(JOB_KEY);

    private static final String LAST_SEQ = "SELECT COALESCE(MAX(seq), 0) FROM job_events WHERE job_key = " + JOB_KEY;

    private static final String CHECKPOINTS = "SELECT stage, data FROM checkpoints WHERE job_key = " + JOB_KEY;

    private static final String SAVE_CHECKPOINT = """
            INSERT INTO checkpoints (job_key, stage, data, at) SELECT key, ?, ?, ? FROM jobs WHERE id = ?
            ON CONFLICT (job_key, stage) DO UPDATE SET data = excluded.data, at = excluded.at""";

    private SqlEventLog() {}

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
        sql.update(SAVE_CHECKPOINT, stage, data, now, jobId);
    }
}
