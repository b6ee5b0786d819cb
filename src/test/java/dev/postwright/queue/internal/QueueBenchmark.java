package dev.postwright.queue.internal;

import dev.postwright.model.JobEvent;
import dev.postwright.queue.JobHandler;
import dev.postwright.queue.JobQueue;
import dev.postwright.queue.QueueSettings;
import dev.postwright.store.Database;
import dev.postwright.testing.Briefs;
import dev.postwright.wire.JobEventCodec;
import dev.postwright.wire.JobRequestCodec;
import dev.postwright.wire.Json;
import dev.postwright.wire.ResultCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.sqlite.SQLiteConfig;

/**
 * Queue throughput against a raw-JDBC baseline doing the same SQL, in one run.
 *
 * <pre>mvn -B -Pbench verify -DskipTests -Dbench.class=dev.postwright.queue.internal.QueueBenchmark</pre>
 *
 * Full cycle per job: enqueue → claim → 5 events → complete. The queue runs it with a producer
 * thread and 2 workers, through its codecs and fencing; the baseline runs the same statements
 * on one connection in one thread, with JSON prepared in advance. Each round uses a fresh file.
 */
public final class QueueBenchmark {
    private static final int JOBS = 10_000;
    private static final int EVENTS = 100_000;
    private static final int ROUNDS = 5;

    public static void main(String[] args) throws Exception {
        java.util.logging.LogManager.getLogManager().reset(); // keep the report readable
        Path dir = Files.createTempDirectory("postwright-bench");
        System.out.printf(Locale.ROOT, "Java %s, %d cores, SQLite %s%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), sqliteVersion(dir));
        // Warm-up, full size and repeated: the queue's rounds kept getting faster with a short one.
        for (int i = 0; i < 3; i++) {
            queueCycle(dir.resolve("warm-q" + i + ".db"), JOBS);
            baselineCycle(dir.resolve("warm-b" + i + ".db"), JOBS, false);
            baselineCycle(dir.resolve("warm-t" + i + ".db"), JOBS, true);
            queueAppends(dir.resolve("warm-qa" + i + ".db"), EVENTS);
            baselineAppends(dir.resolve("warm-ba" + i + ".db"), EVENTS);
        }

        List<double[]> naive = new ArrayList<>();
        List<double[]> perJob = new ArrayList<>();
        List<double[]> appends = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            double q = queueCycle(dir.resolve("q" + round + ".db"), JOBS);
            double b = baselineCycle(dir.resolve("b" + round + ".db"), JOBS, false);
            double t = baselineCycle(dir.resolve("t" + round + ".db"), JOBS, true);
            double qa = queueAppends(dir.resolve("qa" + round + ".db"), EVENTS);
            double ba = baselineAppends(dir.resolve("ba" + round + ".db"), EVENTS);
            naive.add(new double[] {q, b});
            perJob.add(new double[] {q, t});
            appends.add(new double[] {qa, ba});
            System.out.printf(Locale.ROOT, "round %d: cycle queue %,.0f jobs/s, baseline per statement %,.0f, "
                    + "per job %,.0f; append queue %,.0f events/s, baseline %,.0f%n", round, q, b, t, qa, ba);
        }
        report("full cycle vs raw JDBC, one commit per statement (jobs/s)", naive);
        report("full cycle vs raw JDBC, one commit per job (jobs/s)", perJob);
        report("event append vs raw JDBC, one commit per event (events/s)", appends);
    }

    private static void report(String what, List<double[]> rounds) {
        double[] q = rounds.stream().mapToDouble(r -> r[0]).sorted().toArray();
        double[] b = rounds.stream().mapToDouble(r -> r[1]).sorted().toArray();
        double[] ratio = rounds.stream().mapToDouble(r -> r[0] / r[1]).sorted().toArray();
        int mid = q.length / 2;
        System.out.printf(Locale.ROOT, "%s:%n  queue median %,.0f (min %,.0f, max %,.0f); baseline median %,.0f "
                + "(min %,.0f, max %,.0f); ratio median %.0f %% (min %.0f %%, max %.0f %%)%n", what, q[mid], q[0],
                q[q.length - 1], b[mid], b[0], b[b.length - 1], 100 * ratio[mid], 100 * ratio[0],
                100 * ratio[ratio.length - 1]);
    }

    /** Jobs per second through the real queue: producer thread + 2 workers. */
    static double queueCycle(Path file, int jobs) throws Exception {
        return queueCycle(file, jobs, 2);
    }

    static double queueCycle(Path file, int jobs, int workers) throws Exception {
        var done = new CountDownLatch(jobs);
        JobHandler noOp = ctx -> {
            for (int i = 1; i <= 5; i++) ctx.emit(new JobEvent.DraftDelta(i, "token "));
            done.countDown();
            return Briefs.result("t");
        };
        try (Database db = Database.open(file);
             var queue = (SqlJobQueue) JobQueue.builder(db, noOp)
                     .settings(QueueSettings.DEFAULTS.withWorkers(workers)).build()) {
            var request = Briefs.brief("benchmark");
            queue.start();
            long start = System.nanoTime();
            for (int i = 0; i < jobs; i++) queue.enqueue(request, null);
            if (!done.await(10, TimeUnit.MINUTES)) throw new IllegalStateException("jobs did not finish");
            if (!queue.awaitIdle(Duration.ofMinutes(1))) throw new IllegalStateException("workers did not finish");
            return jobs / seconds(start);
        }
    }

    /**
     * The same statements on one raw connection, in one thread: each statement its own commit
     * as a naive queue would, or ({@code perJob}) each job's whole cycle in one transaction, the
     * fewest commits a job-at-a-time design can reach.
     */
    static double baselineCycle(Path file, int jobs, boolean perJob) throws Exception {
        Database.open(file).close(); // same schema and file settings
        String request = JobRequestCodec.encode(Briefs.brief("benchmark"));
        String delta = JobEventCodec.encodeData(new JobEvent.DraftDelta(1, "token "));
        String result = Json.write(ResultCodec.writeResult(Briefs.result("t")));
        String complete = JobEventCodec.encodeData(new JobEvent.Complete(Briefs.result("t")));
        try (Connection c = rawConnection(file);
             PreparedStatement insert = c.prepareStatement(SqlJobStore.INSERT);
             PreparedStatement due = c.prepareStatement(SqlJobStore.HAS_DUE);
             PreparedStatement claim = c.prepareStatement(SqliteQueueDialect.CLAIM);
             PreparedStatement append = c.prepareStatement(SqliteQueueDialect.APPEND_FENCED);
             PreparedStatement succeed = c.prepareStatement(SqlJobStore.SUCCEED_SQL);
             PreparedStatement terminal = c.prepareStatement(SqliteQueueDialect.APPEND);
             Statement tx = c.createStatement()) {
            String worker = "bench";
            long start = System.nanoTime();
            for (int i = 0; i < jobs; i++) {
                long now = System.currentTimeMillis();
                String id = UUID.randomUUID().toString();
                if (perJob) tx.execute("BEGIN IMMEDIATE");
                bind(insert, id, "blog", request, null, now, now, now).executeUpdate();
                try (ResultSet rs = bind(due, now).executeQuery()) {
                    rs.next();
                }
                String claimed;
                try (ResultSet rs = bind(claim, worker, now + 30_000, now, null).executeQuery()) {
                    rs.next();
                    claimed = rs.getString(1);
                }
                for (int e = 1; e <= 5; e++) bind(append, claimed, "draft-delta", delta, now, null, worker).executeUpdate();
                if (!perJob) tx.execute("BEGIN IMMEDIATE");
                bind(succeed, result, now, now, claimed, worker).executeUpdate();
                bind(terminal, claimed, "complete", complete, now).executeUpdate();
                tx.execute("COMMIT");
            }
            return jobs / seconds(start);
        }
    }

    /** Events per second emitted by one running job, counted once all of them are committed. */
    static double queueAppends(Path file, int events) throws Exception {
        var started = new long[1];
        JobHandler emitter = ctx -> {
            started[0] = System.nanoTime();
            for (int i = 1; i <= events; i++) ctx.emit(new JobEvent.DraftDelta(i, "token "));
            return Briefs.result("t"); // the job's end commits after every event before it
        };
        try (Database db = Database.open(file);
             var queue = (SqlJobQueue) JobQueue.builder(db, emitter).settings(QueueSettings.DEFAULTS.withWorkers(0))
                     .build()) {
            queue.enqueue(Briefs.brief("benchmark"), null);
            queue.runDueJobs();
            return events / seconds(started[0]);
        }
    }

    static double baselineAppends(Path file, int events) throws Exception {
        Database.open(file).close();
        long now = System.currentTimeMillis();
        try (Connection c = rawConnection(file);
             PreparedStatement insert = c.prepareStatement(SqlJobStore.INSERT);
             PreparedStatement claim = c.prepareStatement(SqliteQueueDialect.CLAIM);
             PreparedStatement append = c.prepareStatement(SqliteQueueDialect.APPEND_FENCED)) {
            bind(insert, "job", "blog", "{}", null, now, now, now).executeUpdate();
            try (ResultSet rs = bind(claim, "bench", now + 30_000, now, null).executeQuery()) {
                rs.next();
            }
            String delta = JobEventCodec.encodeData(new JobEvent.DraftDelta(1, "token "));
            long start = System.nanoTime();
            for (int i = 1; i <= events; i++) bind(append, "job", "draft-delta", delta, now, null, "bench").executeUpdate();
            return events / seconds(start);
        }
    }

    private static Connection rawConnection(Path file) throws Exception {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        return DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
    }

    private static PreparedStatement bind(PreparedStatement statement, Object... args) throws Exception {
        for (int i = 0; i < args.length; i++) statement.setObject(i + 1, args[i]);
        return statement;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String sqliteVersion(Path dir) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("v.db"));
             ResultSet rs = c.createStatement().executeQuery("SELECT sqlite_version()")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
