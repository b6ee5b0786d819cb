package dev.postwright.queue.internal;

import dev.postwright.model.JobEvent;
import dev.postwright.model.JobRequest;
import dev.postwright.model.JobResult;
import dev.postwright.queue.CancellationToken;
import dev.postwright.queue.CancellationToken.Reason;
import dev.postwright.queue.JobCancelledException;
import dev.postwright.queue.JobFailure;
import dev.postwright.queue.JobHandler;
import dev.postwright.queue.QueueSettings;
import dev.postwright.wire.Json;
import dev.postwright.wire.JobRequestCodec;
import dev.postwright.wire.ResultCodec;
import dev.postwright.wire.WireFormatException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Claims a due job, runs the handler, and records how the run ended. One instance per engine;
 * called from its worker threads (and from tests, on the test thread).
 */
final class JobRunner {
    private static final System.Logger LOG = System.getLogger(JobRunner.class.getName());

    private final SqliteJobStore store;
    private final JobHandler handler;
    private final String worker;
    private final QueueSettings settings;
    private final Clock clock;
    private final Backoff backoff;
    private final Consumer<String> appended;
    private final Map<String, CancellationToken> running = new ConcurrentHashMap<>();
    private volatile boolean shuttingDown;

    JobRunner(SqliteJobStore store, JobHandler handler, String worker, QueueSettings settings, Clock clock,
              Backoff backoff, Consumer<String> appended) {
        this.store = store;
        this.handler = handler;
        this.worker = worker;
        this.settings = settings;
        this.clock = clock;
        this.backoff = backoff;
        this.appended = appended;
    }

    /** The tokens of the jobs running in this engine, by job id. */
    Map<String, CancellationToken> running() {
        return running;
    }

    /** Claims the oldest due job, if any. */
    Optional<SqliteJobStore.Claim> claimDue() {
        long now = clock.millis();
        // A cheap read first: an empty queue then costs no write lock, which other processes would wait for.
        if (!store.hasDueWork(now)) return Optional.empty();
        return store.claim(worker, now, now + settings.leaseDuration().toMillis()).join();
    }

    /** Runs due jobs one after another until none is due; returns how many ran. */
    int runDueJobs(java.util.function.BooleanSupplier keepGoing) {
        int ran = 0;
        Optional<SqliteJobStore.Claim> next = claimDue();
        while (next.isPresent()) {
            next = run(next.get(), keepGoing.getAsBoolean());
            ran++;
        }
        return ran;
    }

    void cancelLocal(String jobId, Reason reason) {
        CancellationToken token = running.get(jobId);
        if (token != null) token.cancel(reason);
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
        running.values().forEach(token -> token.cancel(Reason.SHUTDOWN));
    }

    /**
     * Runs a claimed job and records how it ended. With {@code claimNext}, the next due job is
     * claimed in the same commit as this outcome, which saves the worker a round trip per job.
     */
    private Optional<SqliteJobStore.Claim> run(SqliteJobStore.Claim claim, boolean claimNext) {
        String jobId = claim.jobId();
        var token = new CancellationToken();
        CompletableFuture<Boolean> outcome;
        WorkerJobContext context = null;
        running.put(jobId, token);
        if (shuttingDown) token.cancel(Reason.SHUTDOWN); // claimed while close() ran: release, do not run
        try {
            JobRequest request = JobRequestCodec.decode(claim.request());
            context = new WorkerJobContext(claim, request, worker, token, store, clock, appended);
            token.throwIfCancelled();
            JobResult result = handler.run(context);
            token.throwIfCancelled();
            outcome = succeed(jobId, result);
        } catch (JobCancelledException e) {
            outcome = afterCancel(jobId, token.reason() != null ? token.reason() : e.reason());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = afterCancel(jobId, token.reason() != null ? token.reason() : Reason.SHUTDOWN);
        } catch (JobFailure failure) {
            outcome = afterFailure(claim, context.progress(), failure); // only the handler throws it: context is set
        } catch (WireFormatException e) {
            outcome = fail(jobId, new JobEvent.Failed("The brief stored for this job cannot be read: "
                    + e.getMessage(), "INVALID_REQUEST"));
        } catch (RuntimeException | Error e) {
            LOG.log(Level.ERROR, "Job " + jobId + " failed with an internal error", e);
            outcome = fail(jobId, new JobEvent.Failed("Postwright hit an internal error while working on this job ("
                    + e.getClass().getSimpleName() + "). Retry it; if it happens again, please report it with the log.",
                    "INTERNAL_ERROR"));
        }
        long now = clock.millis();
        var next = claimNext && !shuttingDown
                ? store.claim(worker, now, now + settings.leaseDuration().toMillis())
                : CompletableFuture.completedFuture(Optional.<SqliteJobStore.Claim>empty());
        try {
            outcome.join();
        } finally {
            synchronized (running) {
                running.remove(jobId);
                running.notifyAll();
            }
            appended.accept(jobId);
        }
        return next.join();
    }

    private CompletableFuture<Boolean> succeed(String jobId, JobResult result) {
        // Encoded once: the stored result and the complete event carry the same envelope.
        var envelope = ResultCodec.writeResult(result);
        String completeJson = Json.write(Json.object().set("result", envelope));
        return store.succeed(jobId, worker, Json.write(envelope), completeJson, clock.millis()).thenApply(stored -> {
            if (!stored) {
                LOG.log(Level.INFO, "Job {0} finished after it was cancelled or taken over; its result is discarded",
                        jobId);
            }
            return stored;
        });
    }

    private CompletableFuture<Boolean> fail(String jobId, JobEvent.Failed failed) {
        return store.fail(jobId, worker, failed, clock.millis());
    }

    private CompletableFuture<Boolean> afterCancel(String jobId, Reason reason) {
        // CANCELLED: cancel() already ended the job. TAKEN_OVER: someone else holds it now.
        if (reason != Reason.SHUTDOWN) return CompletableFuture.completedFuture(false);
        return store.requeue(jobId, worker, clock.millis(), true, null, clock.millis());
    }

    /** Fails the job, or re-queues it for a retry with a notice that keeps its progress so far. */
    private CompletableFuture<Boolean> afterFailure(SqliteJobStore.Claim claim, int progress, JobFailure failure) {
        var failed = new JobEvent.Failed(failure.getMessage(), failure.errorCode());
        if (!failure.isTransient() || claim.attempt() >= settings.maxAttempts()) {
            return fail(claim.jobId(), failed);
        }
        Duration wait = failure.retryAfter() != null ? failure.retryAfter() : backoff.after(claim.attempt());
        long now = clock.millis();
        String step = "Retrying in %d s (attempt %d of %d): %s".formatted(Math.max(1, wait.toSeconds()),
                claim.attempt() + 1, settings.maxAttempts(), failure.getMessage());
        var notice = new JobEvent.ProgressUpdate(progress, step, (int) wait.toSeconds(), "retry-wait", null, null);
        return store.requeue(claim.jobId(), worker, now + wait.toMillis(), false, notice, now);
    }
}
