package dev.postwright.queue.internal;

import static dev.postwright.model.JobState.CANCELLED;
import static dev.postwright.model.JobState.FAILED;
import static dev.postwright.model.JobState.QUEUED;
import static dev.postwright.model.JobState.RUNNING;
import static dev.postwright.model.JobState.SUCCEEDED;

import dev.postwright.jobs.CommandResult;
import dev.postwright.model.JobEvent;
import dev.postwright.model.JobKind;
import dev.postwright.model.JobState;
import dev.postwright.queue.internal.JobTransitions.Move;
import dev.postwright.store.SqlDatabase;
import dev.postwright.store.WriterThread;
import dev.postwright.store.Sql;
import dev.postwright.wire.JobEventCodec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The SQL of the {@code jobs} table. Each state change is one transaction that also appends the
 * event it causes, so a job's state and its log never disagree. Changes made on behalf of a run
 * are fenced by its claim, the name in {@code claimed_by} ({@link WorkerIdentity#claim}, new for
 * every claim): a run whose claim is gone changes nothing, even when its own engine has claimed
 * the job again since. Thread-safe (all access goes through {@link SqlDatabase}).
 *
 * <p>The same SQL runs on SQLite and PostgreSQL; the few statements that differ come from the
 * database's {@link QueueDialect}. Commits that make work due announce it on {@link #WORK}, and
 * appends announce their job on {@link #EVENTS}, so engines on other nodes wake at once.
 */
final class SqlJobStore {
    static final Move CLAIM = Move.of(QUEUED, RUNNING);
    static final Move SUCCEED = Move.of(RUNNING, SUCCEEDED);
    static final Move FAIL = Move.of(RUNNING, FAILED);
    static final Move REQUEUE = Move.of(RUNNING, QUEUED);
    static final Move CANCEL = Move.of(EnumSet.of(QUEUED, RUNNING), CANCELLED);
    static final Move RETRY = Move.of(EnumSet.of(FAILED, CANCELLED), QUEUED);

    /** The announcement topic of "a job may be due": no subject. */
    static final String WORK = "postwright_work";
    /** The announcement topic of "this job's log grew, or its state changed": the job id. */
    static final String EVENTS = "postwright_events";

    /**
     * A job this engine now holds, under the claim named {@code claimedBy}; {@code progress} is
     * what earlier runs reached (0 for a new job).
     */
    record Claim(String jobId, String claimedBy, JobKind kind, String request, int attempt, int progress, String owner) {}

    /** A running job whose engine is gone or whose lease ran out. */
    record Abandoned(String jobId, String claimedBy, int attempts, long leaseUntil, JobKind kind) {}

    static final String INSERT = """
            INSERT INTO jobs (id, state, kind, request, owner, run_at, created_at, updated_at)
            VALUES (?, 'queued', ?, ?, ?, ?, ?, ?)""";
    static final String HAS_DUE = "SELECT 1 FROM jobs WHERE state = 'queued' AND run_at <= ? LIMIT 1";
    private static final String FENCE = " WHERE id = ? AND state = 'running' AND claimed_by = ?";
    static final String SUCCEED_SQL = "UPDATE jobs SET " + SUCCEED.toClause() + """
            , progress = 100, current_step = NULL, eta_seconds = 0, result = ?, claimed_by = NULL, lease_until = NULL,
              finished_at = ?, updated_at = ?""" + FENCE;
    private static final String FAIL_SQL = "UPDATE jobs SET " + FAIL.toClause() + """
            , error = ?, error_code = ?, claimed_by = NULL, lease_until = NULL, finished_at = ?, updated_at = ?""" + FENCE;
    private static final String REQUEUE_SQL = "UPDATE jobs SET " + REQUEUE.toClause() + """
            , claimed_by = NULL, lease_until = NULL, run_at = ?, attempts = attempts - ?,
              progress = COALESCE(?, progress), current_step = ?, eta_seconds = ?, updated_at = ?""" + FENCE;
    private static final String CANCEL_SQL = "UPDATE jobs SET " + CANCEL.toClause() + """
            , error = 'Cancelled', error_code = 'CANCELLED', claimed_by = NULL, lease_until = NULL,
              finished_at = ?, updated_at = ? WHERE id = ? AND""" + " " + CANCEL.fromClause();
    // Progress is kept: the job resumes from its checkpoints, unless housekeeping has removed them with its log.
    private static final String RETRY_SQL = "UPDATE jobs SET " + RETRY.toClause() + """
            , error = NULL, error_code = NULL, result = NULL, attempts = 0,
              progress = CASE WHEN events_pruned = 1 THEN 0 ELSE progress END, current_step = NULL,
              eta_seconds = NULL, run_at = ?, finished_at = NULL, events_pruned = 0, updated_at = ?
            WHERE id = ? AND""" + " " + RETRY.fromClause();
    private static final String PROGRESS_SQL = """
            UPDATE jobs SET progress = ?, current_step = ?, eta_seconds = ?, updated_at = ?""" + FENCE;
    private static final String HOLDS = "SELECT 1 FROM jobs" + FENCE;
    private static final String STATE = "SELECT state FROM jobs WHERE id = ?";
    // A claim's name is unique, so it alone finds the row, through the index of running jobs.
    static final String RENEW = "UPDATE jobs SET lease_until = ? WHERE state = 'running' AND claimed_by = ?";
    // A sweep may only take a job whose holder is known dead, or whose lease is still expired now.
    private static final String ABANDONED_FENCE =
            " WHERE id = ? AND state = 'running' AND claimed_by = ? AND (? OR lease_until < ?)";
    private static final String REQUEUE_ABANDONED = "UPDATE jobs SET " + REQUEUE.toClause() + """
            , claimed_by = NULL, lease_until = NULL, run_at = ?, updated_at = ?""" + ABANDONED_FENCE;
    private static final String FAIL_ABANDONED = "UPDATE jobs SET " + FAIL.toClause() + """
            , error = ?, error_code = ?, claimed_by = NULL, lease_until = NULL, finished_at = ?, updated_at = ?"""
            + ABANDONED_FENCE;
    private static final String RUNNING_JOBS = """
            SELECT id, claimed_by, attempts, lease_until, kind FROM jobs WHERE state = 'running'""";

    private final SqlDatabase db;
    private final QueueDialect dialect;

    SqlJobStore(SqlDatabase db) {
        this.db = db;
        this.dialect = QueueDialect.of(db);
    }

    SqlDatabase database() {
        return db;
    }

    QueueDialect dialect() {
        return dialect;
    }

    /** The claim a claim statement's RETURNING row describes. */
    static Claim claimOf(ResultSet rs, String claimedBy) throws SQLException {
        return new Claim(rs.getString(1), claimedBy, JobKind.ofSqlName(rs.getString(2)), rs.getString(3), rs.getInt(4),
                rs.getInt(5), rs.getString(6));
    }

    void insert(String id, JobKind kind, String request, String owner, long now) {
        db.transaction(sql -> {
            sql.update(INSERT, id, kind.sqlName(), request, owner, now, now, now);
            db.announce(sql, WORK, null);
            return null;
        });
    }

    boolean hasDueWork(long now) {
        return db.read(sql -> sql.queryOne(HAS_DUE, rs -> true, now).isPresent());
    }

    /**
     * Takes a due queued job under the claim {@code claimedBy}, a name not used before
     * ({@link QueueDialect#claim}). Asynchronous, so a worker can ask for its next job in the same
     * commit as its last outcome: give the finished job's id as {@code orderKey}.
     */
    CompletableFuture<Optional<Claim>> claim(String orderKey, String claimedBy, String preferredIds, long now,
                                             long leaseUntil) {
        return db.submit(orderKey, sql -> dialect.claim(sql, claimedBy, preferredIds, now, leaseUntil));
    }

    /**
     * Succeeds the job and logs {@code complete}; false when {@code claim} no longer holds it.
     *
     * @param resultJson   the result envelope, stored with the job for the status route
     * @param completeJson the {@code complete} event's data, which wraps the same envelope
     * @param log          the run's events: a job whose log lost one must not complete
     */
    CompletableFuture<Boolean> succeed(String jobId, String claim, String resultJson, String completeJson, long now,
                                       GaplessLog log) {
        return db.submit(jobId, log.guard(sql -> sql.update(SUCCEED_SQL, resultJson, now, now, jobId, claim) == 1
                && appended(sql, jobId, JobEventCodec.COMPLETE, completeJson, now)));
    }

    /** Fails the job and logs {@code failed}; false when {@code claim} no longer holds it. */
    CompletableFuture<Boolean> fail(String jobId, String claim, JobEvent.Failed failed, long now) {
        return db.submit(jobId, sql -> sql.update(FAIL_SQL, failed.error(), failed.errorCode(), now, now, jobId, claim) == 1
                && appended(sql, jobId, failed, now));
    }

    /** True while the database refuses writes (a full disk): claiming a job now would only fail it. */
    boolean refusesWrites() {
        return db.writeFault().isPresent();
    }

    /**
     * Puts a running job back in the queue to run at {@code runAt}, logging {@code notice} if
     * given; its step and time remaining (the wait, in seconds from now) become the job's.
     * {@code refundAttempt} does not count this run (a shutdown is not the job's fault).
     */
    CompletableFuture<Boolean> requeue(String jobId, String claim, long runAt, boolean refundAttempt,
                                       JobEvent.ProgressUpdate notice, long now) {
        Integer progress = notice == null ? null : notice.progress();
        String step = notice == null ? null : notice.currentStep();
        Integer eta = notice == null ? null : notice.estimatedTimeRemaining();
        return db.submit(jobId, sql -> {
            if (sql.update(REQUEUE_SQL, runAt, refundAttempt ? 1 : 0, progress, step, eta, now, jobId, claim) != 1) {
                return false;
            }
            if (notice != null) appended(sql, jobId, notice, now);
            else db.announce(sql, EVENTS, jobId); // the state changed: streams elsewhere look
            db.announce(sql, WORK, null);
            return true;
        });
    }

    CommandResult cancel(String jobId, long now) {
        return db.transaction(jobId, sql -> {
            if (sql.update(CANCEL_SQL, now, now, jobId) == 1) {
                appended(sql, jobId, JobEvent.Failed.cancelled(), now);
                return CommandResult.APPLIED;
            }
            return missingOrNotAllowed(sql, jobId);
        });
    }

    CommandResult retry(String jobId, long now) {
        return db.transaction(jobId, sql -> {
            if (sql.update(RETRY_SQL, now, now, jobId) != 1) return missingOrNotAllowed(sql, jobId);
            db.announce(sql, WORK, null);
            db.announce(sql, EVENTS, jobId);
            return CommandResult.APPLIED;
        });
    }

    CommandResult delete(String jobId) {
        return db.transaction(jobId, sql -> {
            Optional<JobState> state = state(sql, jobId);
            if (state.isEmpty()) return CommandResult.NOT_FOUND;
            if (!state.get().isFinished()) return CommandResult.NOT_ALLOWED;
            sql.update("DELETE FROM jobs WHERE id = ?", jobId);
            db.announce(sql, EVENTS, jobId); // its streams end
            return CommandResult.APPLIED;
        });
    }

    /** Inside write work: records progress and logs its event; false when the claim is lost. */
    boolean progress(Sql sql, String jobId, String claim, String name, String data, int progress,
                     String step, Integer eta, long now) throws SQLException {
        return sql.update(PROGRESS_SQL, progress, step, eta, now, jobId, claim) == 1
                && dialect.appendFenced(sql, jobId, claim, name, data, null, now);
    }

    /** True while the running job is held under {@code claim}. */
    boolean holds(Sql sql, String jobId, String claim) throws SQLException {
        return sql.queryOne(HOLDS, rs -> true, jobId, claim).isPresent();
    }

    Optional<JobState> state(String jobId) {
        return db.read(sql -> state(sql, jobId));
    }

    /**
     * Extends the leases held under {@code claims} (claim name → job id), those of the runs in
     * progress; returns the claims that still hold their job. A job whose run has ended (its
     * outcome could not be stored) is not renewed, so its lease runs out and a sweep re-queues it.
     * Each renewal is ordered with its own job's writes: one transaction renewing several jobs
     * would lock their rows in its own order, against the runs' batches locking them in theirs.
     */
    Set<String> renewLeases(Map<String, String> claims, long leaseUntil) {
        if (claims.isEmpty()) return Set.of();
        Map<String, CompletableFuture<Boolean>> renewals = new HashMap<>();
        claims.forEach((claim, jobId) -> renewals.put(claim,
                db.submit(jobId, sql -> sql.update(RENEW, leaseUntil, claim) == 1)));
        Set<String> held = new HashSet<>();
        renewals.forEach((claim, renewed) -> {
            if (WriterThread.join(renewed)) held.add(claim);
        });
        return held;
    }

    /** Every running job, for the sweep to judge. */
    List<Abandoned> running() {
        return db.read(sql -> sql.query(RUNNING_JOBS, rs -> new Abandoned(rs.getString(1), rs.getString(2),
                rs.getInt(3), rs.getLong(4), JobKind.ofSqlName(rs.getString(5)))));
    }

    /** Re-queues an abandoned job at once; false if its holder renewed the lease meanwhile. */
    boolean requeueAbandoned(Abandoned job, boolean holderDead, long now) {
        return db.transaction(job.jobId(), sql -> {
            if (sql.update(REQUEUE_ABANDONED, now, now, job.jobId(), job.claimedBy(), holderDead, now) != 1) return false;
            db.announce(sql, WORK, null);
            db.announce(sql, EVENTS, job.jobId());
            return true;
        });
    }

    /** Fails an abandoned job that has used up its attempts, logging {@code failed}. */
    boolean failAbandoned(Abandoned job, boolean holderDead, JobEvent.Failed failed, long now) {
        return db.transaction(job.jobId(), sql -> sql.update(FAIL_ABANDONED, failed.error(), failed.errorCode(), now, now,
                job.jobId(), job.claimedBy(), holderDead, now) == 1 && appended(sql, job.jobId(), failed, now));
    }

    private boolean appended(Sql sql, String jobId, JobEvent event, long now) throws SQLException {
        return appended(sql, jobId, JobEventCodec.name(event), JobEventCodec.encodeData(event), now);
    }

    private boolean appended(Sql sql, String jobId, String name, String data, long now) throws SQLException {
        dialect.append(sql, jobId, name, data, now);
        return true;
    }

    private static Optional<JobState> state(Sql sql, String jobId) throws SQLException {
        return sql.queryOne(STATE, rs -> JobTransitions.fromSql(rs.getString(1)), jobId);
    }

    private static CommandResult missingOrNotAllowed(Sql sql, String jobId) throws SQLException {
        return state(sql, jobId).isPresent() ? CommandResult.NOT_ALLOWED : CommandResult.NOT_FOUND;
    }
}
