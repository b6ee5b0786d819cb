package dev.postwright.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postwright.engine.LocalEngine;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.queue.QueueSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/v1/blog-posts} on {@code postwright serve} (issue 12 B): a client that turned
 * {@code autoSave} off saves the post itself, and each user sees only their own posts; on
 * loopback over a real engine and SQLite file.
 */
class BlogPostRoutesTest {
    static final String POSTS = "/api/v1/blog-posts";
    static final String POST = """
            {"title": "Rye bread at home", "content": "Rye needs a long, slow rise.", "meta_description": "How to bake rye.",
             "status": "published", "focusKeyphrase": "rye bread", "tags": ["baking"], "organizationId": "org-1",
             "somethingElse": {"kept": false}}""";

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
        server = new JobApiServer(engine.jobs(), engine.library(), engine.images(), tokens, ServeSettings.DEFAULTS.withPort(0));
        server.start();
        client = new ApiClient(server.baseUrl());
    }

    @AfterEach
    void stop() {
        server.close();
        engine.close();
    }

    private static List<String> ids(ApiClient.Reply list) {
        return StreamSupport.stream(list.body().get("data").spliterator(), false).map(p -> p.get("id").asText()).toList();
    }

    @Test
    void aSavedPostIsItsOwnersToReadAndListAndNobodyElses() throws Exception {
        ApiClient.Reply created = client.post(POSTS, alice, POST);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("success").asBoolean()).isTrue();
        JsonNode post = created.body().get("data");
        String id = post.get("id").asText();
        assertThat(post.get("title").asText()).isEqualTo("Rye bread at home");
        assertThat(post.get("content").asText()).isEqualTo("Rye needs a long, slow rise.");
        assertThat(post.get("meta_description").asText()).isEqualTo("How to bake rye.");
        assertThat(post.get("status").asText()).isEqualTo("published");
        assertThat(post.get("word_count").asInt()).isEqualTo(6);
        assertThat(post.get("slug").asText()).isEqualTo("rye-bread-at-home");
        assertThat(post.get("organization_id").asText()).isEqualTo("org-1");

        ApiClient.Reply read = client.get(POSTS + "/" + id, alice);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("data")).isEqualTo(post);
        assertThat(ids(client.get(POSTS, alice))).containsExactly(id);

        assertThat(client.get(POSTS + "/" + id, bob).status()).isEqualTo(404);
        assertThat(ids(client.get(POSTS, bob))).isEmpty();
        assertThat(client.get(POSTS + "/" + id, null).status()).isEqualTo(401);
        assertThat(engine.library().find(id).orElseThrow().post().title()).isEqualTo("Rye bread at home");
    }

    @Test
    void aPostWithoutTitleOrContentIsRefusedWithTheBackendsCodeAndAHintAndNothingIsSaved() throws Exception {
        for (String body : List.of("{\"content\": \"Only text\"}", "{\"title\": \"Only a title\"}",
                "{\"title\": \"  \", \"content\": \"Blank title\"}", "{}")) {
            ApiClient.Reply refused = client.post(POSTS, alice, body);

            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.body().get("code").asText()).isEqualTo("TITLE_AND_CONTENT_REQUIRED");
            assertThat(refused.body().get("success").asBoolean()).isFalse();
            assertThat(refused.body().get("hint").asText()).contains("autoSave");
        }
        assertThat(ids(client.get(POSTS, alice))).isEmpty();
    }

    @Test
    void aFieldOfTheWrongTypeOrAnUnknownStatusIsNamed() throws Exception {
        record Case(String body, String field) {}
        for (Case c : List.of(new Case("{\"title\": 5, \"content\": \"x\"}", "title"),
                new Case("{\"title\": \"t\", \"content\": \"x\", \"tags\": \"baking\"}", "tags"),
                new Case("{\"title\": \"t\", \"content\": \"x\", \"seo_keywords\": [1]}", "seo_keywords"),
                new Case("{\"title\": \"t\", \"content\": \"x\", \"status\": \"gone\"}", "status"),
                new Case("{\"title\": \"t\", \"content\": {\"text\": \"x\"}}", "content"))) {
            ApiClient.Reply refused = client.post(POSTS, alice, c.body());

            assertThat(refused.status()).as(c.body()).isEqualTo(400);
            assertThat(refused.body().get("field").asText()).as(c.body()).isEqualTo(c.field());
        }
        assertThat(ids(client.get(POSTS, alice))).isEmpty();
    }

    @Test
    void theBodyMustBeOneJsonValueSentAsJson() throws Exception {
        var json = MediaType.get("application/json");
        String url = server.baseUrl() + POSTS;
        try (var trailing = client.http().newCall(new Request.Builder().url(url).header("Authorization", "Bearer " + alice)
                .post(RequestBody.create("{\"title\": \"t\", \"content\": \"x\"} {}", json)).build()).execute();
             var form = client.http().newCall(new Request.Builder().url(url).header("Authorization", "Bearer " + alice)
                .post(RequestBody.create("title=t&content=x", MediaType.get("application/x-www-form-urlencoded")))
                .build()).execute();
             var put = client.http().newCall(new Request.Builder().url(url).header("Authorization", "Bearer " + alice)
                .put(RequestBody.create("{}", json)).build()).execute()) {
            assertThat(trailing.code()).isEqualTo(400);
            assertThat(form.code()).isEqualTo(415);
            assertThat(put.code()).isEqualTo(405);
        }
        assertThat(client.get(POSTS + "?limit=0", alice).status()).isEqualTo(400);
        assertThat(client.get(POSTS + "?limit=many", alice).body().get("message").asText()).contains("limit");
        assertThat(ids(client.get(POSTS, alice))).isEmpty();
    }

    @Test
    void thePostAJobSavesBelongsToTheJobsOwner() throws Exception {
        String job = client.create(alice, "Spelt loaves");
        client.streamToEnd(job, alice, null);
        String saved = client.get("/api/v1/jobs/" + job + "/status", alice).body().at("/result/savedPost/id").asText();

        assertThat(saved).isNotEmpty();
        assertThat(ids(client.get(POSTS, alice))).containsExactly(saved);
        assertThat(client.get(POSTS + "/" + saved, alice).body().at("/data/source_job_id").asText()).isEqualTo(job);
        assertThat(client.get(POSTS + "/" + saved, bob).status()).isEqualTo(404);
        assertThat(ids(client.get(POSTS, bob))).isEmpty();
    }
}
