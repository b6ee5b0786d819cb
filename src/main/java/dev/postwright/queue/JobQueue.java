package dev.postwright.queue;

import dev.postwright.jobs.CommandResult;
import dev.postwright.jobs.InvalidRequestException;
import dev.postwright.jobs.JobEventListener;
import dev.postwright.jobs.JobNotFoundException;
import dev.postwright.jobs.ImageJobs;
import dev.postwright.jobs.LoggedEvent;
import dev.postwright.jobs.Subscription;
import dev.postwright.model.ImageJobRequest;
import dev.postwright.model.JobInput;
import dev.postwright.model.JobRequest;
import dev.postwright.model.JobStatus;
import dev.postwright.queue.internal.SqlJobQueue;
import dev.postwright.store.SqlDatabase;
import dev.postwright.store.TimeOrderedIds;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The durable job queue: jobs, their event logs and checkpoints in a database (the data
 * folder's SQLite file, or a team's PostgreSQL), run by a pool of worker threads. A job survives
 * crashes: a job a dead engine left running is re-queued and resumes from its checkpoints.
 * Several engines (threads, processes, or nodes on one PostgreSQL) may share one database; a job
 * is never run by two at once.
 *
 * <p>All methods are thread-safe and return promptly; none runs job work on the caller's thread.
 */
public interface JobQueue extends ImageJobs, AutoCloseable {

    /** Starts the workers and housekeeping; re-queues jobs that a crashed engine left running. */
    void start();

    /**
     * Stores a new queued job and wakes a worker.
     *
     * @param owner who the job belongs to (a user name), or null for the local writer
     * @return the job id
     * @throws InvalidRequestException when the brief has problems; nothing is stored
     */
    @Override
    String enqueue(JobRequest request, String owner);

    /**
     * As {@link #enqueue(JobRequest, String)}, for a job of either kind: a blog post or a picture.
     *
     * @throws InvalidRequestException when the request has problems; nothing is stored
     */
    String enqueue(JobInput input, String owner);

    @Override
    default String enqueueImage(ImageJobRequest request, String owner) {
        return enqueue(request, owner);
    }

    /**
     * As {@link #enqueue}, and this engine claims the job before any other due job until it is
     * finished, so jobs that earlier runs left in the file do not delay it here (they run after
     * it, or beside it on other workers). For a command that runs a job of its own: enqueue it
     * before {@link #start()}, which would otherwise give the first worker a leftover job.
     * Other engines sharing the file treat the job as any other.
     */
    String enqueueFirst(JobInput input, String owner);

    @Override
    Optional<JobStatus> status(String jobId);

    /** Jobs newest first, without their results (fetch those with {@link #status}). */
    @Override
    List<JobStatus> list(int limit);

    /**
     * What the job was asked to do, as it was stored; empty for an unknown job, or one whose stored
     * request can no longer be read (logged).
     */
    Optional<JobInput> input(String jobId);

    /** The jobs {@code owner} created, newest first, without their results. */
    List<JobStatus> listOwnedBy(String owner, int limit);

    /**
     * Cancels a queued or running job: it ends {@code failed} / "Cancelled" (recorded as
     * cancelled), a running job's work is stopped, and nothing it does afterwards is stored.
     */
    @Override
    CommandResult cancel(String jobId);

    /** Re-queues a failed or cancelled job under the same id; it resumes from its checkpoints. */
    @Override
    CommandResult retry(String jobId);

    /** Deletes a finished job with its log and checkpoints. */
    @Override
    CommandResult delete(String jobId);

    /**
     * Delivers the job's events with sequence numbers above {@code afterSeq}: first those already
     * logged, then new ones as they are appended, with no gap and no duplicate between the two.
     *
     * @throws JobNotFoundException when the job does not exist
     */
    @Override
    Subscription subscribe(String jobId, long afterSeq, JobEventListener listener);

    /**
     * The events logged so far with sequence numbers above {@code afterSeq}, without following the
     * job; unreadable events are skipped with a warning.
     *
     * @throws JobNotFoundException when the job does not exist
     */
    List<LoggedEvent> events(String jobId, long afterSeq);

    /** Completes with the job's final status once it is finished (succeeded, failed or cancelled). */
    CompletableFuture<JobStatus> whenFinished(String jobId);

    /** Prunes the event logs of old finished jobs now; returns how many jobs were pruned. */
    int pruneEventLogs();

    /**
     * Why the queue's database refuses writes right now (the disk is full), as the sentence to
     * show; empty when it takes them. Clears by itself once there is room again, and the jobs the
     * fault interrupted go back to the queue, attempt not counted.
     */
    Optional<String> writeFault();

    /**
     * Whether the queue's database can be used now, found out now: why not, in a sentence that
     * names no address or user (health reports are public), or empty.
     */
    Optional<String> databaseProblem();

    /** Which database the queue runs on, {@code SQLite} or {@code PostgreSQL}, for health reports. */
    String databaseKind();

    /**
     * Stops the workers; running jobs go back to the queue and resume on the next start. Open
     * subscriptions end, and close waits briefly for their last deliveries, so the database may be
     * closed as soon as this returns.
     */
    @Override
    void close();

    static Builder builder(SqlDatabase database, JobHandler handler) {
        return new Builder(database, handler);
    }

    /** Assembles a queue; every collaborator has a production default. */
    final class Builder {
        private final SqlDatabase database;
        private final JobHandler handler;
        private QueueSettings settings = QueueSettings.DEFAULTS;
        private Clock clock = Clock.systemUTC();
        private ThreadFactory threadFactory = Thread.ofPlatform().daemon().name("postwright-worker-", 1).factory();
        private Executor deliveryExecutor;
        private RandomGenerator random = RandomGenerator.getDefault();
        private Supplier<String> ids;

        private Builder(SqlDatabase database, JobHandler handler) {
            this.database = database;
            this.handler = handler;
        }

        public Builder settings(QueueSettings settings) {
            this.settings = settings;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Makes the worker and housekeeping threads. */
        public Builder threadFactory(ThreadFactory threadFactory) {
            this.threadFactory = threadFactory;
            return this;
        }

        /** Runs subscription deliveries; by default a virtual thread per delivery run. */
        public Builder deliveryExecutor(Executor executor) {
            this.deliveryExecutor = executor;
            return this;
        }

        /** Jitter for retry backoff and the engine's identity nonce. */
        public Builder random(RandomGenerator random) {
            this.random = random;
            return this;
        }

        /** New job ids; time-ordered UUIDs (v7) with secure random bits by default. */
        public Builder ids(Supplier<String> ids) {
            this.ids = ids;
            return this;
        }

        public JobQueue build() {
            // Platform threads, reused: a drain is mostly a native SQLite read, which would pin a
            // virtual thread's carrier and stall every other virtual thread (the server's streams)
            // on a small machine. Measured in ServeLoadBenchmark.
            Executor delivery = deliveryExecutor != null ? deliveryExecutor
                    : java.util.concurrent.Executors.newCachedThreadPool(
                            Thread.ofPlatform().daemon().name("postwright-delivery-", 1).factory());
            Supplier<String> jobIds = ids != null ? ids : new TimeOrderedIds(clock, new java.security.SecureRandom());
            return new SqlJobQueue(database, handler, settings, clock, threadFactory, delivery, random, jobIds);
        }
    }
}
