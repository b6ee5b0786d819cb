package dev.postwright.server.bench;

import dev.postwright.engine.LocalEngine;
import dev.postwright.jobs.Subscription;
import dev.postwright.model.JobEvent;
import dev.postwright.queue.QueueSettings;
import dev.postwright.server.JobApiServer;
import dev.postwright.server.ServeSettings;
import dev.postwright.server.Tokens;
import dev.postwright.wire.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * One {@code serve} (real Jetty, real SQLite file, real loopback HTTP) with 50 jobs in flight and
 * 200 streams reading them (4 per job), every job streaming 40 draft tokens a second for 10 s.
 * Each stream checks it received its job's full sequence, in order, exactly once. Reports events
 * delivered per second, the latency from a token's emission (before its append to the log) to
 * its receipt by an HTTP client, and peak memory; baseline in the same run: the same events
 * delivered to one in-process queue subscriber per job (no HTTP).
 *
 * <pre>mvn -B -Pbench verify -DskipTests -Dbench.class=dev.postwright.server.bench.ServeLoadBenchmark</pre>
 */
public final class ServeLoadBenchmark {
    private static final int JOBS = 50;
    private static final int STREAMS_PER_JOB = 4;
    private static final int RATE = 40;
    private static final int TOKENS = 400;
    private static final byte[] SECRET = "a benchmark secret, long enough for HS256".getBytes(StandardCharsets.UTF_8);

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("postwright-load");
        var tokens = new Tokens(SECRET, Clock.systemUTC());
        String token = tokens.issue("load", Duration.ofHours(1));
        var heapPeak = new AtomicLong();
        var sampler = Executors.newSingleThreadScheduledExecutor();
        var memory = ManagementFactory.getMemoryMXBean();
        sampler.scheduleAtFixedRate(() -> heapPeak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                0, 20, TimeUnit.MILLISECONDS);
        var writer = new StampedWriter(RATE, TOKENS);
        try (var engine = LocalEngine.open(dir, writer,
                QueueSettings.DEFAULTS.withWorkers(JOBS), Clock.systemUTC());
             var server = new JobApiServer(engine.jobs(), engine.library(), engine.images(), tokens, ServeSettings.DEFAULTS.withPort(0))) {
            server.start();
            var http = new OkHttpClient.Builder().dispatcher(unlimited()).connectionPool(new ConnectionPool(400, 1,
                    TimeUnit.MINUTES)).readTimeout(60, TimeUnit.SECONDS).build();
            engine.jobs().start();
            round(engine, writer, server, http, token, heapPeak, false); // warm-up: not reported
            heapPeak.set(0);
            round(engine, writer, server, http, token, heapPeak, true);
        } finally {
            sampler.shutdownNow();
        }
    }


    /** 50 jobs, 200 streams, until every stream has ended; prints the figures when {@code report}. */
    private static void round(LocalEngine engine, StampedWriter writer, JobApiServer server, OkHttpClient http, String token,
                              AtomicLong heapPeak, boolean report) throws Exception {
        var release = writer.hold();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) ids.add(create(http, server.baseUrl(), token, i));

        var connected = new CountDownLatch(JOBS * STREAMS_PER_JOB);
        List<StreamReader> readers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (String id : ids) {
            for (int s = 0; s < STREAMS_PER_JOB; s++) {
                var reader = new StreamReader(http, server.baseUrl(), id, token, connected);
                readers.add(reader);
                threads.add(Thread.ofVirtual().start(reader));
            }
        }
        connected.await(60, TimeUnit.SECONDS);
        List<Long> baseline = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Subscription> subscriptions = new ArrayList<>();
        for (String id : ids) {
            subscriptions.add(engine.jobs().subscribe(id, 0, e -> {
                if (e.event() instanceof JobEvent.DraftDelta d) baseline.add(System.nanoTime() - StampedWriter.stamp(d.text()));
            }));
        }
        long start = System.nanoTime();
        release.countDown();
        for (Thread t : threads) t.join(Duration.ofMinutes(2));
        double seconds = (System.nanoTime() - start) / 1e9;
        subscriptions.forEach(Subscription::close);

        long delivered = readers.stream().mapToLong(r -> r.events).sum();
        long complete = readers.stream().filter(r -> r.problem == null && r.ended).count();
        if (!report) return;
        long logged = ids.stream().mapToLong(id -> engine.jobs().events(id, 0).size()).sum();
        long[] latencies = readers.stream().flatMapToLong(r -> r.latencies.stream().mapToLong(Long::longValue)).toArray();
        long[] base = baseline.stream().mapToLong(Long::longValue).toArray();
        System.out.printf(Locale.ROOT, "Java %s, %d cores; %d jobs in flight, %d streams, %d draft tokens/s per job%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), JOBS, readers.size(), RATE);
        System.out.printf(Locale.ROOT, "streams with their full ordered sequence: %d of %d%s%n", complete,
                readers.size(), readers.stream().filter(r -> r.problem != null).findFirst()
                        .map(r -> " (first problem: " + r.problem + ")").orElse(""));
        System.out.printf(Locale.ROOT, "events logged %,d; delivered over HTTP %,d in %.1f s = %,.0f events/s%n",
                logged, delivered, seconds, delivered / seconds);
        System.out.printf(Locale.ROOT, "emit -> HTTP client:      %s%n", summary(latencies));
        System.out.printf(Locale.ROOT, "emit -> in-process queue: %s (baseline)%n", summary(base));
        System.out.printf(Locale.ROOT, "p99 HTTP / in-process: %.1fx; peak heap used %.0f MB; peak RSS %s%n",
                percentile(latencies, 99) / Math.max(1e-9, percentile(base, 99)), heapPeak.get() / 1e6, peakRss());
    }

    private static String summary(long[] nanos) {
        return String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms, max %.2f ms (%,d tokens)", percentile(nanos, 50) / 1e6,
                percentile(nanos, 99) / 1e6, nanos.length == 0 ? 0 : Arrays.stream(nanos).max().getAsLong() / 1e6, nanos.length);
    }

    private static double percentile(long[] values, double p) {
        if (values.length == 0) return 0;
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)];
    }

    private static String peakRss() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                .map(l -> l.replaceAll("\\s+", " ").substring(7)).findFirst().orElse("unknown");
    }

    private static Dispatcher unlimited() {
        var dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(1_000);
        dispatcher.setMaxRequestsPerHost(1_000);
        return dispatcher;
    }

    private static String create(OkHttpClient http, String base, String token, int i) throws Exception {
        var request = new Request.Builder().url(base + "/api/v1/jobs/content-generation")
                .header("Authorization", "Bearer " + token)
                .post(RequestBody.create("{\"topic\": {\"title\": \"Load " + i + "\"}, \"businessInfo\": {}, "
                        + "\"organizationId\": \"org-1\", \"options\": {\"includeVisuals\": false}}",
                        MediaType.get("application/json"))).build();
        try (var response = http.newCall(request).execute()) {
            return Json.parse(response.body().string(), "reply").get("jobId").asText();
        }
    }

    /** One stream: checks ids run 1, 2, 3… without a gap, records each token's latency. */
    private static final class StreamReader implements Runnable {
        final OkHttpClient http;
        final String url;
        final String jobId;
        final CountDownLatch connected;
        final List<Long> latencies = new ArrayList<>();
        long events;
        boolean ended;
        String problem;

        StreamReader(OkHttpClient http, String base, String jobId, String token, CountDownLatch connected) {
            this.http = http;
            this.url = base + "/api/v1/jobs/" + jobId + "/stream?token=" + token;
            this.jobId = jobId;
            this.connected = connected;
        }

        @Override
        public void run() {
            try (var response = http.newCall(new Request.Builder().url(url).build()).execute();
                 var in = new BufferedReader(new InputStreamReader(response.body().byteStream(), StandardCharsets.UTF_8))) {
                long expected = 1;
                String event = null;
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.startsWith("event: ")) {
                        event = line.substring(7);
                        if (event.equals("connected")) connected.countDown();
                    } else if (line.startsWith("id: ") && !"connected".equals(event)) { // connected names the resume point
                        long seq = Long.parseLong(line.substring(line.lastIndexOf(':') + 1));
                        if (seq != expected && problem == null) problem = jobId + ": expected " + expected + ", got " + seq;
                        expected = seq + 1;
                        events++;
                    } else if (line.startsWith("data: ") && "draft-delta".equals(event)) {
                        long stamp = StampedWriter.stamp(line);
                        if (stamp > 0) latencies.add(System.nanoTime() - stamp);
                    } else if (line.isEmpty() && "complete".equals(event)) {
                        ended = true;
                    }
                }
            } catch (Exception e) {
                problem = jobId + ": " + e;
            }
        }
    }
}
