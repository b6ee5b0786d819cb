package dev.postwright.queue.internal;

import dev.postwright.jobs.Backoff;
import dev.postwright.jobs.CancellationToken.Reason;
import dev.postwright.jobs.CancellationToken;
import dev.postwright.jobs.JobCancelledException;
import dev.postwright.jobs.JobFailure;
import dev.postwright.model.JobEvent;
import dev.postwright.model.JobKind;
import dev.postwright.model.JobInput;
import dev.postwright.model.JobResult;
import dev.postwright.model.JobState;
import dev.postwright.queue.JobHandler;
import dev.postwright.queue.QueueSettings;
import dev.postwright.store.StoreException;
import dev.postwright.wire.JobInputCodec;
import dev.postwright.wire.ResultCodec;
import dev.postwright.wire.WireFormatException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Claims a due job, runs the handler, and records how the run ended. One instance per engine;
 * called from its worker threads (and from tests, on the test thread). Every claim gets a name
 * of its own, which fences the writes of its run and keys it among the runs in progress: should
 * this engine claim a job again while an earlier run of it is still in its handler (stalled past
 * its lease, then swept), the two runs are told apart and only the newer one can write.
 */
final class JobRunner {
    private static final System.Logger LOG = System.getLogger(JobRunner.class.getName());

    /** A run in progress: its job and the token that stops it. */
    record Run(String jobId, CancellationToken token) {}

    private final SqlJobStore store;
    private final JobHandler handler;
    private final String worker;
    private final QueueSettings settings;
    private final Clock clock;
    private final Backoff backoff;
    private final Backoff publishBackoff;
    private final Consumer<String> appended;
    private final Map<String, Run> running = new ConcurrentHashMap<>();
    /**
     * Runs that are over but whose job could not be handed back, because the database refused
     * the write: claim name → job id. The claim stays this engine's (so no sweep takes the job for
     * crashed, and the heartbeat renews it); the heartbeat retries the hand-back until it is taken.
     */
    private final Map<String, String> handingBack = new ConcurrentHashMap<>();
    private final AtomicLong claims = new AtomicLong();
    private final PreferredJobs preferred = new PreferredJobs();
    private volatile boolean shuttingDown;

    JobRunner(SqlJobStore store, JobHandler handler, String worker, QueueSettings settings, Clock clock,
              Backoff backoff, Backoff publishBackoff, Consumer<String> appended) {
        this.store = store;
        this.handler = handler;
        this.worker = worker;
        this.settings = settings;
        this.clock = clock;
        this.backoff = backoff;
        this.publishBackoff = publishBackoff;
        this.appended = appended;
    }

    /** The runs in progress in this engine, by the name of their claim. */
    Map<String, Run> running() {
        return running;
    }

    /** From now on, claims take {@code jobId} before any other due job, until it is finished. */
    void prefer(String jobId) {
        preferred.add(jobId);
    }

    /** Claims still owed a hand-back, by name, with their job ids (see {@link #retryHandBacks()}). */
    Map<String, String> handingBack() {
        return handingBack;
    }

    /**
     * Tries again to hand back the jobs whose runs the database cut short; those it takes are
     * queued to run again, attempt not counted. Returns how many went back.
     */
    int retryHandBacks() {
        int returned = 0;
        for (var owed : Map.copyOf(handingBack).entrySet()) {
            try {
                if (handBack(owed.getValue(), owed.getKey()).join()) returned++;
                handingBack.remove(owed.getKey()); // taken back, or the claim is no longer ours to return
            } catch (CompletionException e) {
                if (!(e.getCause() instanceof StoreException)) throw e;
                break; // still refused: the next heartbeat tries again
            }
        }
        return returned;
    }

    /** Claims a due job, if any: a preferred one first, else the oldest; none while the database refuses writes. */
    Optional<SqlJobStore.Claim> claimDue() {
        if (store.refusesWrites()) return Optional.empty();
        // A cheap read first: an empty queue then costs no write lock, which other processes would wait for.
        if (!store.hasDueWork(clock.millis())) return Optional.empty();
        return claim(null).join();
    }

    /** A claim, ordered with {@code afterJob}'s writes (so it shares their commit), or with none. */
    private CompletableFuture<Optional<SqlJobStore.Claim>> claim(String afterJob) {
        long now = clock.millis();
        String name = WorkerIdentity.claim(worker, claims.incrementAndGet());
        return store.claim(afterJob != null ? afterJob : name, name, preferred.json(), now,
                now + settings.leaseDuration().toMillis());
    }

    /** Runs due jobs one after another until none is due; returns how many ran. */
    int runDueJobs(java.util.function.BooleanSupplier keepGoing) {
        int ran = 0;
        Optional<SqlJobStore.Claim> next = claimDue();
        while (next.isPresent()) {
            next = run(next.get(), keepGoing.getAsBoolean());
            ran++;
        }
        return ran;
    }

    /** Stops every local run of the job (a run that lost its claim may not have noticed yet). */
    void cancelLocal(String jobId, Reason reason) {
        running.values().forEach(run -> {
            if (run.jobId().equals(jobId)) run.token().cancel(reason);
        });
    }

    /**
     * Waits until no job is running in this engine, at most {@code timeout}; true if idle.
     * Used by shutdown paths and tests, which must not guess with sleeps.
     */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (running) {
            while (!running.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                TimeUnit.NANOSECONDS.timedWait(running, left);
            }
            return true;
        }
    }

    /** Stops every local run; from now on a job claimed here is released as soon as it starts. */
    void shutDown() {
        shuttingDown = true;
        running.values().forEach(run -> run.token().cancel(Reason.SHUTDOWN));
    }

    /**
     * Runs a claimed job and records how it ended. With {@code claimNext}, the next due job is
     * claimed in the same commit as this outcome, which saves the worker a round trip per job.
     */
    private Optional<SqlJobStore.Claim> run(SqlJobStore.Claim claim, boolean claimNext) {
        String jobId = claim.jobId();
        var token = new CancellationToken();
        CompletableFuture<Boolean> outcome;
        WorkerJobContext context = null;
        running.put(claim.claimedBy(), new Run(jobId, token));
        if (shuttingDown) token.cancel(Reason.SHUTDOWN); // claimed while close() ran: release, do not run
        try {
            JobInput input = JobInputCodec.decode(claim.kind(), claim.request());
            context = new WorkerJobContext(claim, input, token, store, clock, appended);
            token.throwIfCancelled();
            JobResult result = handler.run(context);
            token.throwIfCancelled();
            outcome = succeed(claim, result, context.log());
        } catch (JobCancelledException e) {
            outcome = afterCancel(claim, token.reason() != null ? token.reason() : e.reason());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = afterCancel(claim, token.reason() != null ? token.reason() : Reason.SHUTDOWN);
        } catch (JobFailure failure) {
            outcome = afterFailure(claim, context.progress(), failure); // only the handler throws it: context is set
        } catch (WireFormatException e) {
            outcome = fail(claim, new JobEvent.Failed("The request stored for this job cannot be read: "
                    + e.getMessage(), "INVALID_REQUEST"));
        } catch (StoreException e) {
            // The database refused a write of the run. A full disk is not the job's fault: it goes back.
            LOG.log(e.diskFull() ? Level.INFO : Level.WARNING, "Job {0} stopped: {1}", jobId, e.getMessage());
            outcome = e.diskFull() ? handBack(claim) : internalError(claim, e);
        } catch (RuntimeException | Error e) {
            outcome = internalError(claim, e);
        }
        var next = claimNext && !shuttingDown && !store.refusesWrites()
                ? claim(jobId)
                : CompletableFuture.completedFuture(Optional.<SqlJobStore.Claim>empty());
        try {
            awaitStored(claim, outcome);
        } finally {
            synchronized (running) {
                running.remove(claim.claimedBy());
                running.notifyAll();
            }
            appended.accept(jobId);
        }
        // Read back rather than inferred from the outcome: a job waiting for its retry stays preferred.
        if (preferred.contains(jobId) && store.state(jobId).map(JobState::isFinished).orElse(true)) {
            preferred.remove(jobId);
        }
        return next.join();
    }

    /**
     * Waits for the run's outcome to be stored. When the database refuses it, the job is left to
     * the heartbeat to hand back: its result (if any) is gone with this run, but its checkpoints
     * are not, so the next run goes on from the last finished stage.
     */
    private void awaitStored(SqlJobStore.Claim claim, CompletableFuture<Boolean> outcome) {
        try {
            outcome.join();
        } catch (CompletionException e) {
            if (!(e.getCause() instanceof StoreException refused)) throw e;
            LOG.log(Level.INFO, "How job {0} ended could not be stored ({1}); it goes back to the queue once the "
                    + "database takes writes again", claim.jobId(), refused.getMessage());
            handingBack.put(claim.claimedBy(), claim.jobId()); // before the run leaves running: no sweep in between
        }
    }

    /** Back to the queue, due now, attempt not counted: the run did not fail, it was stopped. */
    private CompletableFuture<Boolean> handBack(SqlJobStore.Claim claim) {
        return handBack(claim.jobId(), claim.claimedBy());
    }

    private CompletableFuture<Boolean> handBack(String jobId, String claimName) {
        return store.requeue(jobId, claimName, clock.millis(), true, null, clock.millis());
    }

    private CompletableFuture<Boolean> succeed(SqlJobStore.Claim claim, JobResult result, GaplessLog log) {
        var encoded = ResultCodec.completion(result);
        return store.succeed(claim.jobId(), claim.claimedBy(), encoded.result(), encoded.completeData(), clock.millis(),
                        log)
                .thenApply(stored -> {
                    if (!stored) {
                        LOG.log(Level.INFO, "Job {0} finished after it was cancelled or taken over; its result is "
                                + "discarded", claim.jobId());
                    }
                    return stored;
                });
    }

    private CompletableFuture<Boolean> internalError(SqlJobStore.Claim claim, Throwable e) {
        LOG.log(Level.ERROR, "Job " + claim.jobId() + " failed with an internal error", e);
        return fail(claim, new JobEvent.Failed("Postwright hit an internal error while working on this job ("
                + e.getClass().getSimpleName() + "). Retry it; if it happens again, please report it with the log.",
                "INTERNAL_ERROR"));
    }

    private CompletableFuture<Boolean> fail(SqlJobStore.Claim claim, JobEvent.Failed failed) {
        return store.fail(claim.jobId(), claim.claimedBy(), failed, clock.millis());
    }

    private CompletableFuture<Boolean> afterCancel(SqlJobStore.Claim claim, Reason reason) {
        // CANCELLED: cancel() already ended the job. TAKEN_OVER: another claim holds it now.
        return switch (reason) {
            case SHUTDOWN -> handBack(claim);
            // A full disk is not the job's fault; any other refused write is ours, and retrying would repeat it.
            case STORE_REFUSED -> store.refusesWrites() ? handBack(claim) : fail(claim, new JobEvent.Failed(
                    "Postwright could not save this job's progress. Retry it; if it happens again, please report it "
                            + "with the log.", "INTERNAL_ERROR"));
            case CANCELLED, TAKEN_OVER -> CompletableFuture.completedFuture(false);
        };
    }

    /** Fails the job, or re-queues it for a retry with a notice that keeps its progress so far. */
    private CompletableFuture<Boolean> afterFailure(SqlJobStore.Claim claim, int progress, JobFailure failure) {
        var failed = new JobEvent.Failed(failure.getMessage(), failure.errorCode());
        int attempts = settings.attemptsFor(claim.kind());
        if (!failure.isTransient() || claim.attempt() >= attempts) {
            return fail(claim, failed);
        }
        Duration wait = failure.retryAfter() != null ? failure.retryAfter()
                : claim.kind() == JobKind.PUBLISH ? publishBackoff.after(claim.attempt()) : backoff.after(claim.attempt());
        long now = clock.millis();
        String step = "Retrying in %s (attempt %d of %d): %s".formatted(inWords(wait), claim.attempt() + 1, attempts,
                failure.getMessage());
        var notice = new JobEvent.ProgressUpdate(progress, step, (int) wait.toSeconds(), "retry-wait", null, null);
        return store.requeue(claim.jobId(), claim.claimedBy(), now + wait.toMillis(), false, notice, now);
    }

    /** "45 s", or "30 min" for the outbox's longer waits. */
    private static String inWords(Duration wait) {
        long seconds = Math.max(1, wait.toSeconds());
        return seconds < 120 ? seconds + " s" : Math.round(seconds / 60.0) + " min";
    }
}
