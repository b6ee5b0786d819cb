package dev.postwright.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postwright.engine.LocalEngine;
import dev.postwright.llm.TextGenerator;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.llm.openai.ModelServer;
import dev.postwright.llm.openai.OpenAiCompatibleWriter;
import dev.postwright.model.JobState;
import dev.postwright.queue.QueueSettings;
import dev.postwright.testing.FakeModelServer;
import dev.postwright.testing.LogCapture;
import dev.postwright.wire.BlogSdkCodec;
import dev.postwright.wire.Json;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code postwright serve} speaking the Blog SDK (§2, decision 0023) on loopback over a real engine
 * and SQLite file, used as a frontend written from the SDK's documentation uses it.
 */
class BlogSdkServeTest {
    static final String BRIEF = "{\"topic\": \"Sourdough bread at home\", \"keywords\": [\"sourdough\", \"starter\"], "
            + "\"target_audience\": \"home bakers\", \"tone\": \"friendly\", \"length\": \"medium\", "
            + "\"word_count_target\": 900, \"blog_type\": \"how_to\", \"custom_instructions\": \"Mention rye flour.\", "
            + "\"internal_link_targets\": [{\"title\": \"Our starter kit\", \"url\": \"https://bakery.example/kit\", "
            + "\"keywords\": [\"kit\"]}], \"max_internal_links\": 2, \"use_citations\": true}";

    @TempDir Path dir;
    final Tokens tokens = new Tokens(JobApiServerTest.SECRET, Clock.systemUTC());
    final String alice = tokens.issue("alice", Duration.ofHours(1));
    final String bob = tokens.issue("bob", Duration.ofHours(1));
    final OkHttpClient http = new OkHttpClient.Builder().readTimeout(30, TimeUnit.SECONDS).build();
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

    /**
     * What the SDK's browser example does: POST the body with fetch, read the response body as it
     * comes, split it into lines and parse each {@code data: } line as JSON. (Unlike the example,
     * a line cut by a chunk boundary is kept until its end arrives.)
     */
    List<JsonNode> streamAsTheBrowserExample(String token, String body) throws Exception {
        var request = new Request.Builder().url(server.baseUrl() + "/api/v1/blog/generate-enhanced/stream")
                .post(RequestBody.create(body, MediaType.get("application/json")));
        if (token != null) request.header("Authorization", "Bearer " + token);
        List<JsonNode> messages = new ArrayList<>();
        try (Response response = http.newCall(request.build()).execute()) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.header("Content-Type")).startsWith("text/event-stream");
            Reader reader = new InputStreamReader(response.body().byteStream(), StandardCharsets.UTF_8);
            char[] chunk = new char[4096];
            var pending = new StringBuilder();
            for (int n; (n = reader.read(chunk)) != -1; ) {
                pending.append(chunk, 0, n);
                int end;
                while ((end = pending.indexOf("\n")) >= 0) {
                    String line = pending.substring(0, end);
                    pending.delete(0, end + 1);
                    if (line.startsWith("data: ")) messages.add(Json.parse(line.substring(6), "a stage message"));
                }
            }
        }
        return messages;
    }

    @Test
    void aFrontendWrittenForTheSdkStreamsAJobThroughTheSdkStagesToCompletedWithTheResult() throws Exception {
        start();
        List<JsonNode> messages = streamAsTheBrowserExample(alice, BRIEF);

        JsonNode first = messages.getFirst();
        assertThat(first.get("stage").asText()).isEqualTo("queued");
        String id = first.get("job_id").asText();
        assertThat(id).isNotBlank();
        List<String> stages = messages.stream().map(m -> m.get("stage").asText()).toList();
        assertThat(stages).allMatch(s -> BlogSdkCodec.STAGES.contains(s) || s.equals("processing"));
        assertThat(stages).containsSubsequence("queued", "initialization", "research_outline", "draft_generation",
                "seo_polish", "enhancement", "quality_scoring", "finalization", "completed");
        assertThat(messages).allSatisfy(m -> {
            assertThat(m.get("job_id").asText()).isEqualTo(id);
            assertThat(m.get("progress").isNumber()).isTrue();
            assertThat(m.get("timestamp").isNumber()).isTrue();
        });
        List<Double> progress = messages.stream().map(m -> m.get("progress").asDouble()).toList();
        assertThat(progress).isSorted();
        JsonNode last = messages.getLast();
        assertThat(last.get("stage").asText()).isEqualTo("completed");
        assertThat(last.get("progress").asDouble()).isEqualTo(100.0);
        JsonNode result = last.at("/data/result");
        assertThat(result.get("title").asText()).containsIgnoringCase("sourdough");
        assertThat(result.get("content").asText()).contains("Sourdough");
        assertThat(result.get("meta_description").asText()).isNotBlank();
        assertThat(result.get("seo_score").isNumber()).isTrue();
        assertThat(result.get("image_positions").isArray()).isTrue();
        assertThat(result.get("semantic_keywords").isArray()).isTrue();

        // The SDK's fields reached the brief: the job API shows the same job, and its owner.
        var status = client.get("/api/v1/jobs/" + id + "/status", alice);
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.body().get("status").asText()).isEqualTo("succeeded");

        var job = client.get("/api/v1/blog/jobs/" + id, alice);
        assertThat(job.status()).isEqualTo(200);
        assertThat(job.body().get("status").asText()).isEqualTo("completed");
        assertThat(job.body().get("progress_percentage").asDouble()).isEqualTo(100.0);
        assertThat(job.body().get("current_stage").asText()).isEqualTo("completed");
        List<String> updates = new ArrayList<>();
        job.body().get("progress_updates").forEach(u -> updates.add(u.get("stage").asText()));
        assertThat(updates).isEqualTo(stages); // the same messages the stream sent
        assertThat(job.body().at("/result/content").asText()).isEqualTo(result.get("content").asText());
        assertThat(job.body().get("created_at").asText()).isNotBlank();
        assertThat(job.body().get("completed_at").asText()).isNotBlank();
    }

    @Test
    void generateEnhancedIsQueuedByDefaultAndWithAsyncModeFalseAnswersTheWholeResult() throws Exception {
        start();
        var queued = client.post("/api/v1/blog/generate-enhanced", alice, BRIEF);
        assertThat(queued.status()).isEqualTo(200);
        assertThat(queued.body().get("status").asText()).isEqualTo("queued");
        String id = queued.body().get("job_id").asText();
        assertThat(engine.jobs().whenFinished(id).get(30, TimeUnit.SECONDS).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(client.get("/api/v1/blog/jobs/" + id, alice).body().get("status").asText()).isEqualTo("completed");

        var byQuery = client.post("/api/v1/blog/generate-enhanced?async_mode=false", alice, BRIEF);
        assertThat(byQuery.status()).isEqualTo(200);
        assertThat(byQuery.body().get("title").asText()).containsIgnoringCase("sourdough");
        assertThat(byQuery.body().get("content").asText()).contains("Sourdough");
        assertThat(byQuery.body().has("job_id")).isFalse();

        var byBody = client.post("/api/v1/blog/generate-enhanced", alice,
                BRIEF.replace("\"use_citations\": true", "\"async_mode\": false"));
        assertThat(byBody.status()).isEqualTo(200);
        assertThat(byBody.body().get("content").asText()).contains("Sourdough");
    }

    @Test
    void aBadBodyIs422WithAFastApiDetailListNamingEachField() throws Exception {
        start();
        var refused = client.post("/api/v1/blog/generate-enhanced", alice,
                "{\"topic\": \"ab\", \"tone\": \"angry\", \"word_count_target\": 50}");
        assertThat(refused.status()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        refused.body().get("detail").forEach(d -> {
            assertThat(d.get("loc").get(0).asText()).isEqualTo("body");
            assertThat(d.get("msg").asText()).isNotBlank();
            assertThat(d.get("type").asText()).isNotBlank();
            fields.add(d.get("loc").get(1).asText());
        });
        assertThat(fields).containsExactly("topic", "keywords", "tone", "word_count_target");
        assertThat(refused.body().get("detail").get(1).get("type").asText()).isEqualTo("missing");

        var notJson = client.post("/api/v1/blog/generate-enhanced/stream", alice, "{\"topic\": ");
        assertThat(notJson.status()).isEqualTo(422);
        assertThat(notJson.body().at("/detail/0/type").asText()).isEqualTo("json_invalid");
        var badQuery = client.post("/api/v1/blog/generate-enhanced?async_mode=maybe", alice, BRIEF);
        assertThat(badQuery.status()).isEqualTo(422);
        assertThat(badQuery.body().at("/detail/0/loc/0").asText()).isEqualTo("query");
        var trailing = client.post("/api/v1/blog/generate-enhanced", alice, BRIEF + " {}");
        assertThat(trailing.status()).isEqualTo(422);
        assertThat(trailing.body().at("/detail/0/type").asText()).isEqualTo("json_invalid");
        assertThat(engine.jobs().list(10)).isEmpty();
    }

    @Test
    void aBodyThatIsNotJsonIs415SoNoCrossSiteFormStartsAJobEvenForTheTokenlessUser() throws Exception {
        start(new OfflineWriter(), ServeSettings.DEFAULTS.withBlogSdkUser("alice"));
        for (String type : List.of("application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x")) {
            var request = new okhttp3.Request.Builder().url(server.baseUrl() + "/api/v1/blog/generate-enhanced/stream")
                    .post(okhttp3.RequestBody.create(BRIEF, okhttp3.MediaType.get(type))).build();
            try (var response = client.http().newCall(request).execute()) {
                assertThat(response.code()).as(type).isEqualTo(415);
                assertThat(Json.parse(response.body().string(), "reply").get("detail").asText()).contains("JSON");
            }
        }
        assertThat(engine.jobs().list(10)).isEmpty();
    }

    @Test
    void aJobIsItsCreatorsAloneAndARequestWithoutATokenIsRefused() throws Exception {
        start();
        String id = client.post("/api/v1/blog/generate-enhanced", alice, BRIEF).body().get("job_id").asText();

        var asBob = client.get("/api/v1/blog/jobs/" + id, bob);
        assertThat(asBob.status()).isEqualTo(404);
        assertThat(asBob.body().get("detail").asText()).isEqualTo("Job " + id + " not found");
        assertThat(client.get("/api/v1/blog/jobs/nonexistent", alice).status()).isEqualTo(404);
        assertThat(client.get("/api/v1/blog/jobs/" + id, null).status()).isEqualTo(401);
        assertThat(client.post("/api/v1/blog/generate-enhanced", null, BRIEF).status()).isEqualTo(401);
        assertThat(client.get("/api/v1/blog/jobs/" + id, "not-a-token").status()).isEqualTo(401);
        assertThat(client.get("/api/v1/blog/nowhere", alice).body().get("detail").asText()).isEqualTo("Not Found");
        assertThat(client.get("/api/v1/blog/jobs/" + id, alice).status()).isEqualTo(200);
    }

    @Test
    void withABlogSdkUserTokenlessRequestsActAsThatUserAndTheStartUpLogWarns() throws Exception {
        try (var log = LogCapture.of(JobApiServer.class)) {
            start(new OfflineWriter(), ServeSettings.DEFAULTS.withBlogSdkUser("alice"));
            assertThat(log.messages()).anyMatch(m -> m.startsWith("WARNING") && m.contains("alice")
                    && m.contains("without a token"));
        }
        List<JsonNode> messages = streamAsTheBrowserExample(null, BRIEF);
        assertThat(messages.getLast().get("stage").asText()).isEqualTo("completed");
        String id = messages.getFirst().get("job_id").asText();

        assertThat(client.get("/api/v1/blog/jobs/" + id, null).status()).isEqualTo(200);
        assertThat(client.get("/api/v1/jobs/" + id + "/status", alice).status()).isEqualTo(200); // alice's job
        assertThat(client.get("/api/v1/blog/jobs/" + id, bob).status()).isEqualTo(404); // a token still counts
        assertThat(client.get("/api/v1/blog/jobs/" + id, "not-a-token").status()).isEqualTo(401);
        assertThat(client.get("/api/v1/jobs/" + id + "/status", null).status()).isEqualTo(401); // the job API is not opened
    }

    @Test
    void aSilentJobGetsKeepaliveCommentsAndACancelEndsItsStreamWithAnErrorThatKeepsItsProgress() throws Exception {
        try (var model = new FakeModelServer()) {
            model.queueStalledDraft("Stalled post");
            start(new OpenAiCompatibleWriter(ModelServer.of(model.baseUrl(), FakeModelServer.MODEL), new OkHttpClient()),
                    ServeSettings.DEFAULTS.withStreamTiming(Duration.ofMillis(100), Duration.ofMinutes(1)));
            var request = new Request.Builder().url(server.baseUrl() + "/api/v1/blog/generate-enhanced/stream")
                    .header("Authorization", "Bearer " + alice)
                    .post(RequestBody.create(BRIEF, MediaType.get("application/json"))).build();
            List<String> lines = new ArrayList<>();
            try (Response response = http.newCall(request).execute();
                 var reader = new java.io.BufferedReader(new InputStreamReader(response.body().byteStream(),
                         StandardCharsets.UTF_8))) {
                String id = null;
                boolean cancelled = false;
                for (String line; (line = reader.readLine()) != null; ) {
                    lines.add(line);
                    if (id == null && line.startsWith("data: ")) {
                        id = Json.parse(line.substring(6), "message").get("job_id").asText();
                    }
                    // The draft stalls; once a keepalive has come during it, cancel the job.
                    if (!cancelled && line.equals(": keepalive") && lines.stream().anyMatch(l -> l.contains("draft_generation"))) {
                        assertThat(client.post("/api/v1/jobs/" + id + "/cancel", alice, "").status()).isEqualTo(200);
                        cancelled = true;
                    }
                }
            }
            List<JsonNode> messages = lines.stream().filter(l -> l.startsWith("data: "))
                    .map(l -> Json.parse(l.substring(6), "message")).toList();
            JsonNode last = messages.getLast();
            assertThat(last.get("stage").asText()).isEqualTo("error");
            assertThat(last.at("/data/error").asText()).isEqualTo("Cancelled");
            assertThat(last.at("/data/error_details").asText()).isEqualTo("CANCELLED");
            assertThat(last.get("progress").asDouble()).isEqualTo(messages.get(messages.size() - 2).get("progress").asDouble());
            assertThat(lines).allMatch(l -> l.isEmpty() || l.startsWith("data: ") || l.equals(": keepalive"));
        }
    }

    @Test
    void stoppingTheServerEndsAnOpenStreamWithoutALastMessage() throws Exception {
        try (var model = new FakeModelServer()) {
            model.queueStalledDraft("Stalled post");
            start(new OpenAiCompatibleWriter(ModelServer.of(model.baseUrl(), FakeModelServer.MODEL), new OkHttpClient()),
                    ServeSettings.DEFAULTS);
            var request = new Request.Builder().url(server.baseUrl() + "/api/v1/blog/generate-enhanced/stream")
                    .header("Authorization", "Bearer " + alice)
                    .post(RequestBody.create(BRIEF, MediaType.get("application/json"))).build();
            List<String> stages = new ArrayList<>();
            try (Response response = http.newCall(request).execute();
                 var reader = new java.io.BufferedReader(new InputStreamReader(response.body().byteStream(),
                         StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    if (!line.startsWith("data: ")) continue;
                    stages.add(Json.parse(line.substring(6), "message").get("stage").asText());
                    if (stages.getLast().equals("draft_generation")) server.close();
                }
            }
            assertThat(stages).doesNotContain("completed", "error");
            server = null;
        }
    }

    @Test
    void aFailedJobEndsTheStreamWithAnErrorStage() throws Exception {
        try (var model = new FakeModelServer()) {
            for (int i = 0; i < 10; i++) model.queueRefusedKey();
            start(new OpenAiCompatibleWriter(ModelServer.of(model.baseUrl(), FakeModelServer.MODEL), new OkHttpClient()),
                    ServeSettings.DEFAULTS);
            List<JsonNode> messages = streamAsTheBrowserExample(alice, BRIEF);
            JsonNode last = messages.getLast();
            assertThat(last.get("stage").asText()).isEqualTo("error");
            assertThat(last.at("/data/error").asText()).isNotBlank();
            assertThat(last.get("status").asText()).isEqualTo("failed");
            String id = last.get("job_id").asText();
            var job = client.get("/api/v1/blog/jobs/" + id, alice).body();
            assertThat(job.get("status").asText()).isEqualTo("failed");
            assertThat(job.get("error_message").asText()).isEqualTo(last.at("/data/error").asText());

            var sync = client.post("/api/v1/blog/generate-enhanced?async_mode=false", alice, BRIEF);
            assertThat(sync.status()).isEqualTo(500);
            assertThat(sync.body().get("detail").asText()).startsWith("Blog generation failed");
        }
    }
}
