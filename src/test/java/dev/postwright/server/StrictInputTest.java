package dev.postwright.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.postwright.engine.LocalEngine;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.queue.QueueSettings;
import dev.postwright.testing.LogCapture;
import dev.postwright.wire.Json;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Part C of issue 12: {@code serve} refuses what it cannot trust, on loopback through real HTTP. */
class StrictInputTest {
    static final String CREATE = "/api/v1/jobs/content-generation";
    static final String BRIEF = "{\"topic\": {\"title\": \"Rye\"}, \"businessInfo\": {\"businessType\": \"Bakery\"}, "
            + "\"organizationId\": \"org-1\"}";

    @TempDir Path dir;
    final Tokens tokens = new Tokens(JobApiServerTest.SECRET, Clock.systemUTC());
    final String alice = tokens.issue("alice", Duration.ofHours(1));
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

    private int send(Request.Builder request) throws Exception {
        try (var response = client.http().newCall(request.build()).execute()) {
            return response.code();
        }
    }

    private ApiClient.Reply sendForBody(Request.Builder request) throws Exception {
        try (var response = client.http().newCall(request.build()).execute()) {
            return new ApiClient.Reply(response.code(), Json.parse(response.body().string(), "reply"));
        }
    }

    @Test
    void aWronglyTypedFieldIsA400NamingItAndNothingIsQueued() throws Exception {
        var ctas = client.post(CREATE, alice, BRIEF.substring(0, BRIEF.length() - 1)
                + ", \"ctas\": {\"text\": \"Book a tasting\"}}");
        assertThat(ctas.status()).isEqualTo(400);
        assertThat(ctas.body().get("field").asText()).isEqualTo("ctas");
        assertThat(ctas.body().get("message").asText()).contains("ctas must be a list");

        var tweets = client.post(CREATE, alice, BRIEF.substring(0, BRIEF.length() - 1)
                + ", \"options\": {\"preloadedTweets\": \"@someone\"}}");
        assertThat(tweets.status()).isEqualTo(400);
        assertThat(tweets.body().get("field").asText()).isEqualTo("options.preloadedTweets");
        assertThat(tweets.body().get("success").asBoolean()).isFalse();
        assertThat(engine.jobs().list(10)).isEmpty();
    }

    @Test
    void bytesAfterTheBodyAreA400AndAnythingButJsonIsA415() throws Exception {
        var trailing = client.post(CREATE, alice, BRIEF + " {\"topic\": \"again\"}");
        assertThat(trailing.status()).isEqualTo(400);
        assertThat(trailing.body().get("message").asText()).contains("not valid JSON");

        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data"}) {
            var reply = sendForBody(new Request.Builder().url(server.baseUrl() + CREATE)
                    .header("Authorization", "Bearer " + alice).post(RequestBody.create(BRIEF, MediaType.get(type))));
            assertThat(reply.status()).as(type).isEqualTo(415);
            assertThat(reply.body().get("message").asText()).contains("application/json");
        }
        assertThat(send(new Request.Builder().url(server.baseUrl() + CREATE).header("Authorization", "Bearer " + alice)
                .post(RequestBody.create(BRIEF, MediaType.get("application/json; charset=utf-8"))))).isEqualTo(201);
        assertThat(engine.jobs().list(10)).hasSize(1);
    }

    @Test
    void aCookieIsNoCredentialAndTheQueryTokenOpensStreamsOnly() throws Exception {
        String id = client.create(alice, "Cookie post");
        assertThat(send(new Request.Builder().url(server.baseUrl() + "/api/v1/jobs/" + id + "/status")
                .header("Cookie", "access_token=" + alice))).isEqualTo(401);
        assertThat(send(new Request.Builder().url(server.baseUrl() + CREATE).header("Cookie", "access_token=" + alice)
                .post(RequestBody.create(BRIEF, MediaType.get("application/json"))))).isEqualTo(401);
        assertThat(send(new Request.Builder().url(server.baseUrl() + "/api/v1/jobs/" + id + "/status?token=" + alice)))
                .isEqualTo(401);
        assertThat(send(new Request.Builder().url(server.baseUrl() + "/api/v1/jobs?token=" + alice))).isEqualTo(401);
        assertThat(client.streamToEnd(id, alice, null).getLast().type()).isEqualTo("complete"); // ?token= on the stream
    }

    @Test
    void onLoopbackARequestNamingAnotherHostIsRefused() throws Exception {
        var rebound = sendForBody(new Request.Builder().url(server.baseUrl() + "/api/v1/jobs")
                .header("Host", "attacker.example:" + server.port()).header("Authorization", "Bearer " + alice));
        assertThat(rebound.status()).isEqualTo(421);
        assertThat(rebound.body().get("message").asText()).contains("this computer only");
        assertThat(send(new Request.Builder().url(server.baseUrl() + "/healthz").header("Host", "attacker.example")))
                .isEqualTo(421);
        for (String host : new String[] {"localhost:" + server.port(), "127.0.0.1", "[::1]:" + server.port()}) {
            assertThat(send(new Request.Builder().url(server.baseUrl() + "/api/v1/jobs").header("Host", host)
                    .header("Authorization", "Bearer " + alice))).as(host).isEqualTo(200);
        }
    }

    @Test
    void aTokenWithoutAnExpiryIsRefused() throws Exception {
        String forever = JWT.create().withIssuer(Tokens.ISSUER).withSubject("alice").withIssuedAt(Instant.now())
                .sign(Algorithm.HMAC256(JobApiServerTest.SECRET));
        assertThat(client.get("/api/v1/jobs", forever).status()).isEqualTo(401);
        assertThat(client.get("/api/v1/jobs", alice).status()).isEqualTo(200);
    }

    @Test
    void aMalformedLastEventIdIsA400WithoutAStackTrace() throws Exception {
        String id = client.create(alice, "Bad resume");
        try (var handler = LogCapture.named("dev.postwright.server"); var jetty = LogCapture.named("org.eclipse.jetty")) {
            for (String query : new String[] {"lastEventId=%ff", "lastEventId=%ff&token=" + alice, "token=%ff"}) {
                var reply = sendForBody(new Request.Builder().url(server.baseUrl() + "/api/v1/jobs/" + id + "/stream?"
                        + query).header("Authorization", "Bearer " + alice));
                assertThat(reply.status()).as(query).isEqualTo(400);
                assertThat(reply.body().get("message").asText()).as(query).contains("not well formed");
            }
            assertThat(handler.messages()).noneMatch(m -> m.contains("Exception"));
            assertThat(jetty.messages()).noneMatch(m -> m.contains("Exception"));
        }
    }
}
