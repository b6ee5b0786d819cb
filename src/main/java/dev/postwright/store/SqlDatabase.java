package dev.postwright.store;

import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A database the stores run their SQL on: the data folder's SQLite file ({@link Database}) or a
 * team's PostgreSQL ({@code store.postgres.PostgresDatabase}). Both keep the same contract, so the
 * queue and the library are written once; where the SQL itself differs, a store asks
 * {@link #dialect()} (decision 0042).
 *
 * <p>Writes run atomically, each piece, in submission order among work of the same <em>order
 * key</em> (a job id, say): SQLite runs all of it on one writer, PostgreSQL on a few writers side
 * by side, one per key. A future completes once its work is committed. Reads run on the caller's
 * thread and never wait for this object's writes. Thread-safe. Every method may throw
 * {@link StoreException} with a message fit to show.
 */
public interface SqlDatabase {
    /** Which SQL this database speaks. */
    Dialect dialect();

    /**
     * Runs {@code work} atomically after all work submitted before it and waits until it is
     * committed: all of it, or, when it throws, none of it (the exception is rethrown here).
     * Must not be called from inside other write work.
     */
    <T> T transaction(SqlWork<T> work);

    /**
     * Queues {@code work} without waiting; it runs after all work submitted before it, atomically,
     * and may run twice when a batch it shares is retried, so it must touch nothing but the
     * database. Completion callbacks run on the writer thread and must be quick.
     */
    <T> CompletableFuture<T> submit(SqlWork<T> work);

    /**
     * As {@link #transaction(SqlWork)}, ordered after the work submitted before it with the same
     * {@code orderKey} only; work of other keys may commit before or after it.
     */
    default <T> T transaction(String orderKey, SqlWork<T> work) {
        return transaction(work);
    }

    /**
     * As {@link #submit(SqlWork)}, ordered after the work submitted before it with the same
     * {@code orderKey} only: a run's events keep their order, while other jobs' writes need not
     * wait behind them.
     */
    default <T> CompletableFuture<T> submit(String orderKey, SqlWork<T> work) {
        return submit(work);
    }

    /** Runs read-only {@code work}; a write in it fails. */
    <T> T read(SqlWork<T> work);

    /** Why writes are refused right now (a full disk), until they are taken again; empty while they are. */
    Optional<StoreException> writeFault();

    /** Calls {@code listener} on a database thread whenever {@link #writeFault()} changes; it must be quick. */
    void onWriteFaultChange(Runnable listener);

    /**
     * Inside write work: when it commits, tells every engine on this database that {@code topic}
     * changed, naming what in {@code subject} (an id, never content). A database whose engines
     * find changes by polling (SQLite) ignores it.
     */
    void announce(Sql sql, String topic, String subject) throws SQLException;

    /**
     * Calls {@code listener} with the subject of every committed announcement on {@code topic}, by
     * any engine including this one, on a database thread (quick, no waiting for writes); with
     * {@code null} when announcements may have been missed (a lost connection), so the listener
     * looks at everything. Announcements only wake: they may be merged, late or lost, and
     * listeners still read what changed from the tables.
     */
    void onAnnouncement(String topic, Consumer<String> listener);

    /** What the database is, for logs: a file, or a server and user; never a password. */
    String describe();

    /**
     * Whether the database can be used now, found out now (a round trip to a server): why not, in
     * a sentence fit for a health report that anyone may read (no address, no user), or empty.
     */
    Optional<String> problem();

    /** The SQL a store writes where the two databases differ. */
    enum Dialect { SQLITE, POSTGRESQL }
}
