package dev.postwright.queue.internal;

import dev.postwright.store.Sql;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The queue's PostgreSQL statements. Nodes write side by side, so:
 *
 * <ul>
 *   <li>a claim locks the job it picks with {@code FOR UPDATE SKIP LOCKED} in the same statement
 *       that takes it, so two nodes never wait for, nor take, the same row;
 *   <li>an event's sequence number is the job row's {@code last_seq}, incremented by the append:
 *       the increment locks the row, so appenders of one job take turns and the numbers are
 *       gap-free and unique (a {@code MAX(seq)} read in READ COMMITTED could miss a concurrent
 *       insert);
 *   <li>each append announces the job on {@link SqlJobStore#EVENTS} in the same statement, and
 *       only when it stored a row. PostgreSQL delivers the notification when the transaction
 *       commits, and merges a transaction's identical ones into one.
 * </ul>
 *
 * Parameters are plain {@code ?}: the driver has no numbered ones, so a value used twice is
 * passed twice.
 */
final class PostgresQueueDialect implements QueueDialect {
    // The pick is a CTE, run once: in "WHERE key IN (SELECT … LIMIT 1 FOR UPDATE SKIP LOCKED)" the
    // planner may run the sub-select again for each row it scans, and a claim then took two jobs
    // (JobQueueLifecycleTest found it).
    private static final String TAKE = """
            WITH picked AS MATERIALIZED (%s)
            UPDATE jobs SET""" + " " + SqlJobStore.CLAIM.toClause() + """
            , claimed_by = ?, lease_until = ?, attempts = attempts + 1, started_at = COALESCE(started_at, ?),
              updated_at = ?
            FROM picked WHERE jobs.key = picked.key AND jobs.""" + SqlJobStore.CLAIM.fromClause() + """

            RETURNING id, kind, request, attempts, progress, owner""";
    static final String CLAIM = TAKE.formatted("""
            SELECT key FROM jobs WHERE state = 'queued' AND run_at <= ?
            ORDER BY run_at, key LIMIT 1 FOR UPDATE SKIP LOCKED""");
    private static final String CLAIM_PREFERRED = TAKE.formatted("""
            SELECT key FROM jobs WHERE state = 'queued' AND run_at <= ?
              AND id IN (SELECT json_array_elements_text(CAST(? AS json)))
            ORDER BY run_at, key LIMIT 1 FOR UPDATE SKIP LOCKED""");

    private static final String NOTIFY = "SELECT pg_notify('" + SqlJobStore.EVENTS + "', ?) FROM e";
    static final String APPEND = """
            WITH j AS (UPDATE jobs SET last_seq = last_seq + 1 WHERE id = ? RETURNING key, last_seq),
            e AS (INSERT INTO job_events (job_key, seq, name, data, at) SELECT key, last_seq, ?, ?, ? FROM j
                  RETURNING job_key)
            """ + NOTIFY;
    // A keyed event is looked for only once the job's row is ours: a run's appends take turns on it.
    static final String APPEND_FENCED = """
            WITH j AS (UPDATE jobs SET last_seq = last_seq + 1
                       WHERE id = ? AND state = 'running' AND claimed_by = ?
                         AND (CAST(? AS TEXT) IS NULL OR NOT EXISTS
                              (SELECT 1 FROM job_events d WHERE d.job_key = jobs.key AND d.dedup_key = ?))
                       RETURNING key, last_seq),
            e AS (INSERT INTO job_events (job_key, seq, name, data, at, dedup_key)
                  SELECT key, last_seq, ?, ?, ?, ? FROM j RETURNING job_key)
            """ + NOTIFY;

    @Override
    public Optional<SqlJobStore.Claim> claim(Sql sql, String claimedBy, String preferredIds, long now, long leaseUntil)
            throws SQLException {
        if (preferredIds != null) {
            Optional<SqlJobStore.Claim> preferred = sql.queryOne(CLAIM_PREFERRED,
                    rs -> SqlJobStore.claimOf(rs, claimedBy), now, preferredIds, claimedBy, leaseUntil, now, now);
            if (preferred.isPresent()) return preferred;
        }
        return sql.queryOne(CLAIM, rs -> SqlJobStore.claimOf(rs, claimedBy), now, claimedBy, leaseUntil, now, now);
    }

    @Override
    public void append(Sql sql, String jobId, String name, String data, long now) throws SQLException {
        if (sql.query(APPEND, rs -> Boolean.TRUE, jobId, name, data, now, jobId).size() != 1) {
            throw new SQLException("no job " + jobId + " to log for");
        }
    }

    @Override
    public boolean appendFenced(Sql sql, String jobId, String claim, String name, String data, String dedupKey,
                                long now) throws SQLException {
        return sql.query(APPEND_FENCED, rs -> Boolean.TRUE, jobId, claim, dedupKey, dedupKey, name, data, now, dedupKey,
                jobId).size() == 1;
    }

    @Override
    public String requestTitle() {
        return "COALESCE(CAST(request AS json) #>> '{topic,title}', CAST(request AS json) ->> 'prompt')";
    }
}
