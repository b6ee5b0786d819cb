package dev.postwright.queue.internal;

import dev.postwright.model.JobEvent;
import dev.postwright.queue.JobHandler;
import dev.postwright.queue.JobQueue;
import dev.postwright.queue.QueueSettings;
import dev.postwright.store.Database;
import dev.postwright.store.SqlDatabase;
import dev.postwright.store.postgres.PostgresAddress;
import dev.postwright.store.postgres.PostgresDatabase;
import dev.postwright.store.postgres.PostgresPool;
import dev.postwright.store.postgres.PostgresUnavailableException;
import dev.postwright.testing.TestPostgres;
import dev.postwright.store.DatabaseUnavailableException;
import dev.postwright.testing.MutableClock;
import dev.postwright.wire.JobEventCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Opens queues on a real database, fresh for each test: a SQLite file in a folder of its own, or
 * a new database on the test PostgreSQL ({@link TestPostgres}); reads their logs back, and closes
 * everything after the test. Each {@link #database()} is another engine's view of the same
 * database (another process on the file, another node on the server). Register with
 * {@code @RegisterExtension}; a contract test is a {@code @ParameterizedClass} over {@link Store},
 * so the same tests run on both.
 */
final class QueueFixture implements BeforeEachCallback, AfterEachCallback, AutoCloseable {
    static final QueueSettings FAST = QueueSettings.DEFAULTS.withLeaseDuration(Duration.ofSeconds(30));
    /** Small pools: a test opens a few engines, and many tests run one after another on one server. */
    private static final PostgresPool.Settings SMALL_POOL = PostgresPool.Settings.DEFAULTS.withSize(6);

    /** The databases the queue's contract holds on. */
    enum Store { SQLITE, POSTGRESQL }

    private final Store store;
    private PostgresAddress postgres;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T09:00:00Z"));
    private final List<AutoCloseable> open = new ArrayList<>();
    private Path dir;
    private int seed = 7;

    /** On SQLite, for the tests of what only a file has (its disk filling, its query plans). */
    QueueFixture() {
        this(Store.SQLITE);
    }

    QueueFixture(Store store) {
        this.store = store;
    }

    Store store() {
        return store;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("postwright-test");
        if (store == Store.POSTGRESQL) postgres = TestPostgres.freshDatabase();
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        close();
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** The database file every queue of this fixture shares (on SQLite). */
    Path file() {
        if (store != Store.SQLITE) throw new IllegalStateException("a " + store + " fixture has no file");
        return dir.resolve("postwright.db");
    }

    /** The SQLite file, opened once more: for tests of what only SQLite has. */
    Database sqlite() throws DatabaseUnavailableException {
        Database db = Database.open(file());
        open.add(db);
        return db;
    }

    /** The test's database, opened once more, as another engine would. */
    SqlDatabase database() {
        try {
            SqlDatabase db = store == Store.SQLITE ? Database.open(file()) : PostgresDatabase.open(postgres, SMALL_POOL);
            open.add((AutoCloseable) db);
            return db;
        } catch (DatabaseUnavailableException | PostgresUnavailableException e) {
            throw new IllegalStateException("the test database cannot be opened", e);
        }
    }

    /** A queue without worker threads: jobs run on the test thread via {@code runDueJobs()}. */
    SqlJobQueue manual(JobHandler handler) {
        return queue(handler, FAST.withWorkers(0), true);
    }

    /** A queue with real worker threads and the system clock. */
    SqlJobQueue threaded(JobHandler handler, QueueSettings settings) {
        return queue(handler, settings, false);
    }

    /** A queue with real worker threads on a database the test opened (to fill its disk, say). */
    SqlJobQueue threaded(SqlDatabase db, JobHandler handler, QueueSettings settings) {
        return queue(db, handler, settings, false);
    }

    private SqlJobQueue queue(JobHandler handler, QueueSettings settings, boolean manualClock) {
        return queue(database(), handler, settings, manualClock);
    }

    private SqlJobQueue queue(SqlDatabase db, JobHandler handler, QueueSettings settings, boolean manualClock) {
        var builder = JobQueue.builder(db, handler).settings(settings).random(new Random(seed++)); // repeatable, and different per engine
        if (manualClock) builder.clock(clock);
        var queue = (SqlJobQueue) builder.build();
        open.add(0, queue); // queues close before their databases
        return queue;
    }

    /** The job's log as "name" strings in order, read straight from the table. */
    List<String> logNames(SqlDatabase db, String jobId) {
        return db.read(sql -> sql.query("SELECT name FROM job_events WHERE job_key = " + SqlEventLog.JOB_KEY + " ORDER BY seq",
                rs -> rs.getString(1), jobId));
    }

    List<Long> logSeqs(SqlDatabase db, String jobId) {
        return db.read(sql -> sql.query("SELECT seq FROM job_events WHERE job_key = " + SqlEventLog.JOB_KEY + " ORDER BY seq",
                rs -> rs.getLong(1), jobId));
    }

    static JobEvent.ProgressUpdate progress(int percent, String step) {
        return new JobEvent.ProgressUpdate(percent, step, null, "test", null, null);
    }

    static String name(JobEvent event) {
        return JobEventCodec.name(event);
    }

    @Override
    public void close() {
        List<AutoCloseable> toClose = List.copyOf(open);
        open.clear();
        for (AutoCloseable c : toClose) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing " + c + " failed", e);
            }
        }
    }
}
