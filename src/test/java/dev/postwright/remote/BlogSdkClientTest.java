package dev.postwright.remote;

import static dev.postwright.remote.BlogSdkBackend.job;
import static dev.postwright.remote.BlogSdkBackend.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postwright.engine.JobRouter;
import dev.postwright.engine.LocalEngine;
import dev.postwright.jobs.CommandResult;
import dev.postwright.jobs.InvalidRequestException;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.model.JobEvent;
import dev.postwright.model.JobState;
import dev.postwright.queue.QueueSettings;
import dev.postwright.server.JobApiServer;
import dev.postwright.server.ServeSettings;
import dev.postwright.server.Tokens;
import dev.postwright.testing.Briefs;
import dev.postwright.testing.MutableClock;
import dev.postwright.testing.RecordingListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Blog SDK dialect against a server following job-stream-protocol.md §2. */
class BlogSdkClientTest {
    static final BlogSdkClient.PollTiming FAST_POLLS = new BlogSdkClient.PollTiming(Duration.ofMillis(50),
            Duration.ofMinutes(10));
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String RESULT = "{\"title\": \"Sourdough at home\", \"meta_title\": \"Sourdough Bread at Home\", "
            + "\"content\": \"# Sourdough Bread at Home\\n\\nFrom the Blog SDK.\", \"meta_description\": \"Bake it.\", "
            + "\"seo_score\": 82.5, \"readability_score\": 71, \"semantic_keywords\": [\"levain\"], \"total_tokens\": 1200, "
            + "\"generation_time\": 12.5, \"warnings\": [\"Add a source.\"]}";

    @TempDir Path dir;
    BlogSdkBackend backend;
    BlogSdkClient sdk;

    void start(String stream, List<String> jobReplies) throws IOException {
        backend = new BlogSdkBackend(stream, "", jobReplies);
        sdk = new BlogSdkClient(new RemoteServer(backend.baseUrl(), null), new OkHttpClient(), null, FAST_POLLS,
                TestRuntime.SHARED, new ConnectionMonitor());
    }

    @AfterEach
    void stop() throws IOException {
        if (sdk != null) sdk.close();
        if (backend != null) backend.close();
    }

    @Test
    void stagesBecomeProgressAndTheResultFillsThePostAndItsScores() throws Exception {
        start(message("queued", 0, ", \"job_id\": \"b-1\", \"message\": \"Job queued\"")
                + message("keyword_analysis", 15.5, "") + message("draft_generation", 40, "")
                + message("completed", 100, ", \"data\": {\"result\": " + RESULT + "}"), List.of(job("completed", 100,
                "completed", RESULT)));
        String id = sdk.enqueue(Briefs.brief("Sourdough at home"), null);
        assertThat(id).isEqualTo("b-1");
        var listener = new RecordingListener();
        sdk.subscribe(id, 0, listener);
        listener.awaitEnd(WAIT);

        var events = listener.events().stream().map(e -> e.event()).toList();
        assertThat(events).hasSize(6);
        assertThat(events.subList(0, 3)).allMatch(e -> e instanceof JobEvent.ProgressUpdate);
        var keywords = (JobEvent.ProgressUpdate) events.get(1);
        assertThat(keywords.stage()).isEqualTo("keyword_analysis");
        assertThat(keywords.currentStep()).isEqualTo("Keyword analysis");
        assertThat(keywords.progress()).isEqualTo(16);
        assertThat(((JobEvent.ProgressUpdate) events.get(0)).currentStep()).isEqualTo("Job queued");
        assertThat(((JobEvent.BlogResult) events.get(3)).post().title()).isEqualTo("Sourdough at home"); // the post's title; meta_title is the SEO title
        var seo = ((JobEvent.SeoResult) events.get(4)).analysis();
        assertThat(seo.overallScore()).isEqualTo(83);
        assertThat(seo.sections().get("readability").score()).isEqualTo(71);
        assertThat(seo.topImprovements()).containsExactly("Add a source.");
        var complete = (JobEvent.Complete) events.get(5);
        assertThat(complete.result().post().content()).contains("From the Blog SDK.");
        assertThat(complete.result().metadata().generationTimeMillis()).isEqualTo(12_500L);

        assertThat(sdk.status(id).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(sdk.list(5)).extracting(s -> s.jobId()).containsExactly("b-1");
        assertThat(sdk.cancel(id)).isEqualTo(CommandResult.NOT_ALLOWED);
        var again = new RecordingListener();
        sdk.subscribe(id, 3, again);
        again.awaitEnd(WAIT);
        assertThat(again.events()).extracting(e -> e.seq()).containsExactly(4L, 5L, 6L);
    }

    @Test
    void aStreamThatBreaksIsFollowedByPollingTheJobUntilItEnds() throws Exception {
        start(message("queued", 0, ", \"job_id\": \"b-1\"") + message("draft_generation", 40, ""),
                List.of(job("processing", 40, "draft_generation", null), job("processing", 75, "seo_polish", null),
                        job("completed", 100, "completed", RESULT)));
        String id = sdk.enqueue(Briefs.brief("Sourdough at home"), null);
        var listener = new RecordingListener();
        sdk.subscribe(id, 0, listener);
        listener.awaitEnd(WAIT);

        var events = listener.events().stream().map(e -> e.event()).toList();
        // The first poll repeats the stream's draft_generation at 40: left out.
        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly("ProgressUpdate",
                "ProgressUpdate", "ProgressUpdate", "BlogResult", "SeoResult", "Complete");
        assertThat(((JobEvent.ProgressUpdate) events.get(2)).currentStep()).isEqualTo("Seo polish");
        assertThat(backend.polls.get()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aServerWithoutTheStreamRouteGetsTheQueuedRouteAndItsProgressUpdatesFillTheStages() throws Exception {
        String early = BlogSdkBackend.update("queued", 0) + ", " + BlogSdkBackend.update("keyword_analysis", 15)
                + ", " + BlogSdkBackend.update("draft_generation", 40);
        start("", List.of(job("processing", 40, "draft_generation", null, early),
                job("completed", 100, "completed", RESULT, early + ", " + BlogSdkBackend.update("seo_polish", 75))));
        backend.withoutTheStreamRoute();
        String id = sdk.enqueue(Briefs.brief("Sourdough at home"), null);
        assertThat(id).isEqualTo("b-1");
        var listener = new RecordingListener();
        sdk.subscribe(id, 0, listener);
        listener.awaitEnd(WAIT);

        var events = listener.events().stream().map(e -> e.event()).toList();
        assertThat(events).extracting(e -> e instanceof JobEvent.ProgressUpdate p ? p.stage() : e.getClass().getSimpleName())
                .containsExactly("queued", "keyword_analysis", "draft_generation", "seo_polish", "BlogResult",
                        "SeoResult", "Complete");
        assertThat(backend.posts).extracting(p -> p.substring(0, p.indexOf(' '))).containsExactly(
                "/api/v1/blog/generate-enhanced/stream", "/api/v1/blog/generate-enhanced");

        sdk.enqueue(Briefs.brief("Rye at home"), null); // known now: straight to the queued route
        assertThat(backend.posts).hasSize(3);
        assertThat(backend.posts.getLast()).startsWith("/api/v1/blog/generate-enhanced ").contains("Rye at home");
    }

    @Test
    void theRequestCarriesTheWholeBriefWithTheOrganizationsVoiceAndPages() throws Exception {
        start(message("queued", 0, ", \"job_id\": \"b-1\"") + message("completed", 100, ", \"data\": {\"result\": "
                + RESULT + "}"), List.of(job("completed", 100, "completed", RESULT)));
        var profile = new dev.postwright.model.OrganizationProfile("org-1", "Crumb", "Bakery", "home bakers", null,
                "Confident and expert", List.of(), List.of(new dev.postwright.model.OrganizationProfile.LinkTarget(
                "Classes", "https://crumb.example/classes", List.of("class"))));
        try (var withProfiles = new BlogSdkClient(new RemoteServer(backend.baseUrl(), null), new OkHttpClient(), null,
                FAST_POLLS, TestRuntime.SHARED, new ConnectionMonitor(),
                id -> id.equals("org-1") ? java.util.Optional.of(profile) : java.util.Optional.empty())) {
            withProfiles.enqueue(Briefs.sourdough(dev.postwright.model.JobOptions.DEFAULTS), null);
        }
        var body = dev.postwright.wire.Json.parse(backend.posts.getFirst().substring(backend.posts.getFirst().indexOf(' ')),
                "body");
        assertThat(body.path("topic").asText()).isEqualTo("How to bake sourdough bread at home");
        assertThat(body.path("keywords").toString()).isEqualTo("[\"sourdough bread\",\"starter\"]");
        assertThat(body.path("tone").asText()).isEqualTo("authoritative");
        assertThat(body.path("target_audience").asText()).isEqualTo("home bakers");
        assertThat(body.path("custom_instructions").asText()).contains("\"Book a class\" linking to https://crumb.example/classes");
        assertThat(body.path("internal_link_targets").get(0).path("url").asText()).isEqualTo("https://crumb.example/classes");
        assertThat(body.path("max_internal_links").asInt()).isEqualTo(1);
    }

    @Test
    void pollingAfterABreakLogsTheStagesMissedWhileAwayFromProgressUpdates() throws Exception {
        String all = BlogSdkBackend.update("queued", 0) + ", " + BlogSdkBackend.update("keyword_analysis", 15)
                + ", " + BlogSdkBackend.update("draft_generation", 40);
        start(message("queued", 0, ", \"job_id\": \"b-1\""), // then the stream ends: a break
                List.of(job("processing", 40, "draft_generation", null, all),
                        job("completed", 100, "completed", RESULT, all)));
        String id = sdk.enqueue(Briefs.brief("Sourdough at home"), null);
        var listener = new RecordingListener();
        sdk.subscribe(id, 0, listener);
        listener.awaitEnd(WAIT);

        assertThat(listener.events().stream().map(e -> e.event()).toList())
                .extracting(e -> e instanceof JobEvent.ProgressUpdate p ? p.stage() : e.getClass().getSimpleName())
                .containsExactly("queued", "keyword_analysis", "draft_generation", "BlogResult", "SeoResult", "Complete");
    }

    @Test
    void aJobWhoseServerKeepsFailingEndsFailedInWordsWithACodeInsteadOfPollingForever() throws Exception {
        var clock = new MutableClock(Instant.parse("2026-11-21T09:00:00Z"));
        start(message("queued", 0, ", \"job_id\": \"b-1\""), List.of(BlogSdkBackend.status(500,
                "{\"detail\": \"Internal Server Error\"}")));
        backend.onPoll(() -> clock.advance(Duration.ofMinutes(4)));
        sdk = new BlogSdkClient(new RemoteServer(backend.baseUrl(), null), new OkHttpClient(), null, FAST_POLLS,
                new TeamRuntime(clock, TestRuntime.SHARED.scheduler(), TestRuntime.SHARED.deliveries(), new Random(7)),
                new ConnectionMonitor());
        String id = sdk.enqueue(Briefs.brief("Sourdough at home"), null);
        var listener = new RecordingListener();
        sdk.subscribe(id, 0, listener);

        var events = listener.awaitEnd(WAIT);
        assertThat(events).extracting(e -> e.event().getClass().getSimpleName()).containsExactly("ProgressUpdate",
                "Failed");
        var failed = (JobEvent.Failed) events.getLast().event();
        assertThat(failed.errorCode()).isEqualTo(BlogSdkClient.SERVER_UNREACHABLE);
        assertThat(failed.error()).startsWith("The server answered HTTP 500. Internal Server Error")
                .endsWith("Postwright stopped asking about the job after 10 minutes of that; it may still finish on "
                        + "the server.");
        // Failing since the first poll (at 09:04): the fourth, at 09:16, is 12 minutes on, past the 10.
        assertThat(backend.polls.get()).isEqualTo(4);
        assertThat(events.getLast().at()).isEqualTo(Instant.parse("2026-11-21T09:16:00Z"));
    }

    @Test
    void aPollTheServerRefusesEndsTheJobAtOnce() throws Exception {
        start(message("queued", 0, ", \"job_id\": \"b-1\""), List.of(BlogSdkBackend.status(401,
                "{\"detail\": \"Not authenticated\"}")));
        String id = sdk.enqueue(Briefs.brief("Sourdough at home"), null);
        var listener = new RecordingListener();
        sdk.subscribe(id, 0, listener);

        var failed = (JobEvent.Failed) listener.awaitEnd(WAIT).getLast().event();
        assertThat(failed.errorCode()).isEqualTo("UNAUTHORIZED");
        assertThat(failed.error()).contains("Sign in again");
        assertThat(backend.polls.get()).isEqualTo(1);
        assertThat(sdk.monitor().last()).map(Connection::state).contains(Connection.State.REFUSED);
    }

    @Test
    void aRefusedBriefNamesTheFieldAsTheServerDid() throws Exception {
        start("", List.of());
        assertThatThrownBy(() -> sdk.enqueue(Briefs.brief("ab"), null)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> {
                    assertThat(e.problems().getFirst().field()).isEqualTo("topic");
                    assertThat(e.problems().getFirst().message()).contains("at least 3 characters");
                });
    }

    /** The client the window would open for a server of the chosen kind. */
    private static RemoteEngine client(String url, String token, Dialect dialect) {
        return JobRouter.open(new RemoteServer(url, token), dialect, new OkHttpClient(), null, TestRuntime.SHARED,
                new ConnectionMonitor());
    }

    @Test
    void testConnectionTellsAWriterWhoPickedTheWrongKindOfServer() throws Exception {
        var sdkServer = new MockWebServer();
        sdkServer.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(404).setHeader("Content-Type", "application/json")
                        .body("{\"detail\": \"Not Found\"}").build();
            }
        });
        sdkServer.start();
        var tokens = new Tokens("a test secret that is long enough for HS256".getBytes(StandardCharsets.UTF_8),
                Clock.systemUTC());
        try (sdkServer;
             var engine = LocalEngine.open(dir, new OfflineWriter(), QueueSettings.DEFAULTS, Clock.systemUTC());
             var serve = new JobApiServer(engine.jobs(), engine.library(), engine.images(), tokens, ServeSettings.DEFAULTS.withPort(0))) {
            serve.start();
            String token = tokens.issue("maria", Duration.ofHours(1));
            var sdkUrl = sdkServer.url("/").toString();
            assertThat(client(sdkUrl, null, Dialect.BLOG_SDK).check().state())
                    .isEqualTo(Connection.State.CONNECTED);
            var jobApiOnSdk = client(sdkUrl, token, Dialect.JOB_API).check();
            assertThat(jobApiOnSdk.state()).isEqualTo(Connection.State.WRONG_KIND);
            assertThat(jobApiOnSdk.message()).contains("Blog SDK");
            try (var nodeBackend = new MockWebServer()) { // the Node job API answers its own 404s
                nodeBackend.setDispatcher(new Dispatcher() {
                    @Override
                    public MockResponse dispatch(RecordedRequest request) {
                        return new MockResponse.Builder().code(404).setHeader("Content-Type", "application/json")
                                .body("{\"success\": false, \"error\": \"Not found\", \"message\": \"No route\"}")
                                .build();
                    }
                });
                nodeBackend.start();
                assertThat(client(nodeBackend.url("/").toString(), token, Dialect.BLOG_SDK).check().state())
                        .isEqualTo(Connection.State.WRONG_KIND);
            }
            // serve speaks both dialects (issue 12 part A, decision 0023)
            assertThat(client(serve.baseUrl(), token, Dialect.BLOG_SDK).check().state())
                    .isEqualTo(Connection.State.CONNECTED);
            assertThat(client(serve.baseUrl(), token, Dialect.JOB_API).check().state())
                    .isEqualTo(Connection.State.CONNECTED);
        }
    }
}
