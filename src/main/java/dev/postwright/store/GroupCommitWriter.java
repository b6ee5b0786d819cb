package dev.postwright.store;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The one thread that writes. Work submitted from any thread waits in a bounded FIFO queue; the
 * writer takes everything waiting and runs it in one transaction, so a commit covers many pieces
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
    private static final int MAX_BATCH = 512;
    private static final int QUEUE_CAPACITY = 8192;

    private record Pending<T>(SqlWork<T> work, CompletableFuture<T> future) {}

    private static final Pending<Void> STOP = new Pending<>(sql -> null, new CompletableFuture<>());

    private final Sql sql;
    private final Path file;
    private final WriteHealth health;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final Thread thread;
    // Submitters hold the read lock while queueing, stop() the write lock: nothing can be queued behind STOP.
    private final ReentrantReadWriteLock stopLock = new ReentrantReadWriteLock();
    private boolean stopping;

    GroupCommitWriter(Sql sql, Path file, WriteHealth health, ThreadFactory threads) {
        this.sql = sql;
        this.file = file;
        this.health = health;
        this.thread = threads.newThread(this::loop);
        thread.start();
    }

    /** Queues {@code work}; blocks only while the queue is full (back-pressure on runaway producers). */
    <T> CompletableFuture<T> submit(SqlWork<T> work) {
        var pending = new Pending<>(work, new CompletableFuture<T>());
        stopLock.readLock().lock();
        try {
            if (stopping) {
                pending.future().completeExceptionally(new IllegalStateException("the database " + file + " is closed"));
            } else {
                queue.put(pending);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.future().completeExceptionally(e);
        } finally {
            stopLock.readLock().unlock();
        }
        return pending.future();
    }

    boolean isWriterThread() {
        return Thread.currentThread() == thread;
    }

    /** Runs what is queued, then stops the thread. */
    void stop() {
        stopLock.writeLock().lock();
        try {
            if (stopping) return;
            stopping = true;
            queue.put(STOP);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } finally {
            stopLock.writeLock().unlock();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        List<Pending<?>> batch = new ArrayList<>(MAX_BATCH);
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return; // only close() interrupts, after STOP would have ended us anyway
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            // STOP is always the last thing queued (see stop()), so it can only end a batch.
            boolean stop = batch.getLast() == STOP;
            if (stop) batch.removeLast();
            if (!batch.isEmpty()) run(batch);
            batch.clear();
            if (stop) return;
        }
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

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void complete(List<Pending<?>> batch, Object[] results, Throwable[] errors) {
        for (int i = 0; i < batch.size(); i++) {
            CompletableFuture future = batch.get(i).future();
            if (errors[i] != null) {
                health.failed(errors[i]);
                future.completeExceptionally(errors[i]);
            } else {
                future.complete(results[i]);
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
