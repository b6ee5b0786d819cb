package dev.postwright.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.engine.LocalEngine;
import dev.postwright.llm.TextGenerator;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.llm.openai.ModelServer;
import dev.postwright.llm.openai.OpenAiCompatibleWriter;
import dev.postwright.model.JobState;
import dev.postwright.queue.QueueSettings;
import dev.postwright.server.ApiClient.Sse;
import dev.postwright.testing.FakeModelServer;
import dev.postwright.testing.FullDisk;
import dev.postwright.testing.LogCapture;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code postwright serve} on loopback over a real engine and SQLite file, through real HTTP. */
class JobApiServerTest {
    static final byte[] SECRET = "a test secret that is long enough for HS256".getBytes(StandardCharsets.UTF_8);

    @TempDir Path dir;
    final Tokens tokens = new Tokens(SECRET, Clock.systemUTC());
    final String alice = tokens.issue("alice", Duration.ofHours(1));
    final String bob = tokens.issue("bob", Duration.ofHours(1));
    LocalEngine engine;
    JobApiServer server;
    ApiClient client;

    void start(TextGenerator writer, ServeSettings settings) throws Exception {
        engine = LocalEngine.open(dir.resolve("data"), writer, QueueSettings.DEFAULTS.withWorkers(2), Clock.systemUTC());
        engine.jobs().start();
        server = new JobApiServer(engine.jobs(), engine.library(), engine.images(), tokens, settings.withPort(0));
        server.start();
        client = new ApiClient(server.baseUrl());
    }

    void start() throws Exception {
        start(new OfflineWriter(), ServeSettings.DEFAULTS);
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
        if (engine != null) engine.close();
    }

    @Test
    void aJobStreamsEveryEventWithIdsInOrderReaching100AndTheStreamEnds() throws Exception {
        start();
        String id = client.create(alice, "Sourdough bread at home");
        List<Sse> events = client.streamToEnd(id, alice, null);

        assertThat(events.getFirst().type()).isEqualTo("connected");
        assertThat(events.getFirst().json().get("jobId").asText()).isEqualTo(id);
        assertThat(events.getFirst().id()).isEqualTo(id + ":0"); // every frame has an id; resuming from it replays all
        List<Sse> logged = events.subList(1, events.size());
        for (int i = 0; i < logged.size(); i++) assertThat(logged.get(i).id()).isEqualTo(id + ":" + (i + 1));
        List<String> types = logged.stream().map(Sse::type).filter(t -> !t.equals("draft-delta")).distinct().toList();
        assertThat(types).containsSubsequence("step-change", "progress-update", "context-result", "blog-result",
                "visuals-result", "seo-result", "complete");
        assertThat(logged.getLast().type()).isEqualTo("complete");
        assertThat(logged.stream().filter(e -> e.type().equals("progress-update"))
                .mapToInt(e -> e.json().get("progress").asInt()).max().orElse(0)).isEqualTo(100);
        assertThat(logged.stream().filter(e -> e.type().equals("blog-result")).findFirst().orElseThrow().json()
                .get("title").asText()).containsIgnoringCase("sourdough");

        var status = client.get("/api/v1/jobs/" + id + "/status", alice);
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.body().get("status").asText()).isEqualTo("succeeded");
        assertThat(status.body().at("/result/data/content").asText()).contains("Sourdough");
    }

    @Test
    void aFullDiskAnswers507InWordsHealthzSaysUnhealthyAndBothRecoverByThemselvesOnceThereIsRoom() throws Exception {
        start();
        String before = client.create(alice, "Written before the disk filled");
        client.streamToEnd(before, alice, null);
        // A brief bigger than a page: storing it needs new space.
        String bigBrief = "{\"topic\": {\"title\": \"Too big for a full disk\"}, \"businessInfo\": {\"businessType\": "
                + "\"Bakery\"}, \"organizationId\": \"org-1\", \"additionalInstructions\": \"" + "Keep it warm. ".repeat(900)
                + "\"}";
        FullDisk.fill(engine.database());

        var refused = client.post("/api/v1/jobs/content-generation", alice, bigBrief);
        assertThat(refused.status()).isEqualTo(507);
        assertThat(refused.body().get("success").asBoolean()).isFalse();
        assertThat(refused.body().get("message").asText()).startsWith("The disk is full: free some space");
        var unhealthy = client.get("/healthz", null);
        assertThat(unhealthy.status()).isEqualTo(503);
        assertThat(unhealthy.body().get("status").asText()).isEqualTo("unhealthy");
        assertThat(unhealthy.body().get("message").asText()).startsWith("The disk is full");
        // Reads go on: what was written before is all there.
        assertThat(client.get("/api/v1/jobs/" + before + "/status", alice).body().get("status").asText())
                .isEqualTo("succeeded");

        var recovered = new java.util.concurrent.CountDownLatch(1);
        engine.database().onWriteFaultChange(() -> {
            if (engine.database().writeFault().isEmpty()) recovered.countDown();
        });
        FullDisk.free(engine.database());
        assertThat(recovered.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(client.get("/healthz", null).status()).isEqualTo(200);
        var accepted = client.post("/api/v1/jobs/content-generation", alice, bigBrief);
        assertThat(accepted.status()).isEqualTo(201);
        List<Sse> events = client.streamToEnd(accepted.body().get("jobId").asText(), alice, null);
        assertThat(events.getLast().type()).isEqualTo("complete");
    }

    @Test
    void lastEventIdReplaysEveryLaterEventFromTheHeaderOrTheQuery() throws Exception {
        start();
        String id = client.create(alice, "Replay me");
        List<Sse> all = client.streamToEnd(id, alice, null);
        int total = all.size() - 1; // without connected

        List<Sse> resumed = client.streamToEnd(id, alice, id + ":5");
        assertThat(resumed.getFirst().id()).isEqualTo(id + ":5");
        assertThat(resumed.get(1).id()).isEqualTo(id + ":6");
        assertThat(resumed.subList(1, resumed.size())).isEqualTo(all.subList(6, all.size()));
        assertThat(resumed).hasSize(1 + total - 5);

        var viaQuery = client.http().newCall(new Request.Builder().url(server.baseUrl() + "/api/v1/jobs/" + id
                + "/stream?token=" + alice + "&lastEventId=" + id + ":" + (total - 1)).build()).execute();
        String body = viaQuery.body().string();
        // connected (at the resume point), then only the last event
        assertThat(body.lines().filter(l -> l.startsWith("id: ")).toList())
                .containsExactly("id: " + id + ":" + (total - 1), "id: " + id + ":" + total);

        var wrongJob = client.get("/api/v1/jobs/" + id + "/stream?lastEventId=someone-else:3", alice);
        assertThat(wrongJob.status()).isEqualTo(400);
        assertThat(wrongJob.body().get("message").asText()).contains("another job");
    }

    @Test
    void tokensAreRequiredAndAJobIsInvisibleToAnyoneButItsOwner() throws Exception {
        start();
        String id = client.create(alice, "Alice's post");
        client.streamToEnd(id, alice, null);

        assertThat(client.get("/api/v1/jobs/" + id + "/status", null).status()).isEqualTo(401);
        assertThat(client.get("/api/v1/jobs/" + id + "/status", "not-a-token").status()).isEqualTo(401);
        String forged = new Tokens("another secret, just as long as the real one".getBytes(StandardCharsets.UTF_8),
                Clock.systemUTC()).issue("alice", Duration.ofHours(1));
        assertThat(client.get("/api/v1/jobs/" + id + "/status", forged).status()).isEqualTo(401);
        var unauthorized = client.get("/api/v1/jobs", null);
        assertThat(unauthorized.body().get("success").asBoolean()).isFalse();
        assertThat(unauthorized.body().get("message").asText()).contains("Sign in again");

        for (String path : List.of("/status", "/stream")) {
            var reply = client.get("/api/v1/jobs/" + id + path, bob);
            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(reply.body().get("message").asText()).contains("belongs to someone else");
        }
        assertThat(client.post("/api/v1/jobs/" + id + "/retry", bob, "").status()).isEqualTo(404);
        assertThat(client.post("/api/v1/jobs/" + id + "/cancel", bob, "").status()).isEqualTo(404);

        String bobs = client.create(bob, "Bob's post");
        var aliceList = client.get("/api/v1/jobs", alice);
        assertThat(aliceList.body().get("jobs")).extracting(j -> j.get("jobId").asText()).containsExactly(id);
        assertThat(client.get("/api/v1/jobs", bob).body().get("jobs")).extracting(j -> j.get("jobId").asText())
                .containsExactly(bobs);
    }

    @Test
    void badBriefsAreAnswered400WithTheFieldAndOversizedOnes413() throws Exception {
        start(new OfflineWriter(), new ServeSettings(ServeSettings.LOOPBACK, 0, Duration.ofSeconds(15),
                Duration.ofMinutes(10), 10_000));
        var malformed = client.post("/api/v1/jobs/content-generation", alice, "{\"topic\": {\"title\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().get("message").asText()).contains("line 1");

        var missing = client.post("/api/v1/jobs/content-generation", alice,
                "{\"topic\": {}, \"businessInfo\": {}, \"organizationId\": \"org-1\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().get("field").asText()).isEqualTo("topic.title");
        assertThat(missing.body().get("success").asBoolean()).isFalse();

        var huge = client.post("/api/v1/jobs/content-generation", alice, "{\"x\": \"" + "a".repeat(20_000) + "\"}");
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.body().get("message").asText()).contains("larger than the limit");

        assertThat(client.get("/api/v1/jobs/content-generation", alice).status()).isEqualTo(405);
        assertThat(client.get("/api/v1/jobs/x/nonsense", alice).status()).isEqualTo(404);
        assertThat(client.get("/healthz", null).body().get("status").asText()).isEqualTo("ok");
        assertThat(engine.jobs().list(10)).isEmpty();
    }

    @Test
    void cancelStopsARunningJobAndRetryRunsItAgain() throws Exception {
        try (var model = new FakeModelServer()) {
            model.queueStalledDraft("Stalled post");
            var writer = new OpenAiCompatibleWriter(ModelServer.of(model.baseUrl(), FakeModelServer.MODEL),
                    new OkHttpClient());
            start(writer, ServeSettings.DEFAULTS);
            String id = client.create(alice, "Stalled post");
            awaitDraftStarted(id);

            var cancel = client.post("/api/v1/jobs/" + id + "/cancel", alice, "");
            assertThat(cancel.status()).isEqualTo(200);
            assertThat(cancel.body().get("cancelled").asBoolean()).isTrue();
            List<Sse> events = client.streamToEnd(id, alice, null);
            assertThat(events.getLast().type()).isEqualTo("failed");
            assertThat(events.getLast().json().get("error").asText()).isEqualTo("Cancelled");
            assertThat(client.post("/api/v1/jobs/" + id + "/cancel", alice, "").status()).isEqualTo(400);

            model.queuePost("Stalled post");
            var retry = client.post("/api/v1/jobs/" + id + "/retry", alice, "");
            assertThat(retry.status()).isEqualTo(200);
            assertThat(retry.body().get("jobId").asText()).isEqualTo(id);
            assertThat(engine.jobs().whenFinished(id).get(30, TimeUnit.SECONDS).state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(client.post("/api/v1/jobs/" + id + "/retry", alice, "").status()).isEqualTo(400);
        }
    }

    private void awaitDraftStarted(String id) throws Exception {
        var started = new java.util.concurrent.CountDownLatch(1);
        try (var sub = engine.jobs().subscribe(id, 0, e -> {
            if (e.event() instanceof dev.postwright.model.JobEvent.DraftDelta) started.countDown();
        })) {
            assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void anIdleStreamGetsKeepalivesThenAStreamTimeoutAndEnds() throws Exception {
        try (var model = new FakeModelServer()) {
            model.queueStalledDraft("Slow post");
            var writer = new OpenAiCompatibleWriter(ModelServer.of(model.baseUrl(), FakeModelServer.MODEL),
                    new OkHttpClient());
            start(writer, ServeSettings.DEFAULTS.withStreamTiming(Duration.ofMillis(100), Duration.ofMillis(700)));
            String id = client.create(alice, "Slow post");
            awaitDraftStarted(id);
            List<String> lines = new ArrayList<>();
            var request = new Request.Builder().url(server.baseUrl() + "/api/v1/jobs/" + id + "/stream")
                    .header("Authorization", "Bearer " + alice).build();
            try (var response = client.http().newCall(request).execute();
                 var reader = new BufferedReader(new InputStreamReader(response.body().byteStream(), StandardCharsets.UTF_8))) {
                assertThat(response.header("Content-Type")).startsWith("text/event-stream");
                assertThat(response.header("Cache-Control")).isEqualTo("no-cache");
                for (String line; (line = reader.readLine()) != null; ) lines.add(line);
            }
            assertThat(lines.getFirst()).isEqualTo(": ok");
            assertThat(lines).contains(": keepalive", "event: stream-timeout");
            assertThat(lines.indexOf("event: stream-timeout")).isGreaterThan(lines.indexOf(": keepalive"));
            assertThat(engine.jobs().status(id).orElseThrow().state()).isEqualTo(JobState.RUNNING);
        }
    }

    @Test
    void theAccessLogNamesUserAndPathButNeverTheToken() throws Exception {
        start();
        try (var log = LogCapture.named("dev.postwright.server.access")) {
            String id = client.create(alice, "Logged post");
            client.streamToEnd(id, alice, null);
            client.get("/api/v1/jobs/" + id + "/status?token=" + bob, null);
            server.close(); // flushes the log of finished requests
            server = null;
            assertThat(log.messages()).anySatisfy(m -> assertThat(m).contains("POST /api/v1/jobs/content-generation 201")
                    .contains("user=alice"));
            assertThat(log.messages()).anySatisfy(m -> assertThat(m).contains("/stream 200"));
            assertThat(String.join("\n", log.messages())).doesNotContain(alice).doesNotContain(bob)
                    .doesNotContain("token=");
        }
    }

    @Test
    void stoppingTheServerEndsOpenStreams() throws Exception {
        try (var model = new FakeModelServer()) {
            model.queueStalledDraft("Held post");
            var writer = new OpenAiCompatibleWriter(ModelServer.of(model.baseUrl(), FakeModelServer.MODEL),
                    new OkHttpClient());
            start(writer, ServeSettings.DEFAULTS);
            String id = client.create(alice, "Held post");
            awaitDraftStarted(id);
            var stream = client.open(id, alice, null);
            stream.awaitEvent("draft-delta");
            server.close();
            server = null;
            stream.awaitEnd();
            assertThat(stream.events()).extracting(Sse::type).contains("connected", "draft-delta");
        }
    }
}
