package dev.postwright.queue.internal;

import dev.postwright.store.Sql;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The queue's SQLite statements. SQLite admits one writer at a time, so an event's sequence
 * number is simply {@code MAX(seq) + 1}, read by the inserting statement itself, and a claim
 * needs no row locks. Other engines on the file find new work and events by polling, so nothing
 * is announced.
 */
final class SqliteQueueDialect implements QueueDialect {
    static final String NEXT_DUE = """
            SELECT rowid FROM jobs WHERE state = 'queued' AND run_at <= ?3 ORDER BY run_at, rowid LIMIT 1""";
    // The ids come first (CROSS JOIN keeps that order), so the few preferred rows are found by
    // the id index and sorted, rather than the whole claim index walked in search of them.
    static final String PREFERRED_DUE = """
            SELECT j.rowid FROM json_each(?4) p CROSS JOIN jobs j ON j.id = p.value
            WHERE j.state = 'queued' AND j.run_at <= ?3 ORDER BY j.run_at, j.rowid LIMIT 1""";
    static final String CLAIM = "UPDATE jobs SET " + SqlJobStore.CLAIM.toClause() + """
            , claimed_by = ?1, lease_until = ?2, attempts = attempts + 1, started_at = COALESCE(started_at, ?3),
              updated_at = ?3
            WHERE rowid = COALESCE((""" + PREFERRED_DUE + "), (" + NEXT_DUE + ")) AND "
            + SqlJobStore.CLAIM.fromClause() + """
             RETURNING id, kind, request, attempts, progress, owner""";

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

    @Override
    public Optional<SqlJobStore.Claim> claim(Sql sql, String claimedBy, String preferredIds, long now, long leaseUntil)
            throws SQLException {
        return sql.queryOne(CLAIM, rs -> SqlJobStore.claimOf(rs, claimedBy), claimedBy, leaseUntil, now, preferredIds);
    }

    @Override
    public void append(Sql sql, String jobId, String name, String data, long now) throws SQLException {
        if (sql.update(APPEND, jobId, name, data, now) != 1) throw new SQLException("no job " + jobId + " to log for");
    }

    // No RETURNING: reading a result set back costs the driver more than the insert.
    @Override
    public boolean appendFenced(Sql sql, String jobId, String claim, String name, String data, String dedupKey,
                                long now) throws SQLException {
        return sql.update(APPEND_FENCED, jobId, name, data, now, dedupKey, claim) == 1;
    }

    @Override
    public String requestTitle() {
        return "COALESCE(json_extract(request, '$.topic.title'), json_extract(request, '$.prompt'))";
    }
}
