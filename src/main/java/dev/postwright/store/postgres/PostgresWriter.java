package dev.postwright.store.postgres;

import dev.postwright.store.SqlWork;
import dev.postwright.store.StoreException;
import dev.postwright.store.WriterThread;
import dev.postwright.store.WriterThread.Pending;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;

/**
 * One writer thread of a {@link PostgresDatabase}: the work given to it commits in the order it
 * was submitted, as SQLite's writer does (a run's events are queued without waiting and must not
 * overtake each other; the database gives all of one job's writes to one writer). It takes
 * everything waiting ({@link WriterThread}) and runs it in one transaction on a pooled
 * connection: PostgreSQL's cost is per commit (a WAL flush) far more than per statement.
 * Should a piece throw, the transaction is rolled back and each piece runs again in a
 * transaction of its own, so the failing piece fails alone; work may therefore run twice. When
 * the database itself is unusable, the whole batch fails at once rather than piece by piece.
 *
 * <p>Other nodes write beside it; PostgreSQL orders them with row locks. A batch holding rows
 * another node's batch wants, while wanting one of its rows, is a deadlock PostgreSQL breaks by
 * failing one of them: that batch is then run piece by piece, each taking one job's row, and a
 * piece that is a deadlock's victim on its own runs again.
 */
final class PostgresWriter {
    private static final System.Logger LOG = System.getLogger(PostgresWriter.class.getName());
    /** How often one piece may be a deadlock's victim before its failure is the caller's. */
    static final int RACES_LOST = 3;
    private final PostgresPool pool;
    private final WriterThread thread;

    PostgresWriter(PostgresPool pool, ThreadFactory threads) {
        this.pool = pool;
        this.thread = new WriterThread(pool.address().target(), threads, this::run);
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
        if (batch.size() == 1) runAlone(batch.getFirst());
        else runTogether(batch);
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
        for (int i = 0; i < results.length; i++) batch.get(i).complete(results[i]);
    }

    /**
     * Runs one piece in a transaction of its own. A piece PostgreSQL chose as a deadlock's victim
     * (or failed for serialization) was rolled back whole and only lost a race: it runs again, up
     * to {@value #RACES_LOST} times, rather than fail the run whose event it was.
     */
    private <T> void runAlone(Pending<T> pending) {
        for (int attempt = 1; ; attempt++) {
            try {
                pending.future().complete(pool.transaction(pending.work()));
                return;
            } catch (StoreException e) {
                if (attempt < RACES_LOST && PostgresErrors.lostARace(e)) {
                    LOG.log(Level.DEBUG, "A write lost a race and runs again: {0}", e.getMessage());
                    continue;
                }
                pending.future().completeExceptionally(e);
                return;
            } catch (Throwable t) {
                pending.future().completeExceptionally(t);
                return;
            }
        }
    }
}
