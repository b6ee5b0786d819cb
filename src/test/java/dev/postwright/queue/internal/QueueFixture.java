package dev.postwright.queue.internal;

import dev.postwright.model.JobEvent;
import dev.postwright.queue.JobHandler;
import dev.postwright.queue.JobQueue;
import dev.postwright.queue.QueueSettings;
import dev.postwright.store.Database;
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
 * Opens queues on a real SQLite file in a fresh folder per test, reads their logs back, and
 * closes everything after the test. Register with {@code @RegisterExtension}.
 */
final class QueueFixture implements BeforeEachCallback, AfterEachCallback, AutoCloseable {
    static final QueueSettings FAST = QueueSettings.DEFAULTS.withLeaseDuration(Duration.ofSeconds(30));

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T09:00:00Z"));
    private final List<AutoCloseable> open = new ArrayList<>();
    private Path dir;
    private int seed = 7;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("postwright-test");
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        close();
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** The database file every queue of this fixture shares. */
    Path file() {
        return dir.resolve("postwright.db");
    }

    Database database() throws DatabaseUnavailableException {
        Database db = Database.open(file());
        open.add(db);
        return db;
    }

    /** A queue without worker threads: jobs run on the test thread via {@code runDueJobs()}. */
    SqlJobQueue manual(JobHandler handler) throws DatabaseUnavailableException {
        return queue(handler, FAST.withWorkers(0), true);
    }

    /** A queue with real worker threads and the system clock. */
    SqlJobQueue threaded(JobHandler handler, QueueSettings settings) throws DatabaseUnavailableException {
        return queue(handler, settings, false);
    }

    /** A queue with real worker threads on a database the test opened (to fill its disk, say). */
    SqlJobQueue threaded(Database db, JobHandler handler, QueueSettings settings) {
        return queue(db, handler, settings, false);
    }

    private SqlJobQueue queue(JobHandler handler, QueueSettings settings, boolean manualClock)
            throws DatabaseUnavailableException {
        return queue(database(), handler, settings, manualClock);
    }

    private SqlJobQueue queue(Database db, JobHandler handler, QueueSettings settings, boolean manualClock) {
        var builder = JobQueue.builder(db, handler).settings(settings).random(new Random(seed++)); // repeatable, and different per engine
        if (manualClock) builder.clock(clock);
        var queue = (SqlJobQueue) builder.build();
        open.add(0, queue); // queues close before their databases
        return queue;
    }

    /** The job's log as "name" strings in order, read straight from the table. */
    List<String> logNames(Database db, String jobId) {
        return db.read(sql -> sql.query("SELECT name FROM job_events WHERE job_key = " + SqlEventLog.JOB_KEY + " ORDER BY seq",
                rs -> rs.getString(1), jobId));
    }

    List<Long> logSeqs(Database db, String jobId) {
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
