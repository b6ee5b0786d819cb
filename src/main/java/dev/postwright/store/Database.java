package dev.postwright.store;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import org.sqlite.SQLiteConfig;

/**
 * Postwright's SQLite file: WAL mode, migrated to the latest schema on open.
 *
 * <p>Writes go through one writer thread with its own connection, which commits whatever work is
 * waiting in one transaction ({@link GroupCommitWriter}): SQLite admits one writer at a time and
 * charges per commit, so sharing commits is what makes many small writes fast. Reads use a small
 * pool of their own connections and, thanks to WAL, never wait for writers. Other processes on
 * the same file are serialised by SQLite itself (busy timeout).
 *
 * <p>Thread-safe. Every method may throw {@link StoreException} with a writer-level message.
 */
public final class Database implements SqlDatabase, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Database.class.getName());

    /**
     * @param busyTimeout   how long a write waits for another process's lock before failing
     * @param readers       the most read connections open at once
     * @param threads       makes the writer and checkpointer threads
     */
    public record Settings(Duration busyTimeout, int readers, ThreadFactory threads) {
        public static final Settings DEFAULTS = new Settings(Duration.ofSeconds(10), 4,
                Thread.ofPlatform().daemon().name("postwright-db-", 1).factory());
        static final Duration CHECKPOINT_EVERY = Duration.ofMillis(250);
        /** How often a faulted database tries a write to find out whether the disk has room again. */
        static final Duration PROBE_EVERY = Duration.ofSeconds(1);
        /** Bigger than a page, so the probe needs new space wherever the database keeps it. */
        private static final int PROBE_BYTES = 16 * 1024;

        public Settings withBusyTimeout(Duration timeout) {
            return new Settings(timeout, readers, threads);
        }
    }

    private final Path file;
    private final Settings settings;
    private final Sql writer;
    private final GroupCommitWriter writes;
    private final Checkpointer checkpointer;
    private final WriteHealth health;
    private final Semaphore readPermits;
    private final ConcurrentLinkedQueue<Sql> idleReaders = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    private Database(Path file, Settings settings, Sql writer, Sql checkpoints) {
        this.file = file;
        this.settings = settings;
        this.writer = writer;
        this.health = new WriteHealth(settings.threads(), Settings.PROBE_EVERY);
        this.writes = new GroupCommitWriter(writer, file, health, settings.threads());
        health.probeWith(this::probeWrite);
        this.checkpointer = new Checkpointer(checkpoints, file, health, settings.threads(), Settings.CHECKPOINT_EVERY);
        this.readPermits = new Semaphore(settings.readers());
    }

    public static Database open(Path file) throws DatabaseUnavailableException {
        return open(file, Settings.DEFAULTS);
    }

    /**
     * Opens (creating if needed) and migrates the database at {@code file}.
     *
     * <p>The folder is made 0700 and the files 0600 where the file system has permissions
     * ({@link PrivateFiles}); a file of another program is refused and left exactly as it was.
     *
     * @throws DatabaseUnavailableException when the file is damaged, another program's, locked,
     *                                      read-only, from a newer version, or its folder cannot
     *                                      be created
     */
    public static Database open(Path file, Settings settings) throws DatabaseUnavailableException {
        Path absolute = file.toAbsolutePath();
        Path folder = absolute.getParent();
        try {
            PrivateFiles.createFolder(folder);
        } catch (IOException e) {
            throw new DatabaseUnavailableException(absolute, SqliteErrors.describe(SqliteErrors.Kind.CANNOT_OPEN, absolute), e);
        }
        if (!Files.isWritable(folder) || (Files.exists(absolute) && !Files.isWritable(absolute))) {
            throw new DatabaseUnavailableException(absolute, SqliteErrors.describe(SqliteErrors.Kind.READ_ONLY, absolute), null);
        }
        try {
            // Made private before SQLite opens it: SQLite gives its -wal and -shm files the same permissions.
            PrivateFiles.emptyFile(absolute);
        } catch (IOException e) {
            throw new DatabaseUnavailableException(absolute, SqliteErrors.describe(SqliteErrors.Kind.CANNOT_OPEN, absolute), e);
        }
        Sql writer = null;
        try {
            writer = connect(absolute, settings, false);
            prepareAndMigrate(writer, absolute, settings.busyTimeout());
            // Checkpoints (WAL → database file, with an fsync) run on the checkpointer's own connection,
            // so commits never pay for them; the writer keeps a page cache that holds the working set.
            writer.execute("PRAGMA wal_autocheckpoint = 0");
            writer.execute("PRAGMA cache_size = -32768");
            writer.execute("PRAGMA journal_size_limit = 67108864"); // a WAL over 64 MB shrinks after a checkpoint
            // Libraries made before files were private, and the folder around them.
            PrivateFiles.database(absolute);
            PrivateFiles.tightenFolder(folder, absolute);
            return new Database(absolute, settings, writer, connect(absolute, settings, false));
        } catch (SQLException e) {
            closeQuietly(writer);
            throw new DatabaseUnavailableException(absolute, SqliteErrors.describeAtOpen(SqliteErrors.kind(e, absolute), absolute), e);
        } catch (DatabaseUnavailableException | RuntimeException e) {
            closeQuietly(writer);
            throw e;
        }
    }

    /**
     * Identity, WAL, auto-vacuum and migrations. A file that is not ours is refused before any of
     * it ({@link FileIdentity}); one of ours from before the identity existed is marked. SQLite refuses some lock upgrades at once, without waiting
     * (switching a new file to WAL while another process creates it too), so a lock conflict here
     * is retried with a short backoff until the busy timeout is spent. Every step is idempotent.
     */
    private static void prepareAndMigrate(Sql writer, Path file, Duration busyTimeout)
            throws SQLException, DatabaseUnavailableException {
        long deadline = System.nanoTime() + busyTimeout.toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                // Before anything writes (switching to WAL does): another program's file stays as it was.
                FileIdentity.Verdict identity = FileIdentity.of(writer);
                if (identity == FileIdentity.Verdict.FOREIGN) {
                    LOG.log(Level.INFO, "{0} is not a Postwright database (application_id {1}); left as it is", file,
                            writer.queryOne("PRAGMA application_id", rs -> Integer.toHexString(rs.getInt(1))).orElse("?"));
                    throw new DatabaseUnavailableException(file, FileIdentity.refusal(file), null);
                }
                prepareFile(writer);
                int version = Migrations.currentVersion(writer);
                if (version > Migrations.latest()) {
                    throw new DatabaseUnavailableException(file, "The database at " + file + " was written by a newer "
                            + "version of Postwright (schema " + version + "; this version knows up to "
                            + Migrations.latest() + "). Update Postwright to open it.", null);
                }
                if (identity == FileIdentity.Verdict.OURS_UNMARKED) FileIdentity.mark(writer);
                int applied = Migrations.apply(writer);
                if (applied > 0) LOG.log(Level.INFO, "Migrated {0} to schema {1}", file, Migrations.latest());
                return;
            } catch (SQLException e) {
                if (SqliteErrors.kind(e) != SqliteErrors.Kind.LOCKED || System.nanoTime() > deadline) throw e;
                try {
                    Thread.sleep(Math.min(200, 10L * attempt)); // a backoff, not a synchronisation: the other side holds a lock
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static Sql connect(Path file, Settings settings, boolean queryOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) settings.busyTimeout().toMillis());
        config.enforceForeignKeys(true);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.setGetGeneratedKeys(false); // else the driver runs an extra query after every insert
        Sql sql = new Sql(DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties()));
        if (queryOnly) sql.execute("PRAGMA query_only = 1");
        return sql;
    }

    /**
     * WAL and auto-vacuum. synchronous=NORMAL in WAL mode survives any process crash (a killed
     * JVM loses nothing committed); only a power cut can drop the last commits. With full
     * auto-vacuum, a commit that frees pages (pruning old event logs) gives them back to the file
     * system; commits that free nothing, which is every commit on the hot path, pay nothing.
     */
    private static void prepareFile(Sql sql) throws SQLException {
        boolean fresh = sql.queryOne("PRAGMA page_count", rs -> rs.getLong(1)).orElse(0L) == 0;
        // auto_vacuum can only be chosen before the first table exists.
        if (fresh) sql.execute("PRAGMA auto_vacuum = FULL");
        String mode = sql.queryOne("PRAGMA journal_mode = WAL", rs -> rs.getString(1)).orElse("");
        if (!mode.equalsIgnoreCase("wal")) {
            throw new SQLException("journal_mode stayed " + mode, null, 8 /* SQLITE_READONLY */);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public Dialect dialect() {
        return Dialect.SQLITE;
    }

    @Override
    public String describe() {
        return "SQLite at " + file;
    }

    /** A file on this computer is usable while it takes writes: see {@link #writeFault()}. */
    @Override
    public Optional<String> problem() {
        return writeFault().map(StoreException::getMessage);
    }

    /** Engines sharing a SQLite file look for each other's changes by polling; nothing to send. */
    @Override
    public void announce(Sql sql, String topic, String subject) {}

    /** Never called: see {@link #announce}. */
    @Override
    public void onAnnouncement(String topic, java.util.function.Consumer<String> listener) {}

    /**
     * Runs {@code work} atomically on the writer thread and waits until it is committed: all of
     * it, or, when it throws, none of it. The exception is rethrown here ({@link StoreException}
     * for database failures). Must not be called from inside other write work.
     */
    @Override
    public <T> T transaction(SqlWork<T> work) {
        if (writes.isWriterThread()) throw new IllegalStateException("transaction() called from inside write work");
        return WriterThread.join(writes.submit(work));
    }

    /**
     * Queues {@code work} for the writer thread without waiting. Like all write work it must
     * touch nothing but the database: it may run twice when a batch it shares is retried. It runs after all work submitted
     * before it, atomically; the future completes once it is committed (or failed). Completion
     * callbacks run on the writer thread and must be quick.
     */
    @Override
    public <T> CompletableFuture<T> submit(SqlWork<T> work) {
        return writes.submit(work);
    }

    /**
     * Why writes are refused right now: present from the first write that fails for want of disk
     * space until the store has committed a write again by itself (it tries every second), so a
     * writer who frees space needs to do nothing else. Reads go on throughout.
     */
    @Override
    public Optional<StoreException> writeFault() {
        return health.fault();
    }

    /**
     * Calls {@code listener} whenever {@link #writeFault()} changes. It runs on a database thread:
     * it must be quick and must not wait for a write.
     */
    @Override
    public void onWriteFaultChange(Runnable listener) {
        health.addListener(listener);
    }

    /** One write that needs new space, undone in the same transaction; true once committed. */
    private boolean probeWrite() {
        try {
            transaction(sql -> {
                sql.update("INSERT INTO write_probe (data) VALUES (randomblob(?))", Settings.PROBE_BYTES);
                return sql.update("DELETE FROM write_probe");
            });
            return true;
        } catch (StoreException | IllegalStateException e) {
            return false; // still full (or closing): the next probe tries again
        }
    }

    /** Runs read-only {@code work} on a reader connection; never waits for writers. */
    @Override
    public <T> T read(SqlWork<T> work) {
        if (closed) throw new IllegalStateException("the database " + file + " is closed");
        readPermits.acquireUninterruptibly();
        Sql sql = idleReaders.poll();
        try {
            if (sql == null) sql = connect(file, settings, true);
            return work.run(sql);
        } catch (SQLException e) {
            throw SqliteErrors.toStoreException(e, file);
        } finally {
            if (sql != null) idleReaders.add(sql);
            readPermits.release();
            if (closed) closeReaders();
        }
    }

    /** Commits what is queued, then closes every connection. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        health.stop();
        writes.stop();
        checkpointer.stop();
        closeQuietly(writer);
        closeReaders();
    }

    private void closeReaders() {
        Sql sql;
        while ((sql = idleReaders.poll()) != null) closeQuietly(sql);
    }

    private static void closeQuietly(Sql sql) {
        if (sql == null) return;
        try {
            sql.close();
        } catch (SQLException e) {
            LOG.log(Level.DEBUG, "closing a connection failed", e);
        }
    }
}
