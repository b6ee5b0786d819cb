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

/**
 * The one thread that writes. Work submitted from any thread waits in a bounded FIFO queue; the
 * writer takes everything waiting and runs it in one transaction, each piece inside its own
 * savepoint, so one failing piece rolls back alone. A commit then covers many pieces of work
 * ("group commit"): SQLite's cost is per commit, not per statement.
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
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final Thread thread;
    private volatile boolean stopping;

    GroupCommitWriter(Sql sql, Path file, ThreadFactory threads) {
        this.sql = sql;
        this.file = file;
        this.thread = threads.newThread(this::loop);
        thread.start();
    }

    /** Queues {@code work}; blocks only while the queue is full (back-pressure on runaway producers). */
    <T> CompletableFuture<T> submit(SqlWork<T> work) {
        var pending = new Pending<>(work, new CompletableFuture<T>());
        if (stopping) {
            pending.future().completeExceptionally(new IllegalStateException("the database " + file + " is closed"));
            return pending.future();
        }
        try {
            queue.put(pending);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.future().completeExceptionally(e);
        }
        return pending.future();
    }

    boolean isWriterThread() {
        return Thread.currentThread() == thread;
    }

    /** Runs what is queued, then stops the thread. */
    void stop() {
        stopping = true;
        queue.add(STOP);
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
            boolean stop = batch.remove(STOP);
            if (!batch.isEmpty()) run(batch);
            batch.clear();
            if (stop) {
                queue.forEach(p -> p.future().completeExceptionally(new IllegalStateException("the database is closed")));
                return;
            }
        }
    }

    private void run(List<Pending<?>> batch) {
        Object[] results = new Object[batch.size()];
        Throwable[] errors = new Throwable[batch.size()];
        try {
            sql.update("BEGIN IMMEDIATE");
        } catch (SQLException e) {
            failAll(batch, SqliteErrors.toStoreException(e, file));
            return;
        }
        // A lone piece of work needs no savepoint: its failure rolls back the whole transaction.
        boolean isolate = batch.size() > 1;
        for (int i = 0; i < batch.size(); i++) {
            try {
                if (isolate) sql.update("SAVEPOINT work");
                results[i] = batch.get(i).work().run(sql);
                if (isolate) sql.update("RELEASE work");
            } catch (Throwable t) {
                errors[i] = t instanceof SQLException e ? SqliteErrors.toStoreException(e, file) : t;
                if (!rollBack(isolate, t)) {
                    failAll(batch, errors[i]);
                    return;
                }
            }
        }
        try {
            sql.update("COMMIT");
        } catch (SQLException e) {
            rollBack(false, e);
            failAll(batch, SqliteErrors.toStoreException(e, file));
            return;
        }
        complete(batch, results, errors);
    }

    /** Undoes the failed piece (or everything); false when the transaction itself is gone. */
    private boolean rollBack(boolean toSavepoint, Throwable cause) {
        try {
            if (toSavepoint) {
                sql.update("ROLLBACK TO work");
                sql.update("RELEASE work");
                return true;
            }
            sql.update("ROLLBACK");
        } catch (SQLException e) {
            cause.addSuppressed(e);
            try {
                sql.update("ROLLBACK");
            } catch (SQLException ignored) {
                // SQLite already ended the transaction (e.g. after SQLITE_FULL); nothing is left to undo.
            }
        }
        return false;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void complete(List<Pending<?>> batch, Object[] results, Throwable[] errors) {
        for (int i = 0; i < batch.size(); i++) {
            CompletableFuture future = batch.get(i).future();
            if (errors[i] != null) future.completeExceptionally(errors[i]);
            else future.complete(results[i]);
        }
    }

    private static void failAll(List<Pending<?>> batch, Throwable error) {
        LOG.log(Level.WARNING, "A write transaction failed: {0}", error.getMessage());
        for (Pending<?> p : batch) p.future().completeExceptionally(error);
    }
}
