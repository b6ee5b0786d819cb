package dev.postwright.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postwright.engine.LocalEngine;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.model.JobKind;
import dev.postwright.model.JobState;
import dev.postwright.queue.QueueSettings;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code postwright serve} speaking the Blog SDK's image routes (§2.1, §2.3, decision 0029) on
 * loopback over a real engine, SQLite file and the offline maker, as a frontend written for the SDK
 * uses them.
 */
class BlogSdkImageServeTest {
    static final String GENERATE = "/api/v1/images/generate";

    @TempDir Path dir;
    final Tokens tokens = new Tokens(JobApiServerTest.SECRET, Clock.systemUTC());
    final String alice = tokens.issue("alice", Duration.ofHours(1));
    final String bob = tokens.issue("bob", Duration.ofHours(1));
    LocalEngine engine;
    JobApiServer server;
    ApiClient client;

    @BeforeEach
    void start() throws Exception {
        engine = LocalEngine.open(dir.resolve("data"), new OfflineWriter(), QueueSettings.DEFAULTS.withWorkers(2),
                Clock.systemUTC());
        engine.jobs().start();
        server = new JobApiServer(engine.jobs(), engine.library(), engine.images(), tokens,
                ServeSettings.DEFAULTS.withPort(0));
        server.start();
        client = new ApiClient(server.baseUrl());
    }

    @AfterEach
    void stop() {
        server.close();
        engine.close();
    }

    private JobState finish(String jobId) throws Exception {
        return engine.jobs().whenFinished(jobId).get(30, TimeUnit.SECONDS).state();
    }

    private okhttp3.Response file(String url, String token) throws Exception {
        var request = new Request.Builder().url(server.baseUrl() + url);
        if (token != null) request.header("Authorization", "Bearer " + token);
        return client.http().newCall(request.build()).execute();
    }

    private BufferedImage png(String url, String token) throws Exception {
        try (var reply = file(url, token)) {
            assertThat(reply.code()).isEqualTo(200);
            assertThat(reply.header("Content-Type")).isEqualTo("image/png");
            return ImageIO.read(new ByteArrayInputStream(reply.body().bytes()));
        }
    }

    private List<JobKind> jobsOf(String user) {
        return engine.jobs().listOwnedBy(user, 100).stream().map(s -> s.kind()).toList();
    }

    @Test
    void aQueuedImageCompletesAndItsPngIsItsOwnersAlone() throws Exception {
        var queued = client.post(GENERATE, alice, """
                {"prompt": "A crusty sourdough loaf on a board", "aspect_ratio": "16:9", "quality": "draft",
                 "style": "photographic", "seed": 42}""");
        assertThat(queued.status()).isEqualTo(200);
        String id = queued.body().get("job_id").asText();
        assertThat(queued.body().get("status").asText()).isEqualTo("queued");
        assertThat(queued.body().get("is_draft").asBoolean()).isTrue();
        assertThat(queued.body().get("message").asText()).contains("/api/v1/images/jobs/" + id);
        assertThat(queued.body().get("estimated_completion_time").isNull()).isTrue();
        assertThat(finish(id)).isEqualTo(JobState.SUCCEEDED);

        JsonNode job = client.get("/api/v1/images/jobs/" + id, alice).body();
        assertThat(job.get("job_id").asText()).isEqualTo(id);
        assertThat(job.get("status").asText()).isEqualTo("completed");
        assertThat(job.get("current_stage").asText()).isEqualTo("completed");
        assertThat(job.get("progress_percentage").asDouble()).isEqualTo(100.0);
        assertThat(job.get("is_draft").asBoolean()).isTrue();
        assertThat(job.has("error_message")).isFalse();
        for (String time : List.of("created_at", "started_at", "completed_at")) {
            assertThat(job.get(time).asText()).as(time).endsWith("Z");
        }
        JsonNode result = job.get("result");
        assertThat(result.get("success").asBoolean()).isTrue();
        assertThat(result.get("provider").asText()).isEqualTo("offline");
        assertThat(result.get("prompt_used").asText()).as("an offline card's headline is the prompt alone")
                .isEqualTo("A crusty sourdough loaf on a board");
        assertThat(result.get("generation_time_seconds").isNumber()).isTrue();
        JsonNode image = result.at("/images/0");
        assertThat(image.get("width").asInt()).isEqualTo(1600);
        assertThat(image.get("height").asInt()).isEqualTo(900);
        assertThat(image.get("format").asText()).isEqualTo("png");
        assertThat(image.has("image_data")).as("no base64 by default").isFalse();
        String url = image.get("image_url").asText();
        assertThat(url).isEqualTo("/api/v1/images/" + image.get("image_id").asText() + "/file");

        BufferedImage picture = png(url, alice);
        assertThat(picture.getWidth()).isEqualTo(1600);
        assertThat(picture.getHeight()).isEqualTo(900);
        var others = client.get("/api/v1/images/jobs/" + id, bob);
        assertThat(others.status()).isEqualTo(404);
        assertThat(others.body().get("detail").asText()).isEqualTo("Job " + id + " not found");
        try (var bobsLook = file(url, bob)) {
            assertThat(bobsLook.code()).isEqualTo(404);
        }
        assertThat(client.get("/api/v1/images/jobs/" + id, null).status()).isEqualTo(401);
    }

    @Test
    void generateAsyncIsTheSameRouteAndTheDefaultIsASquareOfStandardQuality() throws Exception {
        var queued = client.post("/api/v1/images/generate-async", alice, "{\"prompt\": \"Rye loaves cooling\"}");
        assertThat(queued.status()).isEqualTo(200);
        String id = queued.body().get("job_id").asText();
        assertThat(queued.body().get("is_draft").asBoolean()).isFalse();
        assertThat(finish(id)).isEqualTo(JobState.SUCCEEDED);
        JsonNode image = client.get("/api/v1/images/jobs/" + id, alice).body().at("/result/images/0");
        assertThat(image.get("width").asInt() + "x" + image.get("height").asInt()).isEqualTo("1080x1080");
        assertThat(png(image.get("image_url").asText(), alice).getWidth()).isEqualTo(1080);
    }

    @Test
    void theStreamSendsTheFiveImageStagesInOrderWithTheJobIdFirstAndTheResultLast() throws Exception {
        List<JsonNode> messages = client.postStream(GENERATE + "/stream", alice,
                "{\"prompt\": \"Hands shaping dough\", \"aspect_ratio\": \"1:1\", \"quality\": \"ultra\"}");

        assertThat(messages).extracting(m -> m.get("stage").asText())
                .containsExactly("queued", "processing", "generating", "uploading", "completed");
        String id = messages.getFirst().get("job_id").asText();
        assertThat(id).isNotBlank();
        assertThat(messages).allSatisfy(m -> {
            assertThat(m.get("job_id").asText()).isEqualTo(id);
            assertThat(m.get("timestamp").isNumber()).isTrue();
        });
        assertThat(messages).extracting(m -> m.get("progress").asDouble()).containsExactly(0.0, 20.0, 35.0, 80.0, 100.0);
        JsonNode last = messages.getLast();
        assertThat(last.get("status").asText()).isEqualTo("completed");
        JsonNode image = last.at("/data/result/images/0");
        assertThat(image.get("width").asInt()).isEqualTo(1080);
        BufferedImage picture = png(image.get("image_url").asText(), alice);
        assertThat(picture.getWidth()).isEqualTo(1080);
        assertThat(picture.getHeight()).isEqualTo(1080);

        assertThat(client.get("/api/v1/images/jobs/" + id, bob).status()).as("a streamed job is its creator's too")
                .isEqualTo(404);
        try (var bobsLook = file(image.get("image_url").asText(), bob)) {
            assertThat(bobsLook.code()).isEqualTo(404);
        }
    }

    @Test
    void aBatchOfThreeQueuesThreeJobsThatAllComplete() throws Exception {
        var batch = client.post("/api/v1/images/batch-generate", alice, """
                {"workflow": "draft_then_final", "blog_id": "ignored", "images": [
                  {"prompt": "Hero: a bakery at dawn", "aspect_ratio": "16:9", "quality": "draft"},
                  {"prompt": "A starter jar", "quality": "standard"},
                  {"prompt": "Sliced rye", "width": 1200, "height": 630, "quality": "draft"}]}""");
        assertThat(batch.status()).isEqualTo(200);
        assertThat(batch.body().get("batch_id").asText()).isNotBlank();
        assertThat(batch.body().get("status").asText()).isEqualTo("queued");
        assertThat(batch.body().get("total_images").asInt()).isEqualTo(3);
        List<String> ids = new ArrayList<>();
        batch.body().get("job_ids").forEach(j -> ids.add(j.asText()));
        assertThat(ids).hasSize(3).doesNotHaveDuplicates();

        List<String> sizes = new ArrayList<>();
        List<Boolean> drafts = new ArrayList<>();
        for (String id : ids) {
            assertThat(finish(id)).isEqualTo(JobState.SUCCEEDED);
            JsonNode job = client.get("/api/v1/images/jobs/" + id, alice).body();
            assertThat(job.get("status").asText()).isEqualTo("completed");
            JsonNode image = job.at("/result/images/0");
            sizes.add(image.get("width").asInt() + "x" + image.get("height").asInt());
            drafts.add(job.get("is_draft").asBoolean());
        }
        assertThat(sizes).containsExactly("1600x900", "1080x1080", "1200x630");
        assertThat(drafts).containsExactly(true, false, true);
    }

    @Test
    void aBatchOfMoreThanTwentyOrNoneIs400AndNothingIsQueued() throws Exception {
        String image = "{\"prompt\": \"A loaf of bread\"}";
        var tooMany = client.post("/api/v1/images/batch-generate", alice,
                "{\"images\": [" + String.join(",", java.util.Collections.nCopies(21, image)) + "]}");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body().get("detail").asText()).contains("at most 20").contains("21");
        var none = client.post("/api/v1/images/batch-generate", alice, "{\"images\": []}");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body().get("detail").isTextual()).isTrue();
        var twenty = client.post("/api/v1/images/batch-generate", bob,
                "{\"images\": [" + String.join(",", java.util.Collections.nCopies(20, image)) + "]}");
        assertThat(twenty.status()).as("twenty is the limit, not over it").isEqualTo(200);
        assertThat(jobsOf("alice")).isEmpty();
    }

    @Test
    void oneBadRequestInABatchIs422NamingItsPlaceAndNothingIsQueued() throws Exception {
        var reply = client.post("/api/v1/images/batch-generate", alice, """
                {"workflow": "final_only", "images": [{"prompt": "One loaf"}, {"prompt": "Two loaves"},
                 {"prompt": "Three loaves"}, {"prompt": "ab"}, {"prompt": "Five", "aspect_ratio": "2:3"}]}""");
        assertThat(reply.status()).isEqualTo(422);
        List<String> locs = new ArrayList<>();
        reply.body().get("detail").forEach(d -> locs.add(d.get("loc").toString()));
        assertThat(locs).containsExactly("[\"body\",\"images\",3,\"prompt\"]", "[\"body\",\"images\",4,\"aspect_ratio\"]");
        assertThat(jobsOf("alice")).isEmpty();

        var badWorkflow = client.post("/api/v1/images/batch-generate", alice,
                "{\"workflow\": \"later\", \"images\": [{\"prompt\": \"One loaf\"}, {\"quality\": \"best\"}]}");
        assertThat(badWorkflow.status()).isEqualTo(422);
        List<String> all = new ArrayList<>();
        badWorkflow.body().get("detail").forEach(d -> all.add(d.get("loc").toString()));
        assertThat(all).as("every problem at once").containsExactly("[\"body\",\"workflow\"]",
                "[\"body\",\"images\",1,\"prompt\"]", "[\"body\",\"images\",1,\"quality\"]");
        assertThat(jobsOf("alice")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2, 1001})
    void aPromptOutsideThreeToAThousandCharactersIs422NamingPrompt(int length) throws Exception {
        String body = length == 0 ? "{\"aspect_ratio\": \"1:1\"}" : "{\"prompt\": \"" + "b".repeat(length) + "\"}";
        var reply = client.post(GENERATE, alice, body);
        assertThat(reply.status()).isEqualTo(422);
        JsonNode problem = reply.body().at("/detail/0");
        assertThat(problem.get("loc").toString()).isEqualTo("[\"body\",\"prompt\"]");
        assertThat(problem.get("type").asText()).isEqualTo(length == 0 ? "missing"
                : length == 2 ? "string_too_short" : "string_too_long");
        assertThat(jobsOf("alice")).isEmpty();
    }

    @Test
    void aSizeTheOfflineMakerCannotDrawIsRefusedAtOnceWithItsRule() throws Exception {
        var aspect = client.post(GENERATE, alice, "{\"prompt\": \"A loaf of bread\", \"aspect_ratio\": \"4:3\"}");
        assertThat(aspect.status()).isEqualTo(422);
        JsonNode problem = aspect.body().at("/detail/0");
        assertThat(problem.get("loc").toString()).isEqualTo("[\"body\",\"aspect_ratio\"]");
        assertThat(problem.get("msg").asText()).contains("4:3").contains("the offline maker draws 1200x630")
                .contains("Choose aspect_ratio 1:1 or 16:9");

        var sized = client.post(GENERATE, alice, "{\"prompt\": \"A loaf of bread\", \"width\": 640, \"height\": 480}");
        assertThat(sized.status()).isEqualTo(422);
        assertThat(sized.body().at("/detail/0/loc").toString()).isEqualTo("[\"body\",\"width\"]");
        assertThat(sized.body().at("/detail/0/msg").asText()).contains("640x480").contains("1080x1080");

        var outOfBounds = client.post(GENERATE, alice, "{\"prompt\": \"A loaf of bread\", \"width\": 4000, \"height\": 32}");
        assertThat(outOfBounds.status()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        outOfBounds.body().get("detail").forEach(d -> fields.add(d.at("/loc/1").asText()));
        assertThat(fields).containsExactly("width", "height");

        var half = client.post(GENERATE, alice, "{\"prompt\": \"A loaf of bread\", \"width\": 1200}");
        assertThat(half.status()).isEqualTo(422);
        assertThat(half.body().at("/detail/0/loc").toString()).isEqualTo("[\"body\",\"height\"]");
        assertThat(jobsOf("alice")).as("nothing queued to fail later").isEmpty();
    }

    @Test
    void aBodyThatIsNotJsonIs415AndTrailingBytesAre422() throws Exception {
        for (String path : List.of(GENERATE, GENERATE + "/stream", "/api/v1/images/batch-generate")) {
            var form = client.postAs(path, alice, "application/x-www-form-urlencoded", "prompt=A+loaf");
            assertThat(form.status()).as(path).isEqualTo(415);
            assertThat(form.body().get("detail").asText()).contains("JSON");
            var text = client.postAs(path, alice, "text/plain", "{\"prompt\": \"A loaf of bread\"}");
            assertThat(text.status()).as(path).isEqualTo(415);
        }
        var trailing = client.post(GENERATE, alice, "{\"prompt\": \"A loaf of bread\"} {}");
        assertThat(trailing.status()).isEqualTo(422);
        assertThat(trailing.body().at("/detail/0/type").asText()).isEqualTo("json_invalid");
        assertThat(jobsOf("alice")).isEmpty();
    }

    @Test
    void aBlogJobIsNoImageJobAndAnImageJobIsNoBlogJob() throws Exception {
        var blog = client.post("/api/v1/blog/generate-enhanced", alice,
                "{\"topic\": \"Sourdough at home\", \"keywords\": [\"sourdough\"]}");
        String blogId = blog.body().get("job_id").asText();
        var image = client.post(GENERATE, alice, "{\"prompt\": \"A loaf of bread\"}");
        String imageId = image.body().get("job_id").asText();

        var asImage = client.get("/api/v1/images/jobs/" + blogId, alice);
        assertThat(asImage.status()).isEqualTo(404);
        assertThat(asImage.body().get("detail").asText()).isEqualTo("Job " + blogId + " not found");
        assertThat(client.get("/api/v1/blog/jobs/" + imageId, alice).status()).isEqualTo(404);
        assertThat(client.get("/api/v1/images/jobs/no-such-job", alice).status()).isEqualTo(404);
        assertThat(client.get(GENERATE, alice).status()).as("POST only").isEqualTo(405);
        finish(blogId);
        finish(imageId);
    }
}
