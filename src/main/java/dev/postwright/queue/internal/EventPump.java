package dev.postwright.queue.internal;

import dev.postwright.jobs.JobEventListener;
import dev.postwright.jobs.LoggedEvent;
import dev.postwright.jobs.Subscription;
import dev.postwright.model.JobEvent;
import dev.postwright.store.SqlDatabase;
import dev.postwright.store.StoreException;
import dev.postwright.wire.JobEventCodec;
import dev.postwright.wire.WireFormatException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One subscription. It keeps a cursor (the last delivered sequence number) and, whenever it is
 * signalled, reads the log past the cursor and delivers what it finds. Replay and live delivery
 * are the same read, so there is no seam to lose or repeat an event at. Signals coalesce: one
 * drain runs at a time on the executor and picks up every event appended before it reads.
 */
final class EventPump implements Subscription {
    private static final System.Logger LOG = System.getLogger(EventPump.class.getName());
    private static final int BATCH = 256;
    private static final String END_CHECK = """
            SELECT state, (SELECT MAX(seq) FROM job_events WHERE job_key = jobs.key) FROM jobs WHERE id = ?""";

    private final String jobId;
    private final JobEventListener listener;
    private final SqlDatabase db;
    private final JobFeed feed;
    private boolean replayed;
    private final Executor executor;
    private final Runnable onEnd;
    private final AtomicInteger pendingSignals = new AtomicInteger();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final CountDownLatch endDelivered = new CountDownLatch(1);
    private volatile Thread draining;
    private volatile boolean closed;
    private long cursor; // touched only inside drain(), which never runs concurrently with itself

    EventPump(String jobId, long afterSeq, JobEventListener listener, SqlDatabase db, JobFeed feed, Executor executor,
              Runnable onEnd) {
        this.feed = feed;
        this.jobId = jobId;
        this.cursor = afterSeq;
        this.listener = listener;
        this.db = db;
        this.executor = executor;
        this.onEnd = onEnd;
    }

    String jobId() {
        return jobId;
    }

    /** New events may be in the log: schedule a drain unless one is already due. */
    void signal() {
        if (pendingSignals.getAndIncrement() == 0) executor.execute(this::drain);
    }

    @Override
    public void close() {
        closed = true;
        signal(); // onEnd is called from the delivery thread, never concurrently with onEvent
    }

    /**
     * Waits until the subscription has ended (its last drain finished and {@code onEnd} was
     * delivered), so the caller may close the database the drains read. Returns at once when
     * called from this pump's own delivery thread (a listener closing the queue), and after
     * {@code timeout} at most: a listener that never returns must not hold up a shutdown.
     */
    void awaitEnd(Duration timeout) throws InterruptedException {
        if (Thread.currentThread() == draining) return;
        endDelivered.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void drain() {
        draining = Thread.currentThread();
        try {
            drainSignals();
        } finally {
            draining = null;
        }
    }

    private void drainSignals() {
        int missed = 1;
        do {
            if (!closed) {
                try {
                    deliverNewEvents();
                } catch (StoreException e) {
                    // The next signal retries from the same cursor; nothing is skipped.
                    LOG.log(Level.WARNING, "Reading the events of job " + jobId + " failed; will retry", e);
                }
            }
            if (closed && ended.compareAndSet(false, true)) end();
            missed = pendingSignals.addAndGet(-missed);
        } while (missed != 0);
    }

    private void deliverNewEvents() {
        boolean sawTerminal = false;
        boolean sawAny = false;
        // Live drains take what the job's other subscriptions read too; the first drain (the replay),
        // and any that is behind what a shared read covers, pages through the log on its own.
        List<JobFeed.Read> reads = replayed ? feed.after(cursor, db, BATCH) : null;
        replayed = true;
        boolean paging = reads == null;
        do {
            if (paging) reads = JobFeed.readAfter(db, jobId, cursor, BATCH);
            for (var read : reads) {
                if (closed) return;
                cursor = read.seq();
                sawAny = true;
                read.event().ifPresent(this::deliver);
                sawTerminal = read.event().map(e -> e.event().isTerminal()).orElse(false);
            }
        } while (paging && reads.size() == BATCH);
        // A job ends with its terminal event, so only then (or when nothing came: a deleted job,
        // a pruned log) is the end worth a query; a busy job's drains skip it.
        if ((sawTerminal || !sawAny) && isFinishedAndDelivered()) closed = true;
    }

    private boolean isFinishedAndDelivered() {
        long delivered = cursor;
        return db.read(sql -> sql.queryOne(END_CHECK, rs -> JobTransitions.fromSql(rs.getString(1)).isFinished()
                        && rs.getLong(2) <= delivered, jobId))
                .orElse(true); // the job was deleted
    }

    /** The stored event as a model event; empty, with a warning, when it cannot be read. */
    static Optional<LoggedEvent> decode(String jobId, SqlEventLog.StoredEvent stored) {
        try {
            Optional<JobEvent> event = JobEventCodec.decode(stored.name(), stored.data());
            if (event.isEmpty()) {
                LOG.log(Level.WARNING, "Skipping event {0} of job {1}: unknown event name \"{2}\"", stored.seq(), jobId,
                        stored.name());
            }
            return event.map(e -> new LoggedEvent(jobId, stored.seq(), e, Instant.ofEpochMilli(stored.at())));
        } catch (WireFormatException e) {
            LOG.log(Level.WARNING, "Skipping event {0} of job {1}: {2}", stored.seq(), jobId, e.getMessage());
            return Optional.empty();
        }
    }

    private void deliver(LoggedEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A listener of job " + jobId + " failed on event " + event.seq(), e);
        }
    }

    private void end() {
        onEnd.run();
        try {
            listener.onEnd();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A listener of job " + jobId + " failed when its subscription ended", e);
        } finally {
            endDelivered.countDown();
        }
    }
}
