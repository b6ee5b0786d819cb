package dev.postwright.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postwright.engine.LocalEngine;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.queue.QueueSettings;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job's images on {@code serve}: named in its result, their bytes served to their owner only. */
class ImageRoutesTest {
    @TempDir Path dir;
    final Tokens tokens = new Tokens(JobApiServerTest.SECRET, Clock.systemUTC());
    final String alice = tokens.issue("alice", Duration.ofHours(1));
    final String bob = tokens.issue("bob", Duration.ofHours(1));
    LocalEngine engine;
    JobApiServer server;
    ApiClient client;

    @BeforeEach
    void start() throws Exception {
        engine = LocalEngine.open(dir.resolve("data"), new OfflineWriter(), QueueSettings.DEFAULTS.withWorkers(1),
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

    private okhttp3.Response get(String path, String token) throws Exception {
        var request = new Request.Builder().url(server.baseUrl() + path);
        if (token != null) request.header("Authorization", "Bearer " + token);
        return client.http().newCall(request.build()).execute();
    }

    @Test
    void aJobsFeaturedImageIsInItsResultAndItsBytesAreItsOwnersAlone() throws Exception {
        var created = client.post("/api/v1/jobs/content-generation", alice, """
                {"topic": {"title": "Rye bread at home"}, "businessInfo": {"businessType": "Bakery"},
                 "organizationId": "org-1", "options": {"generateImages": true}}""");
        String id = created.body().get("jobId").asText();
        List<ApiClient.Sse> events = client.streamToEnd(id, alice, null);

        assertThat(events).extracting(ApiClient.Sse::type).contains("images-result");
        JsonNode generation = events.getLast().json().at("/result/imageGeneration");
        JsonNode image = generation.at("/images/0");
        assertThat(generation.get("topic").asText()).isEqualTo("Rye bread at home");
        assertThat(generation.get("blogPostId").asText()).isNotBlank();
        assertThat(image.get("placement").asText()).isEqualTo("featured");
        assertThat(events.getLast().json().at("/result/content").asText()).contains("(postwright-image:"
                + image.get("id").asText() + ")");

        try (var own = get(image.get("url").asText(), alice)) {
            assertThat(own.code()).isEqualTo(200);
            assertThat(own.header("Content-Type")).isEqualTo("image/png");
            assertThat(own.header("X-Content-Type-Options")).isEqualTo("nosniff");
            var picture = ImageIO.read(new ByteArrayInputStream(own.body().bytes()));
            assertThat(picture.getWidth()).isEqualTo(image.get("width").asInt());
        }
        try (var others = get(image.get("url").asText(), bob);
             var nobody = get(image.get("url").asText(), null);
             var unknown = get("/api/v1/images/" + image.get("id").asText() + "/thumbnail", alice)) {
            assertThat(others.code()).isEqualTo(404);
            assertThat(nobody.code()).isEqualTo(401);
            assertThat(unknown.code()).isEqualTo(404);
        }
    }
}
