package dev.postwright.jobs;

import java.lang.System.Logger.Level;
import java.util.concurrent.Executor;

/**
 * One subscriber's calls, as {@link JobEventListener} promises them: one at a time, in the order
 * they were offered, on the delivery executor (never on the offering thread), {@code onEnd}
 * exactly once and nothing after it. Other work that must be ordered with the deliveries (a
 * stream's bookkeeping) runs on the same lane through {@link #execute}. A listener's exception is
 * logged and delivery goes on. Offering never blocks, so it is safe under a lock or on a network
 * library's thread. Thread-safe.
 */
public final class Delivery implements Executor {
    private static final System.Logger LOG = System.getLogger(Delivery.class.getName());

    private final String jobId;
    private final JobEventListener listener;
    private final SerialExecutor lane;
    private volatile boolean endOffered;
    private volatile Runnable cleanup = () -> { };
    private boolean ended; // touched only on the lane

    public Delivery(String jobId, JobEventListener listener, Executor executor) {
        this.jobId = jobId;
        this.listener = listener;
        this.lane = new SerialExecutor(executor);
    }

    /** Delivers {@code event} after everything offered before it, unless the end comes first. */
    public void offer(LoggedEvent event) {
        lane.execute(() -> {
            // Once end() is called nothing more is delivered, even what was offered before it
            // (EventPump stops at the same point): a closed subscription is quiet.
            if (ended || endOffered) return;
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A listener of job " + jobId + " failed on event " + event.seq(), e);
            }
        });
    }

    /**
     * Ends the subscription: {@code onEnd} runs after the delivery in progress, if any, and events
     * still waiting are dropped. Later calls do nothing.
     */
    public void end() {
        endOffered = true;
        lane.execute(this::endNow);
    }

    /**
     * Ends after everything offered so far has been delivered: for the end a terminal event
     * brings, which must reach the listener first.
     */
    public void endAfterPending() {
        lane.execute(this::endNow);
    }

    /** Runs {@code action} on the lane when the subscription ends, just before {@code onEnd}. */
    public void whenEnding(Runnable action) {
        cleanup = action;
    }

    /** Whether {@link #end} was called; true from the calling thread on. */
    public boolean isEnding() {
        return endOffered;
    }

    /** Runs {@code task} on the lane, ordered with the deliveries; skipped once the end was delivered. */
    @Override
    public void execute(Runnable task) {
        lane.execute(() -> {
            if (ended) return;
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Work for a subscriber of job " + jobId + " failed", e);
            }
        });
    }

    private void endNow() {
        if (ended) return;
        ended = true;
        endOffered = true;
        try {
            cleanup.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Ending a subscription to job " + jobId + " failed", e);
        }
        try {
            listener.onEnd();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A listener of job " + jobId + " failed when its subscription ended", e);
        }
    }
}
