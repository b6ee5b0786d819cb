package dev.postwright.store.postgres;

import dev.postwright.store.Sql;
import dev.postwright.store.SqlDatabase;
import dev.postwright.store.SqlWork;
import dev.postwright.store.StoreException;
import dev.postwright.store.WriterThread;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A team's PostgreSQL as a {@link SqlDatabase}: pooled reads on the caller's thread, writes on
 * {@value #LANES} writer threads ({@link PostgresWriter}) with a connection each, each key's in
 * submission order on the writer its key hashes to (work without a key on the first), announcements with
 * {@code NOTIFY} / {@code LISTEN} ({@link PostgresAnnouncements}), and the schema migrated on
 * open. Many nodes open the same database; each is one of these.
 *
 * <p>{@link #writeFault()} is always empty: the disk is the database server's, a full one fails
 * the write at hand with a sentence ({@link StoreException#diskFull()}) and nothing here waits
 * for it to pass.
 */
public final class PostgresDatabase implements SqlDatabase, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PostgresDatabase.class.getName());

    /**
     * Writers side by side. One was measured at 44 % of a hand-written loop with two connections
     * (its statements wait for each other's round trips); four reached 61 % (BENCHMARKS.md,
     * issue 17) and keep a node's connections few.
     */
    static final int LANES = 4;

    /** The connections a node holds beside its readers': one per writer, and the one that listens. */
    public static final int RESERVED_CONNECTIONS = LANES + 1;

    /** Reads, health checks and migrations. */
    private final PostgresPool pool;
    /**
     * The writers' own connections, one each, so that no burst of reads (a library search, many
     * streams replaying) ever makes a run's events wait for a connection.
     */
    private final PostgresPool writing;
    private final List<PostgresWriter> writers;
    private final PostgresAnnouncements announcements;
    private final java.util.concurrent.atomic.AtomicBoolean unhealthy = new java.util.concurrent.atomic.AtomicBoolean();

    private PostgresDatabase(PostgresPool pool, PostgresPool writing, List<PostgresWriter> writers,
                             PostgresAnnouncements announcements) {
        this.pool = pool;
        this.writing = writing;
        this.writers = writers;
        this.announcements = announcements;
    }

    /**
     * Connects, migrates the schema to the latest version (several nodes starting at once apply
     * it once) and starts the writers and the listener. The node then holds
     * {@code settings.size()} connections for reads and {@value #RESERVED_CONNECTIONS} more.
     *
     * @throws PostgresUnavailableException in a sentence for the operator; nothing is left open
     */
    public static PostgresDatabase open(PostgresAddress address, PostgresPool.Settings settings)
            throws PostgresUnavailableException {
        PostgresPool pool = PostgresPool.open(address, settings);
        PostgresPool writing = null;
        try {
            int applied = PostgresMigrations.migrate(pool);
            if (applied > 0) LOG.log(Level.INFO, "Migrated {0} to schema {1}", address.target(), PostgresMigrations.latest());
            writing = PostgresPool.open(address, settings.withSize(LANES), "postwright-writers");
            List<PostgresWriter> writers = new ArrayList<>();
            for (int i = 0; i < LANES; i++) writers.add(new PostgresWriter(writing, settings.threads()));
            return new PostgresDatabase(pool, writing, List.copyOf(writers),
                    new PostgresAnnouncements(address, PostgresPool.properties(address, settings), settings.threads()));
        } catch (PostgresUnavailableException | RuntimeException e) {
            if (writing != null) writing.close();
            pool.close();
            throw e;
        }
    }

    public static PostgresDatabase open(PostgresAddress address) throws PostgresUnavailableException {
        return open(address, PostgresPool.Settings.DEFAULTS);
    }

    @Override
    public Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    public <T> T transaction(SqlWork<T> work) {
        return transaction(null, work);
    }

    @Override
    public <T> T transaction(String orderKey, SqlWork<T> work) {
        for (PostgresWriter w : writers) {
            if (w.isWriterThread()) throw new IllegalStateException("transaction() called from inside write work");
        }
        return WriterThread.join(submit(orderKey, work));
    }

    @Override
    public <T> CompletableFuture<T> submit(SqlWork<T> work) {
        return submit(null, work);
    }

    @Override
    public <T> CompletableFuture<T> submit(String orderKey, SqlWork<T> work) {
        return writerFor(orderKey).submit(work);
    }

    private PostgresWriter writerFor(String orderKey) {
        return orderKey == null ? writers.getFirst() : writers.get(Math.floorMod(orderKey.hashCode(), writers.size()));
    }

    @Override
    public <T> T read(SqlWork<T> work) {
        return pool.read(work);
    }

    @Override
    public Optional<StoreException> writeFault() {
        return Optional.empty();
    }

    /** Never called: {@link #writeFault()} does not change. */
    @Override
    public void onWriteFaultChange(Runnable listener) {}

    @Override
    public void announce(Sql sql, String topic, String subject) throws SQLException {
        sql.query("SELECT pg_notify(?, ?)", rs -> Boolean.TRUE, topic, subject == null ? "" : subject);
    }

    @Override
    public void onAnnouncement(String topic, Consumer<String> listener) {
        announcements.listen(topic, listener);
    }

    /** {@code PostgreSQL 15.18 at HOST:PORT/DB as USER}; no password. */
    @Override
    public String describe() {
        return pool.describe();
    }

    /**
     * One round trip now. The full sentence (server, user, reason) goes to the log when the
     * database stops answering, and once more when it is back; the health report says less.
     */
    @Override
    public Optional<String> problem() {
        try {
            pool.check();
            if (unhealthy.compareAndSet(true, false)) LOG.log(Level.INFO, "{0} answers again", pool.describe());
            return Optional.empty();
        } catch (PostgresUnavailableException e) {
            if (unhealthy.compareAndSet(false, true)) LOG.log(Level.WARNING, e.getMessage(), e.getCause());
            return Optional.of("The team database (PostgreSQL) cannot be used now ("
                    + e.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + "); jobs wait until it is back. The server's log says more.");
        }
    }

    /** Commits what is queued, stops listening, then closes every connection. Idempotent. */
    @Override
    public void close() {
        announcements.close();
        writers.forEach(PostgresWriter::stop);
        writing.close();
        pool.close();
    }
}
