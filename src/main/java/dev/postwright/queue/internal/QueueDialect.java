package dev.postwright.queue.internal;

import dev.postwright.store.Sql;
import dev.postwright.store.SqlDatabase;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The queue's statements where SQLite and PostgreSQL differ (decision 0042): how a claim picks
 * its job, how an event gets its sequence number, and how a listing reads a title out of the
 * stored request. Every other statement is written once, in {@link SqlJobStore} and
 * {@link SqlEventLog}, and every state change still comes from {@link JobTransitions}.
 */
sealed interface QueueDialect permits SqliteQueueDialect, PostgresQueueDialect {

    static QueueDialect of(SqlDatabase db) {
        return switch (db.dialect()) {
            case SQLITE -> new SqliteQueueDialect();
            case POSTGRESQL -> new PostgresQueueDialect();
        };
    }

    /**
     * Takes a due queued job under the claim {@code claimedBy}: the oldest due one of
     * {@code preferredIds} (a JSON array of job ids, or null for none), else the oldest due job.
     * Atomic across threads, processes and nodes.
     */
    Optional<SqlJobStore.Claim> claim(Sql sql, String claimedBy, String preferredIds, long now, long leaseUntil)
            throws SQLException;

    /**
     * Appends an event unconditionally (terminal events, written with the transition that causes
     * them) under the next sequence number of the job, and announces it.
     *
     * @throws SQLException when there is no such job
     */
    void append(Sql sql, String jobId, String name, String data, long now) throws SQLException;

    /**
     * Appends if the running job is still held under {@code claim}, and announces it. False when
     * it is not, or when an event with {@code dedupKey} (nullable) is already logged.
     */
    boolean appendFenced(Sql sql, String jobId, String claim, String name, String data, String dedupKey, long now)
            throws SQLException;

    /** An SQL expression over {@code jobs.request}: the post's title, or a picture's prompt. */
    String requestTitle();
}
