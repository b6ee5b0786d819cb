package dev.postwright.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * One thread that runs submitted write work in submission order, a batch at a time: it takes
 * everything waiting (up to {@value #MAX_BATCH}) and hands it to the database's batch runner,
 * which commits it and completes each piece's future. SQLite's {@code GroupCommitWriter} and each
 * of PostgreSQL's writers run on one; what a batch is (one transaction, savepoints, retries) is
 * theirs. A bounded queue gives back-pressure; {@link #stop()} runs what is queued first.
 */
public final class WriterThread {
    static final int MAX_BATCH = 512;
    private static final int QUEUE_CAPACITY = 8192;

    /** A piece of work and the future its batch runner completes once it is committed or failed. */
    public record Pending<T>(SqlWork<T> work, CompletableFuture<T> future) {
        /** Completes the future with {@code result}, which {@link #work()} returned. */
        @SuppressWarnings("unchecked")
        public void complete(Object result) {
            future.complete((T) result);
        }
    }

    private static final Pending<Void> STOP = new Pending<>(sql -> null, new CompletableFuture<>());

    private final String database;
    private final Consumer<List<Pending<?>>> runBatch;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final Thread thread;
    // Submitters hold the read lock while queueing, stop() the write lock: nothing can be queued behind STOP.
    private final ReentrantReadWriteLock stopLock = new ReentrantReadWriteLock();
    private boolean stopping;

    /**
     * @param database what the work is written to, for the refusal after {@link #stop()}
     * @param runBatch runs one batch, in order, and completes every piece's future
     */
    public WriterThread(String database, ThreadFactory threads, Consumer<List<Pending<?>>> runBatch) {
        this.database = database;
        this.runBatch = runBatch;
        this.thread = threads.newThread(this::loop);
        thread.start();
    }

    /** Queues {@code work}; blocks only while the queue is full (back-pressure on runaway producers). */
    public <T> CompletableFuture<T> submit(SqlWork<T> work) {
        var pending = new Pending<>(work, new CompletableFuture<T>());
        stopLock.readLock().lock();
        try {
            if (stopping) {
                pending.future().completeExceptionally(new IllegalStateException("the database " + database + " is closed"));
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

    public boolean isWriterThread() {
        return Thread.currentThread() == thread;
    }

    /** Runs what is queued, then stops the thread. */
    public void stop() {
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

    /** The result of waiting for {@code future}: its value, or the work's own exception rethrown as it was. */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    private void loop() {
        List<Pending<?>> batch = new ArrayList<>(MAX_BATCH);
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return; // only a close interrupts, after STOP would have ended us anyway
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            // STOP is always the last thing queued (see stop()), so it can only end a batch.
            boolean stop = batch.getLast() == STOP;
            if (stop) batch.removeLast();
            if (!batch.isEmpty()) runBatch.accept(batch);
            batch.clear();
            if (stop) return;
        }
    }
}
