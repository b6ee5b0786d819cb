package dev.postwright.ui.fx;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs work once things have been quiet for a while: each {@link #trigger()} restarts the wait,
 * so a burst of keystrokes costs one run. The work runs on {@code scheduler}'s thread, never the
 * FX thread; it hands results back through {@link FxFrames}. Thread-safe.
 */
public final class Debouncer {
    private final ScheduledExecutorService scheduler;
    private final Duration quiet;
    private final Runnable work;
    private ScheduledFuture<?> pending;

    public Debouncer(ScheduledExecutorService scheduler, Duration quiet, Runnable work) {
        this.scheduler = scheduler;
        this.quiet = quiet;
        this.work = work;
    }

    public synchronized void trigger() {
        if (pending != null) pending.cancel(false);
        pending = scheduler.schedule(work, quiet.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Drops a run that has not started yet. */
    public synchronized void cancel() {
        if (pending != null) pending.cancel(false);
        pending = null;
    }
}
