package dev.postwright.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP proxy in front of a real site that passes every request on, except the answer
 * to the first post create ({@code POST /wp-json/wp/v2/posts}): the site does the create, and
 * then the proxy either closes the connection without a reply ({@link #droppingFirstCreate}) or
 * holds the reply back until it is closed ({@link #holdingFirstCreate}), so a test can kill the
 * process that is waiting for it. What a publish must survive without making a second post.
 */
public final class SiteProxy implements AutoCloseable {
    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final HttpServer server;
    private final URI target;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger dropped = new AtomicInteger();
    private final boolean hold;
    private final CountDownLatch created = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);

    private SiteProxy(URI target, boolean hold) throws IOException {
        this.target = target;
        this.hold = hold;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/", this::forward);
        server.start();
    }

    /** The first create's answer is lost: the connection closes without it. */
    public static SiteProxy droppingFirstCreate(URI site) throws IOException {
        return new SiteProxy(site, false);
    }

    /** The first create's answer is held back until the proxy is closed. */
    public static SiteProxy holdingFirstCreate(URI site) throws IOException {
        return new SiteProxy(site, true);
    }

    /** Waits until the site has made the first post whose answer is lost or held. */
    public boolean awaitCreated(Duration timeout) throws InterruptedException {
        return created.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public URI address() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** How many answers were lost or held. */
    public int dropped() {
        return dropped.get();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            var request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().getRawPath()
                            + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery())))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase())) values.forEach(v -> request.header(name, v));
            });
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (exchange.getRequestMethod().equals("POST") && path.equals("/wp-json/wp/v2/posts")
                    && response.statusCode() == 201 && dropped.compareAndSet(0, 1)) {
                created.countDown();
                if (hold) closed.await();
                return; // closed without an answer: the post exists, the caller never hears of it
            }
            response.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase()) && !name.equalsIgnoreCase("transfer-encoding")
                        && !name.startsWith(":")) {
                    values.forEach(v -> exchange.getResponseHeaders().add(name, v));
                }
            });
            exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
            exchange.getResponseBody().write(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
