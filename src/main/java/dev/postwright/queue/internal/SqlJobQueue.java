package dev.postwright.queue.internal;

import dev.postwright.jobs.Backoff;
import dev.postwright.jobs.CancellationToken.Reason;
import dev.postwright.jobs.CommandResult;
import dev.postwright.jobs.InvalidRequestException;
import dev.postwright.jobs.JobEventListener;
import dev.postwright.jobs.JobNotFoundException;
import dev.postwright.jobs.LoggedEvent;
import dev.postwright.jobs.Subscription;
import dev.postwright.model.FieldProblem;
import dev.postwright.model.JobInput;
import dev.postwright.model.JobKind;
import dev.postwright.model.JobRequest;
import dev.postwright.model.JobStatus;
import dev.postwright.queue.JobHandler;
import dev.postwright.queue.JobQueue;
import dev.postwright.queue.QueueSettings;
import dev.postwright.store.SqlDatabase;
import dev.postwright.store.StoreException;
import dev.postwright.wire.JobInputCodec;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * {@link JobQueue} on a {@link SqlDatabase}, SQLite or PostgreSQL; see the interface for the
 * contract. On PostgreSQL, other nodes' enqueues and appends arrive as announcements and wake
 * this engine's workers and streams at once; the poll interval stays the backstop for
 * announcements missed, and for work made due by time.
 */
public final class SqlJobQueue implements JobQueue {
    private static final System.Logger LOG = System.getLogger(SqlJobQueue.class.getName());
    private static final Duration PRUNE_EVERY = Duration.ofHours(6);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);
    /** How long close waits for subscriptions' last deliveries before the database may go. */
    private static final Duration DELIVERY_GRACE = Duration.ofSeconds(2);

    private final SqlJobStore store;
    private final JobRows rows;
    private final Housekeeping housekeeping;
    private final QueueSettings settings;
    private final Clock clock;
    private final Supplier<String> ids;
    private final WorkSignal signal = new WorkSignal();
    private final Subscriptions subscriptions;
    private final JobRunner runner;
    private final WorkerPool pool;
    private final LeaseKeeper leases;
    private final ScheduledExecutorService timers;
    private final String worker;
    private final SqlDatabase db;
    private boolean started;

    public SqlJobQueue(SqlDatabase db, JobHandler handler, QueueSettings settings, Clock clock,
                          ThreadFactory threadFactory, Executor delivery, RandomGenerator random, Supplier<String> ids) {
        this.store = new SqlJobStore(db);
        this.rows = new JobRows(db, store.dialect());
        this.housekeeping = new Housekeeping(db);
        this.settings = settings;
        this.clock = clock;
        this.ids = ids;
        this.subscriptions = new Subscriptions(db, delivery);
        this.worker = WorkerIdentity.create(() -> Long.toHexString(random.nextLong()));
        this.runner = new JobRunner(store, handler, worker, settings, clock,
                new Backoff(settings.retryBaseDelay(), settings.retryMaxDelay(), random),
                new Backoff(settings.retryBaseDelay(), settings.publishMaxDelay(), random), subscriptions::appended);
        this.pool = new WorkerPool(settings.workers(), threadFactory, signal, settings.pollInterval(), runner);
        this.leases = new LeaseKeeper(store, runner, settings, clock, signal::wakeAll);
        var scheduler = new ScheduledThreadPoolExecutor(1, threadFactory);
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.timers = scheduler;
        this.db = db;
        db.onWriteFaultChange(this::afterWriteFaultChange);
        db.onAnnouncement(SqlJobStore.WORK, nothing -> signal.wakeAll());
        db.onAnnouncement(SqlJobStore.EVENTS, jobId -> {
            if (jobId == null) subscriptions.signalAll(); // announcements may have been missed
            else subscriptions.appended(jobId);
        });
    }

    /** Room again: hand back what the fault cut short and wake the workers, off the database's thread. */
    private void afterWriteFaultChange() {
        if (db.writeFault().isPresent()) return;
        try {
            timers.execute(guarded(() -> {
                leases.heartbeat();
                signal.wakeAll();
            }));
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // the queue is closed; the next start sweeps
        }
    }

    @Override
    public Optional<String> writeFault() {
        return db.writeFault().map(StoreException::getMessage);
    }

    @Override
    public Optional<String> databaseProblem() {
        return db.problem();
    }

    @Override
    public String databaseKind() {
        return switch (db.dialect()) {
            case SQLITE -> "SQLite";
            case POSTGRESQL -> "PostgreSQL";
        };
    }

    @Override
    public synchronized void start() {
        if (started) return;
        started = true;
        // Before any worker starts, so a crashed run's job is picked up by this start.
        int recovered = leases.sweep();
        if (recovered > 0) LOG.log(Level.INFO, "Recovered {0} job(s) left running by a stopped engine", recovered);
        pool.start();
        long lease = settings.leaseDuration().toMillis();
        every(lease / 3, leases::heartbeat);
        every(lease / 2, leases::sweep);
        every(settings.pollInterval().toMillis(), subscriptions::signalAll);
        timers.scheduleWithFixedDelay(guarded(this::pruneEventLogs), 0, PRUNE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void every(long millis, Runnable task) {
        timers.scheduleWithFixedDelay(guarded(task), millis, millis, TimeUnit.MILLISECONDS);
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (StoreException e) {
                // A full disk is said once, by the database; housekeeping just waits for room.
                if (e.diskFull()) LOG.log(Level.DEBUG, "Queue housekeeping waits for room: {0}", e.getMessage());
                else LOG.log(Level.WARNING, "Queue housekeeping failed; it runs again shortly", e);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Queue housekeeping failed; it runs again shortly", e);
            }
        };
    }

    @Override
    public String enqueue(JobRequest request, String owner) {
        return enqueue(request, owner, false);
    }

    @Override
    public String enqueue(JobInput input, String owner) {
        return enqueue(input, owner, false);
    }

    @Override
    public String enqueueFirst(JobInput input, String owner) {
        return enqueue(input, owner, true);
    }

    private String enqueue(JobInput input, String owner, boolean first) {
        List<FieldProblem> problems = input.problems();
        if (!problems.isEmpty()) throw new InvalidRequestException(problems);
        String id = ids.get();
        if (first) runner.prefer(id); // before the insert, so no claim can see the job without its preference
        store.insert(id, input.kind(), JobInputCodec.encode(input), owner, clock.millis());
        signal.wakeAll();
        return id;
    }

    @Override
    public Optional<JobStatus> status(String jobId) {
        return rows.status(jobId);
    }

    @Override
    public List<JobStatus> list(int limit, JobKind kind) {
        return rows.list(limit, kind);
    }

    @Override
    public Optional<JobInput> input(String jobId) {
        return rows.input(jobId);
    }

    @Override
    public List<JobStatus> list(int limit) {
        return rows.list(limit);
    }

    @Override
    public List<JobStatus> listOwnedBy(String owner, int limit) {
        return rows.listOwnedBy(owner, limit);
    }

    @Override
    public CommandResult cancel(String jobId) {
        CommandResult result = store.cancel(jobId, clock.millis());
        if (result == CommandResult.APPLIED) {
            runner.cancelLocal(jobId, Reason.CANCELLED);
            subscriptions.appended(jobId);
        }
        return result;
    }

    @Override
    public CommandResult retry(String jobId) {
        CommandResult result = store.retry(jobId, clock.millis());
        if (result == CommandResult.APPLIED) {
            signal.wakeAll();
            subscriptions.appended(jobId);
        }
        return result;
    }

    @Override
    public CommandResult delete(String jobId) {
        CommandResult result = store.delete(jobId);
        if (result == CommandResult.APPLIED) subscriptions.appended(jobId);
        return result;
    }

    @Override
    public Subscription subscribe(String jobId, long afterSeq, JobEventListener listener) {
        if (store.state(jobId).isEmpty()) throw new JobNotFoundException(jobId);
        return subscriptions.open(jobId, Math.max(0, afterSeq), listener);
    }

    @Override
    public List<LoggedEvent> events(String jobId, long afterSeq) {
        if (store.state(jobId).isEmpty()) throw new JobNotFoundException(jobId);
        return store.database().read(sql -> SqlEventLog.readAfter(sql, jobId, Math.max(0, afterSeq), Integer.MAX_VALUE))
                .stream().map(stored -> EventPump.decode(jobId, stored)).flatMap(Optional::stream).toList();
    }

    @Override
    public CompletableFuture<JobStatus> whenFinished(String jobId) {
        var finished = new CompletableFuture<JobStatus>();
        awaitEnd(jobId, finished);
        return finished;
    }

    private void awaitEnd(String jobId, CompletableFuture<JobStatus> finished) {
        long last = store.database().read(sql -> SqlEventLog.lastSeq(sql, jobId));
        try {
            // Start at the last logged event: if it is the terminal one, the subscription ends at once.
            subscribe(jobId, Math.max(0, last - 1), new JobEventListener() {
                @Override
                public void onEvent(LoggedEvent event) {}

                @Override
                public void onEnd() {
                    Optional<JobStatus> status = status(jobId);
                    if (status.isEmpty()) finished.completeExceptionally(new JobNotFoundException(jobId));
                    else if (status.get().state().isFinished()) finished.complete(status.get());
                    else awaitEnd(jobId, finished); // retried meanwhile: wait for the new run
                }
            });
        } catch (JobNotFoundException e) {
            finished.completeExceptionally(e);
        }
    }

    @Override
    public int pruneEventLogs() {
        long cutoff = clock.millis() - settings.keepEventsFor().toMillis();
        int pruned = housekeeping.prune(cutoff, settings.keepEventsOfRecent());
        if (pruned > 0) LOG.log(Level.INFO, "Pruned the event logs of {0} finished job(s)", pruned);
        return pruned;
    }

    /**
     * Runs due jobs on the calling thread until none is due; returns how many ran. For tests and
     * engines without workers: with an injected clock, this makes retries and backoff testable
     * without waiting.
     */
    public int runDueJobs() {
        return runner.runDueJobs(() -> true);
    }

    /** Waits until no job runs in this engine, at most {@code timeout}; true if it became idle. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return runner.awaitIdle(timeout);
    }

    /** This engine's name, which starts each of its claims in {@code jobs.claimed_by} (tests). */
    String workerId() {
        return worker;
    }

    /** Runs one sweep now (tests; normally scheduled). */
    public int sweepNow() {
        return leases.sweep();
    }

    /** Runs one heartbeat now (tests; normally scheduled). */
    public void heartbeatNow() {
        leases.heartbeat();
    }

    @Override
    public void close() {
        timers.shutdownNow();
        runner.shutDown();
        pool.stop(SHUTDOWN_GRACE);
        subscriptions.closeAll(DELIVERY_GRACE);
    }
}
