package dev.postwright.store;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Whether the database takes writes. A write refused for want of disk space marks the database
 * faulted; from then on a probe tries a real write every {@code probeEvery} until one commits, and
 * the fault clears. Only the probe clears it: other commits may go through while the disk is
 * still full (a row updated in place needs no new page), and must not report recovery early.
 *
 * <p>Listeners hear every change of {@link #fault()}, on the writer thread or the probe's
 * timer; they must be quick and must not wait for writes.
 */
final class WriteHealth {
    private static final System.Logger LOG = System.getLogger(WriteHealth.class.getName());

    private final ScheduledThreadPoolExecutor timer;
    private final Duration probeEvery;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<StoreException> fault = new AtomicReference<>();
    private volatile BooleanSupplier probe = () -> false;
    private ScheduledFuture<?> probing; // guarded by this

    WriteHealth(ThreadFactory threads, Duration probeEvery) {
        this.timer = new ScheduledThreadPoolExecutor(1, threads);
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.probeEvery = probeEvery;
    }

    /** Sets the probe: one real write that needs new space, true once it has committed. */
    void probeWith(BooleanSupplier probe) {
        this.probe = probe;
    }

    Optional<StoreException> fault() {
        return Optional.ofNullable(fault.get());
    }

    void addListener(Runnable listener) {
        listeners.add(listener);
    }

    /** Called with every failure of write work; only a full disk counts. */
    void failed(Throwable failure) {
        if (!(failure instanceof StoreException e) || !e.diskFull()) return;
        if (fault.getAndSet(e) != null) return;
        LOG.log(Level.WARNING, "{0} Writes are refused until there is room; Postwright goes on by itself then.",
                e.getMessage());
        notifyListeners();
        synchronized (this) {
            if (probing != null || timer.isShutdown()) return;
            probing = timer.scheduleWithFixedDelay(this::probeOnce, probeEvery.toMillis(), probeEvery.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private void probeOnce() {
        StoreException seen = fault.get();
        if (seen == null || !probe.getAsBoolean()) return;
        synchronized (this) {
            // A write that failed while the probe ran is a newer fault: keep probing for it.
            if (!fault.compareAndSet(seen, null)) return;
            probing.cancel(false);
            probing = null;
        }
        LOG.log(Level.INFO, "The disk has room again; writes go on.");
        notifyListeners();
    }

    private void notifyListeners() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A write-health listener failed", e);
            }
        }
    }

    void stop() {
        timer.shutdownNow();
    }
}
