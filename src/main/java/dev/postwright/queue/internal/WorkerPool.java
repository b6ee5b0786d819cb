package dev.postwright.queue.internal;

import dev.postwright.store.StoreException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * The worker threads: each loops "claim and run a due job, else wait for a wake-up or the poll
 * interval". Enqueues in this engine wake them at once; the poll interval catches work made due
 * by time (retry backoff) or by other processes.
 */
final class WorkerPool {
    private static final System.Logger LOG = System.getLogger(WorkerPool.class.getName());

    private final int size;
    private final ThreadFactory threadFactory;
    private final WorkSignal signal;
    private final Duration pollInterval;
    private final JobRunner runner;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    WorkerPool(int size, ThreadFactory threadFactory, WorkSignal signal, Duration pollInterval, JobRunner runner) {
        this.size = size;
        this.threadFactory = threadFactory;
        this.signal = signal;
        this.pollInterval = pollInterval;
        this.runner = runner;
    }

    synchronized void start() {
        if (running) return;
        running = true;
        for (int i = 0; i < size; i++) {
            Thread thread = threadFactory.newThread(this::loop);
            threads.add(thread);
            thread.start();
        }
    }

    /** Stops taking work, waits up to {@code grace} for running jobs to wind down. */
    synchronized void stop(Duration grace) {
        running = false;
        signal.wakeAll();
        long deadline = System.nanoTime() + grace.toNanos();
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (thread.isAlive()) LOG.log(Level.WARNING, "{0} did not stop within {1}", thread.getName(), grace);
        }
        threads.clear();
    }

    private void loop() {
        while (running) {
            long seen = signal.generation();
            try {
                if (runner.runDueJobs(() -> running) > 0) continue;
            } catch (StoreException e) {
                // The database may be briefly unusable (disk full, locked); keep the worker alive.
                // A full disk is reported once, by the database, and workers wait for room.
                LOG.log(e.diskFull() ? Level.DEBUG : Level.WARNING, "A worker could not take a job; trying again shortly", e);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A worker could not take a job; trying again shortly", e);
            }
            try {
                signal.awaitChange(seen, pollInterval);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
