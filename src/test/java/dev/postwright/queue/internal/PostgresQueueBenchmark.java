package dev.postwright.queue.internal;

import dev.postwright.model.JobEvent;
import dev.postwright.queue.JobHandler;
import dev.postwright.queue.JobQueue;
import dev.postwright.queue.QueueSettings;
import dev.postwright.store.Database;
import dev.postwright.store.postgres.PostgresAddress;
import dev.postwright.store.postgres.PostgresDatabase;
import dev.postwright.store.postgres.PostgresPool;
import dev.postwright.testing.Briefs;
import dev.postwright.testing.TestPostgres;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.PGConnection;

/**
 * The queue on PostgreSQL against a raw JDBC {@code SKIP LOCKED} loop on the same server, in one
 * run, and against the queue on SQLite; one node against two.
 *
 * <pre>POSTWRIGHT_PG_DURABLE=1 mvn -B -Pbench verify -DskipTests -Dbench.class=dev.postwright.queue.internal.PostgresQueueBenchmark</pre>
 *
 * {@code POSTWRIGHT_PG_DURABLE=1} starts the test server with fsync and synchronous commits on, as
 * a real one runs. Each job is claim → 5 events → complete. Throughput: {@value #JOBS} jobs are
 * stored first, then the workers start and the clock runs until the last one is done. The raw
 * loop is what a team would write by hand: each of its threads, on a connection of its own,
 * claims one job with {@code UPDATE … WHERE key IN (SELECT … FOR UPDATE SKIP LOCKED LIMIT 1)
 * RETURNING}, appends the 5 events and the complete event and marks the job done, in one
 * transaction. Latency: one job at a time into idle workers, enqueue to the handler's first line;
 * the raw loop's worker waits on {@code LISTEN} and the producer sends {@code NOTIFY} with the
 * insert. Each round uses a fresh database.
 */
public final class PostgresQueueBenchmark {
    private static final int JOBS = 2_000;
    private static final int WORKERS = 2;
    private static final int ROUNDS = 5;
    private static final int LATENCY_SAMPLES = 200;
    private static final PostgresPool.Settings POOL = PostgresPool.Settings.DEFAULTS.withSize(6);

    public static void main(String[] args) throws Exception {
        java.util.logging.LogManager.getLogManager().reset();
        Properties server = TestPostgres.server();
        System.out.printf(Locale.ROOT, "Java %s, %d cores, PostgreSQL %s (fsync %s), %d jobs per round, %d workers "
                        + "per node%n", System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                setting("server_version"), setting("fsync"), JOBS, WORKERS);
        Path dir = Files.createTempDirectory("postwright-bench");
        for (int i = 0; i < 2; i++) { // warm-up
            queue(TestPostgres.freshDatabase(), 1);
            raw(TestPostgres.freshDatabase());
            sqlite(dir.resolve("warm" + i + ".db"));
        }
        List<double[]> rounds = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            double raw = raw(TestPostgres.freshDatabase());
            double one = queue(TestPostgres.freshDatabase(), 1);
            double two = queue(TestPostgres.freshDatabase(), 2);
            double sqlite = sqlite(dir.resolve("q" + round + ".db"));
            rounds.add(new double[] {raw, one, two, sqlite});
            System.out.printf(Locale.ROOT, "round %d: raw loop %,.0f jobs/s; queue one node %,.0f (%.0f %%), two nodes "
                    + "%,.0f (%.0f %%); SQLite queue %,.0f%n", round, raw, one, 100 * one / raw, two, 100 * two / raw, sqlite);
        }
        System.out.printf(Locale.ROOT, "median: raw %,.0f; one node %,.0f; two nodes %,.0f; SQLite %,.0f jobs/s%n",
                median(rounds, 0), median(rounds, 1), median(rounds, 2), median(rounds, 3));
        System.out.printf(Locale.ROOT, "ratio to raw, median of rounds: one node %.0f %%, two nodes %.0f %%%n",
                100 * medianRatio(rounds, 1), 100 * medianRatio(rounds, 2));

        System.out.printf(Locale.ROOT, "enqueue → start, ms (median / p90): raw LISTEN loop %s; queue same node %s; "
                        + "queue other node %s; SQLite queue %s%n", rawLatency(TestPostgres.freshDatabase()),
                queueLatency(TestPostgres.freshDatabase(), false), queueLatency(TestPostgres.freshDatabase(), true),
                sqliteLatency(dir.resolve("latency.db")));
    }

    private static JobHandler fiveEvents(CountDownLatch done) {
        return ctx -> {
            for (int i = 1; i <= 5; i++) ctx.emit(new JobEvent.DraftDelta(i, "token "));
            done.countDown();
            return Briefs.result("t");
        };
    }

    /** Jobs per second through the real queue on {@code nodes} engines, each with its own pool. */
    static double queue(PostgresAddress address, int nodes) throws Exception {
        var done = new CountDownLatch(JOBS);
        List<PostgresDatabase> dbs = new ArrayList<>();
        List<JobQueue> queues = new ArrayList<>();
        try {
            for (int n = 0; n < nodes; n++) {
                PostgresDatabase db = PostgresDatabase.open(address, POOL);
                dbs.add(db);
                queues.add(JobQueue.builder(db, fiveEvents(done)).settings(QueueSettings.DEFAULTS.withWorkers(WORKERS))
                        .build());
            }
            var request = Briefs.brief("benchmark");
            for (int i = 0; i < JOBS; i++) queues.get(i % nodes).enqueue(request, null);
            long start = System.nanoTime();
            queues.forEach(JobQueue::start);
            if (!done.await(10, TimeUnit.MINUTES)) throw new IllegalStateException("jobs did not finish");
            for (JobQueue q : queues) ((SqlJobQueue) q).awaitIdle(Duration.ofMinutes(1));
            return JOBS / seconds(start);
        } finally {
            queues.forEach(JobQueue::close);
            dbs.forEach(PostgresDatabase::close);
        }
    }

    static double sqlite(Path file) throws Exception {
        var done = new CountDownLatch(JOBS);
        try (Database db = Database.open(file);
             var queue = JobQueue.builder(db, fiveEvents(done)).settings(QueueSettings.DEFAULTS.withWorkers(WORKERS)).build()) {
            var request = Briefs.brief("benchmark");
            for (int i = 0; i < JOBS; i++) queue.enqueue(request, null);
            long start = System.nanoTime();
            queue.start();
            if (!done.await(10, TimeUnit.MINUTES)) throw new IllegalStateException("jobs did not finish");
            ((SqlJobQueue) queue).awaitIdle(Duration.ofMinutes(1));
            return JOBS / seconds(start);
        }
    }

    private static final String RAW_CLAIM = """
            UPDATE jobs SET state = 'running', claimed_by = ?, lease_until = ?, attempts = attempts + 1,
                            started_at = ?, updated_at = ?
            WHERE key IN (SELECT key FROM jobs WHERE state = 'queued' AND run_at <= ?
                          ORDER BY run_at, key LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING key""";
    private static final String RAW_EVENT = """
            WITH j AS (UPDATE jobs SET last_seq = last_seq + 1 WHERE key = ? RETURNING key, last_seq)
            INSERT INTO job_events (job_key, seq, name, data, at) SELECT key, last_seq, ?, ?, ? FROM j""";
    private static final String RAW_DONE = """
            UPDATE jobs SET state = 'succeeded', progress = 100, result = ?, claimed_by = NULL, lease_until = NULL,
                            finished_at = ?, updated_at = ? WHERE key = ?""";

    /** Jobs per second through the hand-written loop: {@value #WORKERS} threads, one transaction per job. */
    static double raw(PostgresAddress address) throws Exception {
        PostgresDatabase.open(address, POOL).close(); // the same schema
        insertJobs(address, JOBS);
        String delta = JobEventCodec.encodeData(new JobEvent.DraftDelta(1, "token "));
        String result = Json.write(ResultCodec.writeResult(Briefs.result("t")));
        String complete = JobEventCodec.encodeData(new JobEvent.Complete(Briefs.result("t")));
        var finished = new AtomicInteger();
        var failure = new java.util.concurrent.atomic.AtomicReference<Exception>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < WORKERS; w++) {
            String worker = "raw-" + w;
            threads.add(Thread.ofPlatform().start(() -> {
                try (Connection c = connect(address);
                     PreparedStatement claim = c.prepareStatement(RAW_CLAIM);
                     PreparedStatement event = c.prepareStatement(RAW_EVENT);
                     PreparedStatement succeed = c.prepareStatement(RAW_DONE)) {
                    c.setAutoCommit(false);
                    while (true) {
                        long now = System.currentTimeMillis();
                        Long key = null;
                        try (ResultSet rs = bind(claim, worker, now + 30_000, now, now, now).executeQuery()) {
                            if (rs.next()) key = rs.getLong(1);
                        }
                        if (key == null) {
                            c.commit();
                            return;
                        }
                        for (int e = 1; e <= 5; e++) bind(event, key, "draft-delta", delta, now).executeUpdate();
                        bind(succeed, result, now, now, key).executeUpdate();
                        bind(event, key, "complete", complete, now).executeUpdate();
                        c.commit();
                        finished.incrementAndGet();
                    }
                } catch (Exception e) {
                    failure.set(e);
                }
            }));
        }
        for (Thread t : threads) t.join();
        if (failure.get() != null) throw failure.get();
        if (finished.get() != JOBS) throw new IllegalStateException("raw loop finished " + finished.get());
        return JOBS / seconds(start);
    }

    private static void insertJobs(PostgresAddress address, int count) throws Exception {
        String request = JobRequestCodec.encode(Briefs.brief("benchmark"));
        try (Connection c = connect(address); PreparedStatement insert = c.prepareStatement(SqlJobStore.INSERT)) {
            c.setAutoCommit(false);
            long now = System.currentTimeMillis();
            for (int i = 0; i < count; i++) {
                bind(insert, UUID.randomUUID().toString(), "blog", request, null, now, now, now).addBatch();
            }
            insert.executeBatch();
            c.commit();
        }
    }

    /** Enqueue to the handler's first line, one job at a time, in milliseconds: "median / p90". */
    static String queueLatency(PostgresAddress address, boolean otherNode) throws Exception {
        var started = new SynchronousQueue<Long>();
        JobHandler handler = ctx -> {
            started.put(System.nanoTime());
            return Briefs.result("t");
        };
        try (PostgresDatabase workerDb = PostgresDatabase.open(address, POOL);
             PostgresDatabase frontDb = PostgresDatabase.open(address, POOL);
             JobQueue worker = JobQueue.builder(workerDb, handler).settings(QueueSettings.DEFAULTS.withWorkers(1)).build();
             JobQueue front = JobQueue.builder(frontDb, handler).settings(QueueSettings.DEFAULTS.withWorkers(0)).build()) {
            worker.start();
            front.start();
            JobQueue producer = otherNode ? front : worker;
            return latencies(() -> {
                long sent = System.nanoTime();
                producer.enqueue(Briefs.brief("latency"), null);
                return started.take() - sent;
            });
        }
    }

    static String sqliteLatency(Path file) throws Exception {
        var started = new SynchronousQueue<Long>();
        JobHandler handler = ctx -> {
            started.put(System.nanoTime());
            return Briefs.result("t");
        };
        try (Database db = Database.open(file);
             JobQueue queue = JobQueue.builder(db, handler).settings(QueueSettings.DEFAULTS.withWorkers(1)).build()) {
            queue.start();
            return latencies(() -> {
                long sent = System.nanoTime();
                queue.enqueue(Briefs.brief("latency"), null);
                return started.take() - sent;
            });
        }
    }

    /** The hand-written loop's best case: the worker waits on LISTEN, the producer's insert commits with a NOTIFY. */
    static String rawLatency(PostgresAddress address) throws Exception {
        PostgresDatabase.open(address, POOL).close();
        String request = JobRequestCodec.encode(Briefs.brief("latency"));
        var started = new SynchronousQueue<Long>();
        var stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread worker = Thread.ofPlatform().start(() -> {
            try (Connection c = connect(address); PreparedStatement claim = c.prepareStatement(RAW_CLAIM)) {
                c.createStatement().execute("LISTEN bench_work");
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!stop.get()) {
                    pg.getNotifications(200);
                    long now = System.currentTimeMillis();
                    try (ResultSet rs = bind(claim, "raw", now + 30_000, now, now, now).executeQuery()) {
                        if (rs.next()) started.put(System.nanoTime());
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try (Connection c = connect(address); PreparedStatement insert = c.prepareStatement(SqlJobStore.INSERT);
             PreparedStatement notify = c.prepareStatement("SELECT pg_notify('bench_work', '')")) {
            c.setAutoCommit(false);
            return latencies(() -> {
                long now = System.currentTimeMillis();
                long sent = System.nanoTime();
                bind(insert, UUID.randomUUID().toString(), "blog", request, null, now, now, now).executeUpdate();
                notify.executeQuery().close();
                c.commit();
                return started.take() - sent;
            });
        } finally {
            stop.set(true);
            worker.join();
        }
    }

    private interface Sample {
        long nanos() throws Exception;
    }

    private static String latencies(Sample sample) throws Exception {
        for (int i = 0; i < 20; i++) sample.nanos(); // warm-up
        double[] ms = new double[LATENCY_SAMPLES];
        for (int i = 0; i < ms.length; i++) ms[i] = sample.nanos() / 1e6;
        Arrays.sort(ms);
        return String.format(Locale.ROOT, "%.2f / %.2f", ms[ms.length / 2], ms[(int) (ms.length * 0.9)]);
    }

    private static Connection connect(PostgresAddress address) throws Exception {
        Properties server = TestPostgres.server();
        return DriverManager.getConnection(address.jdbcUrl(), server.getProperty("user"), server.getProperty("password"));
    }

    private static String setting(String name) throws Exception {
        try (Connection c = connect(TestPostgres.address("postgres", TestPostgres.server().getProperty("password")));
             ResultSet rs = c.createStatement().executeQuery("SELECT current_setting('" + name + "')")) {
            rs.next();
            return rs.getString(1).split(" ", 2)[0];
        }
    }

    private static PreparedStatement bind(PreparedStatement statement, Object... args) throws Exception {
        for (int i = 0; i < args.length; i++) statement.setObject(i + 1, args[i]);
        return statement;
    }

    private static double median(List<double[]> rounds, int column) {
        double[] values = rounds.stream().mapToDouble(r -> r[column]).sorted().toArray();
        return values[values.length / 2];
    }

    private static double medianRatio(List<double[]> rounds, int column) {
        double[] values = rounds.stream().mapToDouble(r -> r[column] / r[0]).sorted().toArray();
        return values[values.length / 2];
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
