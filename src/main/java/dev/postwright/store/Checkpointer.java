package dev.postwright.store;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Copies the WAL back into the database file on its own connection and thread, so commits never
 * wait for it (SQLite would otherwise checkpoint inside whichever commit crosses the threshold,
 * fsync included). PASSIVE checkpoints never block the writer or readers; the WAL restarts from
 * its beginning once a checkpoint has caught up.
 */
final class Checkpointer {
    private static final System.Logger LOG = System.getLogger(Checkpointer.class.getName());

    private final Sql sql;
    private final Path file;
    private final WriteHealth health;
    private final ScheduledThreadPoolExecutor timer;
    private boolean failing; // touched only on the timer's thread, then by stop() after it ended

    Checkpointer(Sql sql, Path file, WriteHealth health, ThreadFactory threads, Duration every) {
        this.sql = sql;
        this.file = file;
        this.health = health;
        this.timer = new ScheduledThreadPoolExecutor(1, threads);
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        timer.scheduleWithFixedDelay(this::checkpoint, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * One passive checkpoint. A failing one is said once, in a line, until one succeeds again: on
     * a full disk every checkpoint fails (the database file cannot grow), four times a second.
     */
    private void checkpoint() {
        try {
            sql.execute("PRAGMA wal_checkpoint(PASSIVE)");
            if (failing) LOG.log(Level.INFO, "WAL checkpoints work again");
            failing = false;
        } catch (SQLException e) {
            StoreException mapped = SqliteErrors.toStoreException(e, file);
            health.failed(mapped);
            if (!failing) {
                LOG.log(Level.WARNING, "A WAL checkpoint failed ({0}); the next ones will catch up", mapped.getMessage());
            }
            failing = true;
        }
    }

    /** Stops the timer and checkpoints what is left, so the file is complete without its WAL. */
    void stop() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        checkpoint();
        try {
            sql.close();
        } catch (SQLException e) {
            LOG.log(Level.DEBUG, "closing the checkpoint connection failed", e);
        }
    }
}
