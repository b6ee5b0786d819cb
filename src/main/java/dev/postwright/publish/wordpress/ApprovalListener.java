package dev.postwright.publish.wordpress;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * WordPress's own approval flow ("Authorize Application"), the loopback half: listens once on
 * {@code 127.0.0.1} at a random port, under a random path token nothing else knows, for the
 * browser that WordPress sends to {@link #successUrl()} (with {@code site_url}, {@code user_login}
 * and {@code password}) or to {@link #rejectUrl()}. The first valid callback ends the wait and
 * closes the port, as do {@link #cancel()}, {@link #close()} and the time limit; any other
 * request is answered 404 and changes nothing. The browser gets a small plain page, no scripts.
 * WordPress accepts an {@code http://} success URL only on a site whose environment type is
 * {@code local}; {@link #pasteUrl} is the way for the others. The password is in no log line,
 * message or {@code toString}. Thread-safe; {@link #approval()} completes on the listener's
 * thread.
 */
public final class ApprovalListener implements AutoCloseable {
    /** Postwright's application id in WordPress (its {@code app_id}): the same for every copy. */
    public static final UUID APP_ID = UUID.fromString("6f1c1f9e-4c1b-4f55-9a57-2b9e3f0d7a41");
    static final String APPROVED_PAGE = page("Postwright has the password; you can close this tab.");
    static final String REJECTED_PAGE = page("You did not approve Postwright; nothing was changed. You can close this tab.");

    /** What WordPress's page answered. */
    public sealed interface Approval {
        /** The writer approved: WordPress made {@code password} for {@code user}. */
        record Approved(URI siteUrl, String user, String password) implements Approval {
            @Override
            public String toString() {
                return "Approved[siteUrl=" + siteUrl + ", user=" + user + ", password=(hidden)]";
            }
        }

        /** The writer pressed "No, I do not approve of this connection". */
        record Rejected() implements Approval {}
    }

    private final HttpServer server;
    private final String token;
    private final String appName;
    private final CompletableFuture<Approval> approval = new CompletableFuture<>();

    private ApprovalListener(HttpServer server, String token) {
        this.server = server;
        this.token = token;
        this.appName = "Postwright (" + token.substring(0, 6) + ")";
    }

    /**
     * Starts listening. {@code random} makes the path token (a {@code SecureRandom} in the app);
     * after {@code limit} the wait ends with a {@link java.util.concurrent.TimeoutException}.
     */
    public static ApprovalListener open(RandomGenerator random, Duration limit) throws IOException {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        var listener = new ApprovalListener(server, HexFormat.of().formatHex(bytes));
        server.createContext("/", listener::handle);
        server.start();
        listener.approval.orTimeout(limit.toMillis(), TimeUnit.MILLISECONDS)
                .whenCompleteAsync((result, failure) -> server.stop(0));
        return listener;
    }

    /**
     * The writer's answer: {@link Approval}, or a {@link java.util.concurrent.TimeoutException}
     * after the time limit, or a {@link CancellationException} after {@link #cancel()}.
     */
    public CompletableFuture<Approval> approval() {
        return approval;
    }

    /** Where WordPress sends the browser after an approval. */
    public URI successUrl() {
        return callback("approved");
    }

    /** Where WordPress sends the browser after a refusal. */
    public URI rejectUrl() {
        return callback("rejected");
    }

    /**
     * The site's Authorize Application page, returning to this listener. The name the password
     * gets in WordPress carries a short part of the token, because WordPress refuses a second
     * password of the same name for a user (a writer who connects again).
     */
    public URI authorizeUrl(URI siteAddress) {
        return authorizePage(siteAddress, appName, Map.of("success_url", successUrl().toString(),
                "reject_url", rejectUrl().toString()));
    }

    /**
     * The Authorize Application page without a way back: WordPress shows the new password on the
     * page, for the writer to paste. The way for sites that refuse an {@code http://} success URL.
     */
    public static URI pasteUrl(URI siteAddress) {
        return authorizePage(siteAddress, "Postwright", Map.of());
    }

    /** Ends the wait: {@link #approval()} fails with a {@link CancellationException}; the port closes. */
    public void cancel() {
        approval.completeExceptionally(new CancellationException("The approval was cancelled."));
    }

    @Override
    public void close() {
        cancel();
    }

    private URI callback(String outcome) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + token + "/" + outcome);
    }

    private static URI authorizePage(URI siteAddress, String appName, Map<String, String> more) {
        String base = siteAddress.toString().endsWith("/") ? siteAddress.toString() : siteAddress + "/";
        StringBuilder url = new StringBuilder(base).append("wp-admin/authorize-application.php?app_name=")
                .append(encode(appName)).append("&app_id=").append(APP_ID);
        // success_url before reject_url, as WordPress's own documentation lists them
        for (String key : new String[] {"success_url", "reject_url"}) {
            if (more.containsKey(key)) url.append('&').append(key).append('=').append(encode(more.get(key)));
        }
        return URI.create(url.toString());
    }

    private void handle(HttpExchange exchange) throws IOException {
        Approval outcome;
        try (exchange) {
            outcome = answer(exchange);
        }
        // Only once the browser has its page: the port closes when the wait ends.
        if (outcome != null) approval.complete(outcome);
    }

    /** Answers the browser; returns the outcome a valid callback brings, else null. */
    private Approval answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        boolean approved = path.equals("/" + token + "/approved");
        boolean rejected = path.equals("/" + token + "/rejected");
        if (!"GET".equals(exchange.getRequestMethod()) || !(approved || rejected) || approval.isDone()) {
            answer(exchange, 404, page("Not found."));
            return null;
        }
        Map<String, String> query;
        try {
            query = query(exchange.getRequestURI().getRawQuery());
        } catch (IllegalArgumentException badEscape) {
            answer(exchange, 400, page("This address is not one WordPress sends."));
            return null;
        }
        if (rejected || "false".equals(query.get("success"))) {
            answer(exchange, 200, REJECTED_PAGE);
            return new Approval.Rejected();
        }
        String user = query.getOrDefault("user_login", "");
        String password = query.getOrDefault("password", "");
        if (user.isBlank() || password.isBlank()) {
            answer(exchange, 400, page("This address needs the user and password WordPress sends."));
            return null;
        }
        URI siteUrl = null;
        try {
            if (query.containsKey("site_url")) siteUrl = URI.create(query.get("site_url"));
        } catch (IllegalArgumentException notAnAddress) {
            // WordPress always sends one; the user and password are what matter
        }
        answer(exchange, 200, APPROVED_PAGE);
        return new Approval.Approved(siteUrl, user, password);
    }

    private static void answer(HttpExchange exchange, int status, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "text/html; charset=utf-8");
        headers.set("Cache-Control", "no-store");
        // The address holds the password: no page it could be sent on to, no script to run.
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null) return values;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) continue;
            values.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String page(String sentence) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Postwright</title></head>"
                + "<body style=\"font-family: sans-serif; margin: 3em\"><p>" + sentence + "</p></body></html>";
    }

    @Override
    public String toString() {
        return "ApprovalListener[port=" + server.getAddress().getPort() + "]";
    }
}
