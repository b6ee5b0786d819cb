package dev.postwright.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.images.offline.OfflineImageMaker;
import dev.postwright.llm.openai.ChatReplies;
import dev.postwright.llm.openai.ModelServer;
import dev.postwright.llm.openai.OpenAiCompatibleWriter;
import dev.postwright.model.JobOptions;
import dev.postwright.model.JobState;
import dev.postwright.model.Stage;
import dev.postwright.queue.JobQueue;
import dev.postwright.queue.QueueSettings;
import dev.postwright.queue.internal.SqlJobQueue;
import dev.postwright.seo.SeoAnalyzer;
import dev.postwright.store.Database;
import dev.postwright.store.ImageStore;
import dev.postwright.store.OrganizationProfiles;
import dev.postwright.store.PostLibrary;
import dev.postwright.store.StageTimings;
import dev.postwright.store.TimeOrderedIds;
import dev.postwright.testing.LogFold;
import dev.postwright.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline with a model server on loopback speaking the OpenAI streaming format. */
class ModelBackedPipelineTest {
    @TempDir
    Path dir;
    final MockWebServer server = new MockWebServer();
    final OkHttpClient client = new OkHttpClient();
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T09:00:00Z"));
    Database db;
    SqlJobQueue queue;

    @BeforeEach
    void start() throws Exception {
        server.start();
        db = Database.open(dir.resolve("p.db"));
        var writer = new OpenAiCompatibleWriter(ModelServer.of(server.url("/v1").toString(), "llama3.1:8b")
                .withReadTimeout(Duration.ofSeconds(5)), client);
        var pipeline = new ContentPipeline(() -> writer, new OrganizationProfiles(db, clock),
                new PostLibrary(db, clock, new TimeOrderedIds(clock, new Random(1))),
                new Illustrator(OfflineImageMaker::new, new ImageStore(db, dir.resolve("images"), clock,
                        new TimeOrderedIds(clock, new Random(3)))), new StageTimings(db, clock), SeoAnalyzer.standard(), clock);
        queue = (SqlJobQueue) JobQueue.builder(db, pipeline).clock(clock)
                .settings(QueueSettings.DEFAULTS.withWorkers(0)).build();
    }

    @AfterEach
    void stop() throws Exception {
        queue.close();
        db.close();
        server.close();
        client.dispatcher().executorService().shutdown();
    }

    private static MockResponse reply(String text) {
        return ChatReplies.streamed(text);
    }

    private void outline() {
        server.enqueue(reply("{\"title\": \"Sourdough Bread for Beginners\", \"kind\": \"guide\", \"sections\": "
                + "[{\"heading\": \"What sourdough bread is\", \"points\": [\"a\"]}]}"));
    }

    @Test
    void aModelWritesThePostWithItsTokensCounted() throws Exception {
        outline();
        server.enqueue(reply("# Sourdough Bread for Beginners\n\nSourdough bread is easy for home bakers."));
        server.enqueue(reply("{\"title\": \"Sourdough Bread for Beginners\", \"metaDescription\": \"Sourdough bread "
                + "made simple.\", \"tags\": [\"bread\"], \"seoKeywords\": [\"sourdough bread\"]}"));
        server.enqueue(reply("{\"visualContentSuggestions\": [{\"type\": \"featured-image\", \"title\": \"Loaf\"}]}"));
        String id = queue.enqueue(ContentPipelineTest.request(JobOptions.DEFAULTS), null);
        queue.runDueJobs();
        var status = queue.status(id).orElseThrow();
        assertThat(status.state()).as(String.valueOf(status.error())).isEqualTo(JobState.SUCCEEDED);
        var post = status.result().post();
        assertThat(post.content()).startsWith("# Sourdough Bread for Beginners");
        assertThat(post.metaDescription()).isEqualTo("Sourdough bread made simple.");
        assertThat(post.generationMetadata().model()).isEqualTo("llama3.1:8b");
        assertThat(post.generationMetadata().scaffold()).as("a model server writes prose").isFalse();
        assertThat(status.result().visuals()).singleElement().satisfies(v -> assertThat(v.title()).isEqualTo("Loaf"));
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void aDraftCutOffMidwayIsWrittenAgainAndItsLogJoinsIntoTheSavedDraft() throws Exception {
        outline();
        var body = new StringBuilder();
        for (int i = 0; i < 400; i++) body.append("data: {\"choices\":[{\"delta\":{\"content\":\"word").append(i)
                .append(" \"}}]}\n\n");
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(body.toString())
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
        String id = queue.enqueue(ContentPipelineTest.request(JobOptions.DEFAULTS), null);
        queue.runDueJobs();
        var waiting = queue.status(id).orElseThrow();
        assertThat(waiting.state()).as("waiting for an automatic retry").isEqualTo(JobState.QUEUED);
        assertThat(waiting.currentStep()).contains("dropped in the middle of its reply");
        assertThat(waiting.progress()).as("the notice keeps the progress").isEqualTo(Stage.DRAFT.progress());
        assertThat(LogFold.draft(queue.events(id, 0))).as("pieces of the first try were logged").startsWith("word0 ");

        server.enqueue(reply("# Sourdough Bread for Beginners\n\nSourdough bread is easy for home bakers."));
        server.enqueue(reply("{\"title\": \"Sourdough Bread for Beginners\", \"metaDescription\": \"Simple.\"}"));
        server.enqueue(reply("{\"visualContentSuggestions\": []}"));
        clock.advance(Duration.ofSeconds(2)); // the first retry waits 1-2 s
        queue.runDueJobs();

        var done = queue.status(id).orElseThrow();
        assertThat(done.state()).as(String.valueOf(done.error())).isEqualTo(JobState.SUCCEEDED);
        var log = queue.events(id, 0);
        assertThat(LogFold.draft(log)).isEqualTo(done.result().post().content())
                .isEqualTo("# Sourdough Bread for Beginners\n\nSourdough bread is easy for home bakers.");
        assertThat(LogFold.resets(log)).isEqualTo(1);
        assertThat(LogFold.progress(log)).isSorted();
        List<String> checkpoints = db.read(sql -> sql.query("SELECT stage FROM checkpoints", rs -> rs.getString(1)));
        assertThat(checkpoints)
                .as("nothing reads a partial draft, so none is kept").doesNotContain("draft-partial");
    }
}
