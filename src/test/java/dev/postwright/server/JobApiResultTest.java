package dev.postwright.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postwright.engine.LocalEngine;
import dev.postwright.llm.TextGenerator;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.llm.openai.ModelServer;
import dev.postwright.llm.openai.OpenAiCompatibleWriter;
import dev.postwright.queue.QueueSettings;
import dev.postwright.server.ApiClient.Sse;
import dev.postwright.testing.FakeModelServer;
import dev.postwright.wire.Json;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Part B of issue 12: what {@code serve}'s results and progress promise, on loopback through real HTTP. */
class JobApiResultTest {
    static final List<String> TOP_LEVEL = List.of("success", "data", "title", "content", "preloadedTweets",
            "preloadedArticles", "preloadedVideos", "savedPost", "metadata", "imageGeneration");

    @TempDir Path dir;
    final Tokens tokens = new Tokens(JobApiServerTest.SECRET, Clock.systemUTC());
    final String alice = tokens.issue("alice", Duration.ofHours(1));
    LocalEngine engine;
    JobApiServer server;
    ApiClient client;

    void start(TextGenerator writer) throws Exception {
        var queue = new QueueSettings(1, Duration.ofMillis(200), Duration.ofSeconds(30), 3, Duration.ofMillis(50),
                Duration.ofMillis(200), Duration.ofDays(30), 200);
        engine = LocalEngine.open(dir.resolve("data"), writer, queue, Clock.systemUTC());
        engine.jobs().start();
        server = new JobApiServer(engine.jobs(), engine.library(), engine.images(), tokens, ServeSettings.DEFAULTS.withPort(0));
        server.start();
        client = new ApiClient(server.baseUrl());
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
        if (engine != null) engine.close();
    }

    @Test
    void theResultCarriesTheDocumentedTopLevelBesideDataInCompleteAndStatus() throws Exception {
        start(new OfflineWriter());
        String id = client.create(alice, "Rye bread");
        List<Sse> events = client.streamToEnd(id, alice, null);
        JsonNode complete = events.getLast().json().get("result");
        JsonNode status = client.get("/api/v1/jobs/" + id + "/status", alice).body().get("result");
        for (JsonNode result : List.of(complete, status)) {
            assertThat(result.properties()).extracting(java.util.Map.Entry::getKey).containsAll(TOP_LEVEL);
            assertThat(result.get("content").asText()).isEqualTo(result.at("/data/content").asText()).contains("Rye");
            assertThat(result.get("title").asText()).isEqualTo(result.at("/data/title").asText());
            assertThat(result.get("preloadedTweets").isArray()).isTrue();
            assertThat(result.get("imageGeneration").isNull()).isTrue();
            assertThat(result.get("savedPost").get("id").asText()).isNotBlank(); // autoSave is on by default
            assertThat(result.get("metadata").get("generationTime").isNumber()).isTrue();
        }
        assertThat(complete).isEqualTo(status);
    }

    @Test
    void blogResultAndCompleteCarryOrganizationContextAndSeoOptimizationScore() throws Exception {
        start(new OfflineWriter());
        String id = client.create(alice, "Seeded loaves");
        List<Sse> events = client.streamToEnd(id, alice, null);
        JsonNode blog = events.stream().filter(e -> e.type().equals("blog-result")).findFirst().orElseThrow().json();
        JsonNode data = events.getLast().json().at("/result/data");
        for (JsonNode post : List.of(blog, data)) {
            assertThat(post.has("seoOptimizationScore")).isTrue();
            assertThat(post.at("/organizationContext/organizationId").asText()).isEqualTo("org-1");
            assertThat(post.at("/organizationContext/completenessScore").isNumber()).isTrue();
        }
        assertThat(blog.get("seoOptimizationScore").isNull()).isTrue(); // the SEO check runs after the draft
        assertThat(data.get("seoOptimizationScore").asInt()).isEqualTo(data.at("/seoAnalysis/overallScore").asInt());
    }

    @Test
    void aCallToActionWithoutTextIsDroppedAndNamedInTheWarnings() throws Exception {
        start(new OfflineWriter());
        var reply = client.post("/api/v1/jobs/content-generation", alice, """
                {"topic": {"title": "Rye"}, "businessInfo": {"businessType": "Bakery"}, "organizationId": "org-1",
                 "ctas": [{"text": "Book a tasting", "href": "https://example.com/book"}, {"href": "https://x.example"},
                          {"text": 42}]}
                """);
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.body().get("warnings")).extracting(JsonNode::asText)
                .containsExactly("ctas[1] has no text, so it was left out of the post.",
                        "ctas[2] has no text, so it was left out of the post.");
        String id = reply.body().get("jobId").asText();
        assertThat(engine.jobs().whenFinished(id).get(30, java.util.concurrent.TimeUnit.SECONDS).state())
                .isEqualTo(dev.postwright.model.JobState.SUCCEEDED);
        JsonNode data = client.get("/api/v1/jobs/" + id + "/status", alice).body().at("/result/data");
        assertThat(data.get("ctas")).extracting(c -> c.get("text").asText()).containsExactly("Book a tasting");

        assertThat(client.post("/api/v1/jobs/content-generation", alice, """
                {"topic": {"title": "Rye"}, "businessInfo": {}, "organizationId": "org-1"}
                """).body().get("warnings")).isEmpty();
    }

    @Test
    void embedsComeBackWithTheFieldsTheClientSentUnknownOnesKept() throws Exception {
        start(new OfflineWriter());
        String tweet = "{\"url\": \"https://x.com/a/status/1\", \"author_name\": \"Ann\", \"author_handle\": \"ann\", "
                + "\"text\": \"Rye forever\", \"likes\": 3, \"lang\": \"en\", \"media\": [{\"type\": \"photo\"}]}";
        String article = "{\"url\": \"https://news.example/rye\", \"title\": \"Rye is back\", "
                + "\"source\": {\"id\": null, \"name\": \"News\"}}";
        String video = "{\"url\": \"https://youtu.be/abc\", \"videoId\": \"abc\", \"title\": \"Rye\", \"tags\": [\"baking\"]}";
        var reply = client.post("/api/v1/jobs/content-generation", alice, """
                {"topic": {"title": "Rye"}, "businessInfo": {"businessType": "Bakery"}, "organizationId": "org-1",
                 "options": {"preloadedTweets": [%s], "preloadedArticles": [%s], "preloadedVideos": [%s]}}
                """.formatted(tweet, article, video));
        String id = reply.body().get("jobId").asText();
        List<Sse> events = client.streamToEnd(id, alice, null);
        JsonNode blog = events.stream().filter(e -> e.type().equals("blog-result")).findFirst().orElseThrow().json();
        JsonNode result = events.getLast().json().get("result");

        for (JsonNode echoed : List.of(blog, result.get("data"), result)) {
            assertThat(echoed.at("/preloadedTweets/0")).isEqualTo(Json.parse(tweet, "tweet"));
            assertThat(echoed.at("/preloadedArticles/0")).isEqualTo(Json.parse(article, "article"));
            assertThat(echoed.at("/preloadedVideos/0")).isEqualTo(Json.parse(video, "video"));
        }
        assertThat(result.at("/data/content").asText()).contains("[TWEET:0]", "[ARTICLE:0]", "[VIDEO:0]"); // read, not only kept
    }

    /** Fixed on main before issue 12's branch (12965cc and the stage timings); checked through serve. */
    @Test
    void aSecondJobGetsAnEstimateUnderAutoSave() throws Exception {
        start(new OfflineWriter());
        client.streamToEnd(client.create(alice, "First loaf"), alice, null);
        List<Sse> second = client.streamToEnd(client.create(alice, "Second loaf"), alice, null);
        assertThat(second).filteredOn(e -> e.type().equals("progress-update") || e.type().equals("step-change"))
                .anySatisfy(e -> assertThat(e.json().get("estimatedTimeRemaining").isNumber()).isTrue());
    }

    /** Fixed on main before issue 12's branch (12965cc); checked through serve with a real automatic retry. */
    @Test
    void progressNeverGoesBackwardsAcrossAnAutomaticRetry() throws Exception {
        try (var model = new FakeModelServer()) {
            model.server().enqueue(new MockResponse.Builder().code(503).body("busy").build());
            model.queuePost("Retried loaf");
            start(new OpenAiCompatibleWriter(ModelServer.of(model.baseUrl(), FakeModelServer.MODEL), new OkHttpClient()));
            List<Sse> events = client.streamToEnd(client.create(alice, "Retried loaf"), alice, null);
            List<Integer> progress = events.stream()
                    .filter(e -> e.type().equals("progress-update") || e.type().equals("step-change"))
                    .map(e -> e.json().get("progress").asInt()).toList();
            assertThat(events.getLast().type()).isEqualTo("complete");
            assertThat(events).anySatisfy(e -> assertThat(e.data()).contains("retry-wait"));
            assertThat(progress).isSorted();
        }
    }
}
