package dev.postwright.store;

import dev.postwright.store.WriterThread.Pending;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;

/**
 * The one thread that writes to a SQLite file. Work submitted from any thread waits in the
 * bounded FIFO queue of a {@link WriterThread}; the writer takes everything waiting and runs it
 * in one transaction, so a commit covers many pieces
 * of work ("group commit"): SQLite's cost is per commit, far more than per statement. Should a
 * piece throw, the transaction is rolled back and the batch runs again with each piece in its
 * own savepoint, so the failing piece fails alone. Work may therefore run twice, and must have
 * no effect outside the database.
 *
 * <p>Order is global: work runs in the order it was submitted. A future completes only after
 * the transaction holding its work has committed (or failed).
 */
final class GroupCommitWriter {
    private static final System.Logger LOG = System.getLogger(GroupCommitWriter.class.getName());

    private final Sql sql;
    private final Path file;
    private final WriteHealth health;
    private final WriterThread thread;

    GroupCommitWriter(Sql sql, Path file, WriteHealth health, ThreadFactory threads) {
        this.sql = sql;
        this.file = file;
        this.health = health;
        this.thread = new WriterThread(file.toString(), threads, this::run);
    }

    /** Queues {@code work}; blocks only while the queue is full (back-pressure on runaway producers). */
    <T> CompletableFuture<T> submit(SqlWork<T> work) {
        return thread.submit(work);
    }

    boolean isWriterThread() {
        return thread.isWriterThread();
    }

    /** Runs what is queued, then stops the thread. */
    void stop() {
        thread.stop();
    }

    private void run(List<Pending<?>> batch) {
        // Fast path: one plain transaction. Failures are rare, so isolating each piece of work in
        // a savepoint up front would cost two statements per piece for nothing.
        if (runPlain(batch)) return;
        runIsolated(batch);
    }

    /** Runs and commits the batch; false, with everything rolled back, if a piece threw. */
    private boolean runPlain(List<Pending<?>> batch) {
        Object[] results = new Object[batch.size()];
        if (!begin(batch)) return true;
        for (int i = 0; i < batch.size(); i++) {
            try {
                results[i] = batch.get(i).work().run(sql);
            } catch (Throwable t) {
                if (batch.size() == 1) {
                    rollBack(false, t);
                    complete(batch, results, new Throwable[] {mapped(t)});
                    return true;
                }
                rollBack(false, t);
                return false;
            }
        }
        commit(batch, results, new Throwable[batch.size()]);
        return true;
    }

    /** Runs each piece in its own savepoint, so a failing piece rolls back alone. */
    private void runIsolated(List<Pending<?>> batch) {
        Object[] results = new Object[batch.size()];
        Throwable[] errors = new Throwable[batch.size()];
        if (!begin(batch)) return;
        for (int i = 0; i < batch.size(); i++) {
            try {
                sql.update("SAVEPOINT work");
                results[i] = batch.get(i).work().run(sql);
                sql.update("RELEASE work");
            } catch (Throwable t) {
                errors[i] = mapped(t);
                if (!rollBack(true, t)) {
                    failAll(batch, errors[i]);
                    return;
                }
            }
        }
        commit(batch, results, errors);
    }

    private boolean begin(List<Pending<?>> batch) {
        try {
            sql.update("BEGIN IMMEDIATE");
            return true;
        } catch (SQLException e) {
            endTransaction(e);
            failAll(batch, SqliteErrors.toStoreException(e, file));
            return false;
        }
    }

    private void commit(List<Pending<?>> batch, Object[] results, Throwable[] errors) {
        try {
            sql.update("COMMIT");
        } catch (SQLException e) {
            rollBack(false, e);
            failAll(batch, SqliteErrors.toStoreException(e, file));
            return;
        }
        complete(batch, results, errors);
    }

    private Throwable mapped(Throwable t) {
        return t instanceof SQLException e ? SqliteErrors.toStoreException(e, file) : t;
    }

    /** Undoes the failed piece (or everything); false when the transaction itself is gone. */
    private boolean rollBack(boolean toSavepoint, Throwable cause) {
        if (toSavepoint) {
            try {
                sql.update("ROLLBACK TO work");
                sql.update("RELEASE work");
                return true;
            } catch (SQLException e) {
                cause.addSuppressed(e);
            }
        }
        endTransaction(cause);
        return false;
    }

    /**
     * Rolls the whole transaction back, whatever state the failure left it in, so the next batch
     * starts clean. SQLite may already have ended it (after SQLITE_FULL it often has); the driver
     * may have left the failed statement half-run. Both are reset: the cached statements are
     * dropped and the rollback runs as a fresh statement.
     */
    private void endTransaction(Throwable cause) {
        sql.forgetStatements();
        try {
            sql.execute("ROLLBACK");
        } catch (SQLException e) {
            if (!e.getMessage().contains("no transaction is active")) cause.addSuppressed(e);
        }
    }

    private void complete(List<Pending<?>> batch, Object[] results, Throwable[] errors) {
        for (int i = 0; i < batch.size(); i++) {
            if (errors[i] != null) {
                health.failed(errors[i]);
                batch.get(i).future().completeExceptionally(errors[i]);
            } else {
                batch.get(i).complete(results[i]);
            }
        }
    }

    private void failAll(List<Pending<?>> batch, Throwable error) {
        health.failed(error);
        // A full disk fails every write until there is room; WriteHealth says so once.
        boolean diskFull = error instanceof StoreException e && e.diskFull();
        LOG.log(diskFull ? Level.DEBUG : Level.WARNING, "A write transaction failed: {0}", error.getMessage());
        for (Pending<?> p : batch) p.future().completeExceptionally(error);
    }
}
