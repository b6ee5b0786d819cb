package dev.postwright.team;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.server.ServerSecret;
import dev.postwright.server.Tokens;
import dev.postwright.store.postgres.PostgresAddress;
import dev.postwright.testing.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three {@code serve} processes on one PostgreSQL, each with its own data folder and the same
 * token secret. Jobs arrive in waves of {@value #WAVE}; in each wave a node that is running a job
 * is SIGKILLed mid-run and started again (four times), and in the last one a node is stopped
 * gracefully and started again. Every job must end succeeded with
 * exactly one post and one {@code complete} event, and a client following each job, reconnecting
 * with Last-Event-ID to whichever node is up whenever its stream breaks, must receive every
 * event of the job's log exactly once, in order.
 */
class TeamServeChaosTest {
    private static final int NODES = 3;
    private static final int WAVE = 30;
    private static final int KILLS = 4;
    /** Four waves end with a kill, the fifth with a graceful stop. */
    private static final int JOBS = WAVE * (KILLS + 1);
    private static final long WAIT_SECONDS = 120;
    private static final MediaType JSON = MediaType.get("application/json");

    @TempDir
    Path dir;

    private final AtomicReferenceArray<ServeNode> nodes = new AtomicReferenceArray<>(NODES);
    private final AtomicReferenceArray<String> urls = new AtomicReferenceArray<>(NODES);
    private final OkHttpClient http = client();
    private PostgresAddress database;
    private Map<String, String> environment;
    private String token;

    @AfterEach
    void stopNodes() throws Exception {
        for (int i = 0; i < NODES; i++) {
            ServeNode node = nodes.get(i);
            if (node != null && node.process().isAlive()) node.signalAndWait("KILL", 30);
        }
        http.dispatcher().executorService().shutdownNow();
    }

    @Test
    void killedAndStoppedNodesLoseNoJobRunNoJobTwiceAndEveryFollowerSeesEachEventOnce() throws Exception {
        database = TestPostgres.freshDatabase();
        Properties server = TestPostgres.server();
        Path secret = secretFile();
        // The password travels as PGPASSWORD, never on a command line another user's ps could show.
        environment = Map.of("PGPASSWORD", server.getProperty("password"));
        token = new Tokens(ServerSecret.load(secret, Map.of(), dir), Clock.systemUTC()).issue("chaos", Duration.ofHours(1));
        for (int i = 0; i < NODES; i++) start(i);

        Map<String, Follower> followers = new HashMap<>();
        for (int wave = 0; wave <= KILLS; wave++) {
            for (int i = 0; i < WAVE; i++) {
                var follower = new Follower(create((wave + i) % NODES, "Chaos " + wave + "." + i));
                followers.put(follower.jobId, follower);
                follower.connect();
            }
            int node = awaitNodeRunningAJob();
            if (wave < KILLS) {
                // A node that is running a job is killed, mid-run, and started again.
                assertThat(nodes.get(node).signalAndWait("KILL", 30)).isEqualTo(137);
            } else {
                // The way a service manager stops it: it hands its jobs back and exits 0.
                assertThat(nodes.get(node).signalAndWait("TERM", 60)).isZero();
            }
            start(node);
        }

        for (Follower follower : followers.values()) {
            assertThat(follower.done.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("job %s followed to its end", follower.jobId)
                    .isTrue();
        }

        try (Connection c = connect()) {
            assertThat(rows(c, "SELECT state, count(*) FROM jobs GROUP BY state")).containsExactly("succeeded " + JOBS);
            assertThat(rows(c, "SELECT count(*), count(DISTINCT source_job_id) FROM posts")).containsExactly(JOBS + " " + JOBS);
            assertThat(rows(c, "SELECT count(*) FROM job_events WHERE name = 'complete'")).containsExactly(String.valueOf(JOBS));
            assertThat(rows(c, "SELECT count(*) > 0 FROM jobs WHERE attempts > 1"))
                    .as("some runs were cut short by a kill and run again").containsExactly("t");
            Map<String, Long> lastSeq = new HashMap<>();
            for (String row : rows(c, "SELECT id, last_seq FROM jobs")) {
                lastSeq.put(row.split(" ")[0], Long.parseLong(row.split(" ")[1]));
            }
            for (Follower follower : followers.values()) {
                List<Long> expected = new ArrayList<>();
                for (long seq = 1; seq <= lastSeq.get(follower.jobId); seq++) expected.add(seq);
                assertThat(follower.seqs()).as("events of %s, over %d connections", follower.jobId, follower.connections)
                        .containsExactlyElementsOf(expected);
                assertThat(follower.lastType).isEqualTo("complete");
            }
        }
        String logs = Files.readString(dir.resolve("nodes.log"));
        assertThat(logs).doesNotContain(server.getProperty("password"));
        assertThat(logs).contains("jobs, posts and images in PostgreSQL");
        assertThat(logs).contains("Re-queued job"); // a killed node's jobs were taken back by the others
    }

    private void start(int index) throws Exception {
        Path data = dir.resolve("node-" + index);
        String address = "postgresql://" + database.user() + "@" + database.host() + ":" + database.port() + "/"
                + database.database();
        ServeNode node = ServeNode.start(dir.resolve("nodes.log"), environment, "--port", "0", "--database", address,
                "--secret-file", dir.resolve("secret").toString(), "--data-dir", data.toString(), "--workers", "2");
        urls.set(index, node.awaitListening(60));
        nodes.set(index, node);
    }

    /** Waits until some node holds a running job, and returns which (read from the claims in the database). */
    private int awaitNodeRunningAJob() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        try (Connection c = connect()) {
            while (System.nanoTime() < deadline) {
                for (String claim : rows(c, "SELECT claimed_by FROM jobs WHERE state = 'running'")) {
                    long pid = Long.parseLong(claim.substring(0, claim.indexOf('@')));
                    for (int i = 0; i < NODES; i++) {
                        if (nodes.get(i).pid() == pid) return i;
                    }
                }
                // Jobs run at the nodes' pace; this only asks the database again, it does not stand in for a signal.
                Thread.sleep(20);
            }
        }
        throw new AssertionError("no node was running a job");
    }

    private String create(int node, String title) throws IOException {
        var request = new Request.Builder().url(urls.get(node) + "/api/v1/jobs/content-generation")
                .header("Authorization", "Bearer " + token)
                .post(RequestBody.create("{\"topic\": {\"title\": \"" + title + "\"}, \"businessInfo\": "
                        + "{\"businessType\": \"Bakery\"}, \"organizationId\": \"org-1\"}", JSON)).build();
        try (Response response = http.newCall(request).execute()) {
            String body = response.body().string();
            assertThat(response.code()).as(body).isEqualTo(201);
            int at = body.indexOf("\"jobId\"");
            int start = body.indexOf('"', body.indexOf(':', at) + 1) + 1;
            return body.substring(start, body.indexOf('"', start));
        }
    }

    /**
     * Follows one job's stream; whenever it breaks (its node killed) or ends early (its node
     * stopped), opens it again on any node with the last event id it saw.
     */
    private final class Follower extends EventSourceListener {
        final String jobId;
        final CountDownLatch done = new CountDownLatch(1);
        private final Map<Long, Integer> received = new ConcurrentHashMap<>();
        private final List<Long> order = java.util.Collections.synchronizedList(new ArrayList<>());
        private volatile String lastId;
        volatile String lastType;
        volatile int connections;

        Follower(String jobId) {
            this.jobId = jobId;
        }

        void connect() {
            connections++;
            String base = urls.get(ThreadLocalRandom.current().nextInt(NODES));
            var request = new Request.Builder().url(base + "/api/v1/jobs/" + jobId + "/stream")
                    .header("Authorization", "Bearer " + token);
            if (lastId != null) request.header("Last-Event-ID", lastId);
            EventSources.createFactory(http).newEventSource(request.build(), this);
        }

        @Override
        public void onEvent(EventSource source, String id, String type, String data) {
            if (type.equals("connected") || type.equals("stream-timeout")) return;
            long seq = Long.parseLong(id.substring(id.lastIndexOf(':') + 1));
            received.merge(seq, 1, Integer::sum);
            order.add(seq);
            lastId = id;
            lastType = type;
            if (type.equals("complete")) {
                source.cancel();
                done.countDown();
            }
        }

        @Override
        public void onClosed(EventSource source) {
            if (done.getCount() > 0) connect();
        }

        @Override
        public void onFailure(EventSource source, Throwable t, Response response) {
            if (done.getCount() > 0) connect(); // cancelled after complete lands here too: then nothing
        }

        /** The sequence numbers received, in order; a repeat shows as a repeat. */
        List<Long> seqs() {
            synchronized (order) {
                return List.copyOf(order);
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties server = TestPostgres.server();
        return DriverManager.getConnection("jdbc:postgresql://" + database.host() + ":" + database.port() + "/"
                + database.database(), server.getProperty("user"), server.getProperty("password"));
    }

    private static List<String> rows(Connection c, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (var statement = c.createStatement(); var rs = statement.executeQuery(query)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                var row = new StringBuilder();
                for (int i = 1; i <= columns; i++) row.append(i > 1 ? " " : "").append(rs.getString(i));
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private Path secretFile() throws IOException {
        byte[] random = new byte[48];
        new SecureRandom().nextBytes(random);
        Path file = dir.resolve("secret");
        Files.writeString(file, Base64.getEncoder().encodeToString(random), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static OkHttpClient client() {
        var dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(1000); // a stream per job, all to 127.0.0.1
        dispatcher.setMaxRequestsPerHost(1000);
        return new OkHttpClient.Builder().dispatcher(dispatcher).readTimeout(60, TimeUnit.SECONDS).build();
    }
}
