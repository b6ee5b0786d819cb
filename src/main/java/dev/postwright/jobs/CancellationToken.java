package dev.postwright.jobs;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tells a running job to stop. Stages check it between steps ({@link #throwIfCancelled()}) and
 * register callbacks that abort blocking work, such as cancelling an HTTP call
 * ({@link #onCancel(Runnable)}). Thread-safe; cancelled at most once.
 */
public final class CancellationToken {
    /** Why a job must stop; decides what the queue records afterwards. */
    public enum Reason {
        /** Someone cancelled the job: it ends "Cancelled" and saves nothing more. */
        CANCELLED,
        /** This engine is shutting down: the job goes back to the queue and resumes on the next start. */
        SHUTDOWN,
        /** Another engine took the job over (our lease lapsed): this run's work is discarded. */
        TAKEN_OVER,
        /**
         * The database refused one of the run's writes (the disk is full): the run stops before it
         * could leave a gap in the job's log, and the job goes back to the queue, attempt not counted.
         */
        STORE_REFUSED
    }

    private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();
    private volatile Reason reason;

    public boolean isCancelled() {
        return reason != null;
    }

    /** Why the job was cancelled, or null while it may go on. */
    public Reason reason() {
        return reason;
    }

    /** @throws JobCancelledException once the token is cancelled */
    public void throwIfCancelled() {
        Reason r = reason;
        if (r != null) throw new JobCancelledException(r);
    }

    /**
     * Runs {@code action} when the token is cancelled, on the cancelling thread; at once if it
     * already is. Close the returned handle when the guarded work is over.
     */
    public Registration onCancel(Runnable action) {
        callbacks.add(action);
        if (reason != null && callbacks.remove(action)) action.run();
        return () -> callbacks.remove(action);
    }

    /** Cancels the token and runs the callbacks; later calls do nothing. Called by the queue. */
    public void cancel(Reason why) {
        synchronized (this) {
            if (reason != null) return;
            reason = why;
        }
        for (Runnable action : callbacks) {
            if (callbacks.remove(action)) action.run();
        }
    }

    /** A registered callback; closing it deregisters. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
