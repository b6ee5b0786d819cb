package dev.postwright.publish.wordpress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sites that go wrong, served on loopback; the dropped reply is a proxy in front of the real WordPress. */
class WordPressTroubleTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private WordPressClient serve(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try {
                handler.handle(exchange);
            } finally {
                exchange.close();
            }
        });
        server.start();
        return new WordPressClient(http, new Site("My blog", URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                "ada"), "secret-password-1234", Duration.ofSeconds(2));
    }

    private static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Test
    void aSiteWithoutTheRestApiIsNotWordPress() throws IOException {
        ConnectionCheck check = serve(exchange -> reply(exchange, 404, "text/html", "<html>Not found</html>")).check();
        assertThat(check).isInstanceOf(ConnectionCheck.NotWordPress.class);
        assertThat(check.words()).contains("not as WordPress");
    }

    @Test
    void aRestApiThatRedirectsToTheLoginPageIsUnavailable() throws IOException {
        ConnectionCheck check = serve(exchange -> {
            if (exchange.getRequestURI().toString().equals("/")) {
                reply(exchange, 200, "text/html", "<link rel='stylesheet' href='/wp-content/themes/x.css'>");
            } else {
                exchange.getResponseHeaders().set("Location", "/wp-login.php?redirect_to=%2Fwp-json%2F");
                exchange.sendResponseHeaders(302, -1);
            }
        }).check();
        assertThat(check).isInstanceOfSatisfying(ConnectionCheck.RestUnavailable.class,
                c -> assertThat(c.words()).contains("a login page"));
    }

    @Test
    void anUnreachableSiteSaysSo() throws IOException {
        WordPressClient client = serve(exchange -> reply(exchange, 200, "text/html", ""));
        server.stop(0);
        server = null;
        assertThat(client.check()).isInstanceOf(ConnectionCheck.Unreachable.class);
        assertThatThrownBy(() -> client.terms("tags")).isInstanceOf(WordPressException.class)
                .hasMessageContaining("could not connect to My blog");
    }

    @Test
    void aPluginErrorPageMalformedJsonAndTheSitesOwnMessageBecomeSentences() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        WordPressClient client = serve(exchange -> {
            switch (calls.incrementAndGet()) {
                case 1 -> reply(exchange, 500, "text/html", "<html><b>Fatal error</b> in some-plugin.php</html>");
                case 2 -> reply(exchange, 200, "application/json", "{\"id\": 3, ");
                default -> reply(exchange, 500, "application/json",
                        "{\"code\":\"plugin_broke\",\"message\":\"The <b>cache</b> plugin failed.\",\"data\":{\"status\":500}}");
            }
        });
        assertThatThrownBy(() -> client.terms("tags")).hasMessage(
                "My blog sent a web page instead of the REST API's JSON (HTTP 500), an error of its own, often a "
                        + "plugin. A plugin or the host may be in the way of the REST API.");
        assertThatThrownBy(() -> client.terms("tags")).hasMessageContaining("an answer that is not valid JSON");
        assertThatThrownBy(() -> client.terms("tags")).hasMessage(
                "My blog had an error of its own (HTTP 500), often a plugin: \"The cache plugin failed.\".")
                .satisfies(e -> assertThat(((WordPressException) e).retryable()).isTrue())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret-password"));
    }

    @Test
    void aSiteThatDoesNotAnswerInTimeTimesOut() throws IOException {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        WordPressClient client = serve(exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            assertThatThrownBy(() -> client.terms("tags")).hasMessage(
                    "My blog did not answer within 2 seconds; it may be slow or down.");
        } finally {
            release.countDown();
        }
    }

    @Test
    void aRetryAfterADroppedReplyFindsThePostInsteadOfCreatingASecond() throws Exception {
        Properties site = TestWordPress.site();
        URI wordpress = URI.create(site.getProperty("url"));
        // Forwards each request to the real WordPress, then closes the connection without replying.
        serve(exchange -> {
            HttpRequest.Builder forward = HttpRequest.newBuilder(wordpress.resolve(exchange.getRequestURI().toString()))
                    .method(exchange.getRequestMethod(),
                            HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
            for (String name : List.of("Authorization", "Content-Type")) {
                Optional.ofNullable(exchange.getRequestHeaders().getFirst(name)).ifPresent(v -> forward.header(name, v));
            }
            try {
                http.send(forward.build(), HttpResponse.BodyHandlers.discarding());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.getHttpContext().getServer().stop(0);
        });
        String marker = UUID.randomUUID().toString();
        PostDraft draft = new PostDraft(marker, "Dropped", "<p>Once only</p>", PostDraft.Status.DRAFT,
                Optional.empty(), "", "", List.of(), List.of(), Optional.empty(), Map.of());
        assertThatThrownBy(() -> new WordPressClient(http, new Site("My blog", throughProxyAddress(), site.getProperty("user")),
                site.getProperty("applicationPassword"), Duration.ofSeconds(20)).create(draft))
                .isInstanceOf(WordPressException.class).hasMessageContaining("broke before it answered");
        server = null;
        WordPressClient direct = new WordPressClient(http, new Site("Test site", wordpress, site.getProperty("user")),
                site.getProperty("applicationPassword"), Duration.ofSeconds(20));
        RemotePost found = direct.findByMarker(marker).orElseThrow();
        RemotePost retried = direct.createOnce(draft);
        assertThat(retried.id()).isEqualTo(found.id());
        HttpResponse<String> all = http.send(HttpRequest.newBuilder(wordpress.resolve(
                "/wp-json/wp/v2/posts?status=any&context=edit&search=postwright:" + marker)).header("Authorization",
                "Basic " + java.util.Base64.getEncoder().encodeToString((site.getProperty("user") + ":"
                        + site.getProperty("applicationPassword")).getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        // one post in the answer: one guid object per post
        assertThat(all.body().split("\"guid\":\\{", -1)).hasSize(2);
    }

    private URI throughProxyAddress() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }
}
