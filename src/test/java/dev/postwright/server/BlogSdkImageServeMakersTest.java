package dev.postwright.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postwright.engine.LocalEngine;
import dev.postwright.images.ImageMaker;
import dev.postwright.images.ImageRequest;
import dev.postwright.images.ImageSize;
import dev.postwright.images.MadeImage;
import dev.postwright.images.offline.OfflineImageMaker;
import dev.postwright.jobs.CancellationToken;
import dev.postwright.jobs.JobFailure;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.model.JobState;
import dev.postwright.queue.QueueSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image routes with other makers than the offline one, the same maker given to the engine and
 * to the server as {@code serve} does: their sizes, their failures, a stream that outlives its age,
 * and the tokenless Blog SDK user.
 */
class BlogSdkImageServeMakersTest {
    @TempDir Path dir;
    final Tokens tokens = new Tokens(JobApiServerTest.SECRET, Clock.systemUTC());
    final String alice = tokens.issue("alice", Duration.ofHours(1));
    LocalEngine engine;
    JobApiServer server;
    ApiClient client;

    /**
     * An image model that takes any size, reads its prompts, and draws (an offline square, whatever
     * was asked) once {@code gate} opens, or fails with {@code failure}.
     */
    static final class Model implements ImageMaker {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch gate;
        final JobFailure failure;

        Model(CountDownLatch gate, JobFailure failure) {
            this.gate = gate;
            this.failure = failure;
        }

        public String source() { return "test-model"; }
        public boolean accepts(ImageSize size) { return true; }
        public String sizeRule() { return "the test model takes any size"; }
        public ImageSize defaultSize() { return ImageSize.SQUARE; }

        public MadeImage make(ImageRequest request, CancellationToken cancel) throws JobFailure {
            started.countDown();
            try {
                if (!gate.await(30, TimeUnit.SECONDS)) throw new AssertionError("the gate never opened");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            if (failure != null) throw failure;
            MadeImage card = new OfflineImageMaker().make(new ImageRequest(request.prompt(), request.altText(),
                    ImageSize.SQUARE, request.quality(), request.card()), cancel);
            return MadeImage.of(card.bytes(), card.mediaType(), card.width(), card.height(), source());
        }
    }

    void start(ImageMaker maker, ServeSettings settings) throws Exception {
        engine = LocalEngine.open(dir.resolve("data"), OfflineWriter::new, () -> maker,
                QueueSettings.DEFAULTS.withWorkers(1), Clock.systemUTC());
        engine.jobs().start();
        server = new JobApiServer(engine.jobs(), engine.library(), engine.images(), () -> maker, tokens,
                settings.withPort(0));
        server.start();
        client = new ApiClient(server.baseUrl());
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
        if (engine != null) engine.close();
    }

    @Test
    void aModelThatTakesAnySizeGetsTheAspectRatiosSizeAndTheStyleInItsPrompt() throws Exception {
        start(new Model(new CountDownLatch(0), null), ServeSettings.DEFAULTS);
        var queued = client.post("/api/v1/images/generate", alice,
                "{\"prompt\": \"A loaf on a board\", \"aspect_ratio\": \"4:3\", \"style\": \"watercolor\"}");
        assertThat(queued.status()).as("4:3 is this maker's to draw").isEqualTo(200);
        String id = queued.body().get("job_id").asText();
        assertThat(engine.jobs().whenFinished(id).get(30, TimeUnit.SECONDS).state()).isEqualTo(JobState.SUCCEEDED);
        JsonNode result = client.get("/api/v1/images/jobs/" + id, alice).body().get("result");
        assertThat(result.get("prompt_used").asText()).isEqualTo("A loaf on a board. Style: watercolor.");
        assertThat(result.get("provider").asText()).isEqualTo("test-model");
    }

    @Test
    void aFailedPictureEndsTheStreamWithAnErrorAndTheJobSaysWhy() throws Exception {
        start(new Model(new CountDownLatch(0), JobFailure.permanent("The image server refused the key.", "AUTH")),
                ServeSettings.DEFAULTS);
        List<JsonNode> messages = client.postStream("/api/v1/images/generate/stream", alice,
                "{\"prompt\": \"A loaf on a board\"}");
        assertThat(messages).extracting(m -> m.get("stage").asText())
                .containsExactly("queued", "processing", "generating", "error");
        JsonNode error = messages.getLast();
        assertThat(error.get("status").asText()).isEqualTo("failed");
        assertThat(error.get("progress").asDouble()).isEqualTo(35.0);
        assertThat(error.at("/data/error").asText()).isEqualTo("The image server refused the key.");
        assertThat(error.at("/data/error_details").asText()).isEqualTo("AUTH");
        JsonNode job = client.get("/api/v1/images/jobs/" + error.get("job_id").asText(), alice).body();
        assertThat(job.get("status").asText()).isEqualTo("failed");
        assertThat(job.get("error_message").asText()).isEqualTo("The image server refused the key.");
        assertThat(job.has("result")).isFalse();
    }

    @Test
    void aStreamOlderThanTheImageStreamAgeEndsWithoutALastMessageAndTheJobGoesOn() throws Exception {
        var gate = new CountDownLatch(1);
        start(new Model(gate, null), ServeSettings.DEFAULTS.withImageStreamMaxAge(Duration.ofSeconds(1)));
        List<JsonNode> messages = client.postStream("/api/v1/images/generate/stream", alice,
                "{\"prompt\": \"A loaf on a board\"}");
        assertThat(messages).extracting(m -> m.get("stage").asText()).containsExactly("queued", "processing", "generating");
        gate.countDown();
        String id = messages.getFirst().get("job_id").asText();
        assertThat(engine.jobs().whenFinished(id).get(30, TimeUnit.SECONDS).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(client.get("/api/v1/images/jobs/" + id, alice).body().get("status").asText()).isEqualTo("completed");
    }

    @Test
    void stoppingTheServerEndsAnOpenImageStreamWithoutALastMessage() throws Exception {
        var gate = new CountDownLatch(1);
        var model = new Model(gate, null);
        start(model, ServeSettings.DEFAULTS);
        var reading = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return client.postStream("/api/v1/images/generate/stream", alice, "{\"prompt\": \"A loaf on a board\"}");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(model.started.await(30, TimeUnit.SECONDS)).isTrue();
        server.close();
        // The job cannot end while the gate is shut, so only the stop can have ended the stream.
        List<JsonNode> messages = reading.get(30, TimeUnit.SECONDS);
        gate.countDown();
        assertThat(messages).extracting(m -> m.get("stage").asText()).startsWith("queued")
                .doesNotContain("completed", "error");
        server = null;
    }

    @Test
    void withABlogSdkUserTokenlessRequestsActAsThatUserButABadTokenIsStillRefused() throws Exception {
        start(new OfflineImageMaker(), ServeSettings.DEFAULTS.withBlogSdkUser("alice"));
        var tokenless = client.post("/api/v1/images/generate", null, "{\"prompt\": \"A loaf on a board\"}");
        assertThat(tokenless.status()).isEqualTo(200);
        String id = tokenless.body().get("job_id").asText();
        assertThat(engine.jobs().status(id).orElseThrow().owner()).isEqualTo("alice");
        assertThat(client.get("/api/v1/images/jobs/" + id, alice).status()).isEqualTo(200);
        assertThat(client.get("/api/v1/images/jobs/" + id, "not-a-token").status()).isEqualTo(401);
        assertThat(client.post("/api/v1/images/batch-generate", "not-a-token",
                "{\"images\": [{\"prompt\": \"A loaf\"}]}").status()).isEqualTo(401);
        engine.jobs().whenFinished(id).get(30, TimeUnit.SECONDS);
    }
}
