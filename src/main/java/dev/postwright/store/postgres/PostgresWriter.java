package dev.postwright.store.postgres;

import dev.postwright.store.SqlWork;
import dev.postwright.store.StoreException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One writer thread of a {@link PostgresDatabase}: the work given to it commits in the order it
 * was submitted, as SQLite's writer does (a run's events are queued without waiting and must not
 * overtake each other; the database gives all of one job's writes to one writer). It takes everything waiting and runs it in one transaction on
 * a pooled connection: PostgreSQL's cost is per commit (a WAL flush) far more than per statement.
 * Should a piece throw, the transaction is rolled back and each piece runs again in a
 * transaction of its own, so the failing piece fails alone; work may therefore run twice. When
 * the database itself is unusable, the whole batch fails at once rather than piece by piece.
 *
 * <p>Other nodes write beside it; PostgreSQL orders them with row locks. A batch holding rows
 * another node's batch wants, while wanting one of its rows, is a deadlock PostgreSQL breaks by
 * failing one of them: that batch is then run piece by piece, each taking one job's row.
 */
final class PostgresWriter {
    private static final System.Logger LOG = System.getLogger(PostgresWriter.class.getName());
    private static final int MAX_BATCH = 256;
    private static final int QUEUE_CAPACITY = 8192;

    private record Pending<T>(SqlWork<T> work, CompletableFuture<T> future) {}

    private static final Pending<Void> STOP = new Pending<>(sql -> null, new CompletableFuture<>());

    private final PostgresPool pool;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final Thread thread;
    // Submitters hold the read lock while queueing, stop() the write lock: nothing can be queued behind STOP.
    private final ReentrantReadWriteLock stopLock = new ReentrantReadWriteLock();
    private boolean stopping;

    PostgresWriter(PostgresPool pool, ThreadFactory threads) {
        this.pool = pool;
        this.thread = threads.newThread(this::loop);
        thread.start();
    }

    /** Queues {@code work}; blocks only while the queue is full (back-pressure on runaway producers). */
    <T> CompletableFuture<T> submit(SqlWork<T> work) {
        var pending = new Pending<>(work, new CompletableFuture<T>());
        stopLock.readLock().lock();
        try {
            if (stopping) {
                pending.future().completeExceptionally(new IllegalStateException("the database "
                        + pool.address().target() + " is closed"));
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
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            boolean stop = batch.getLast() == STOP; // STOP is always the last thing queued
            if (stop) batch.removeLast();
            if (batch.size() == 1) runAlone(batch.getFirst());
            else if (!batch.isEmpty()) runTogether(batch);
            batch.clear();
            if (stop) return;
        }
    }

    private void runTogether(List<Pending<?>> batch) {
        Object[] results;
        try {
            results = pool.transaction(sql -> {
                Object[] out = new Object[batch.size()];
                for (int i = 0; i < out.length; i++) out[i] = batch.get(i).work().run(sql);
                return out;
            });
        } catch (StoreException e) {
            if (e.databaseUnavailable()) {
                LOG.log(Level.WARNING, "A write transaction failed: {0}", e.getMessage());
                batch.forEach(pending -> pending.future().completeExceptionally(e));
                return;
            }
            batch.forEach(this::runAlone);
            return;
        } catch (RuntimeException | Error e) {
            batch.forEach(this::runAlone);
            return;
        }
        for (int i = 0; i < results.length; i++) complete(batch.get(i), results[i]);
    }

    private <T> void runAlone(Pending<T> pending) {
        try {
            pending.future().complete(pool.transaction(pending.work()));
        } catch (Throwable t) {
            pending.future().completeExceptionally(t);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Pending<T> pending, Object result) {
        pending.future().complete((T) result);
    }
}
