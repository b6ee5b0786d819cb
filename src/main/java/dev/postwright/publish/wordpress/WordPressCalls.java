package dev.postwright.publish.wordpress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The REST calls of one site: URL building ({@code /wp-json/…}), the Authorization header, and
 * every way a reply can be wrong turned into a sentence. Thread-safe.
 */
final class WordPressCalls {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final Site site;
    private final String authorization;
    private final Duration timeout;

    WordPressCalls(HttpClient http, Site site, String authorization, Duration timeout) {
        this.http = http;
        this.site = site;
        this.authorization = authorization;
        this.timeout = timeout;
    }

    record Reply(int status, JsonNode json, int totalPages) {
    }

    /** A JSON error WordPress sent ({@code code}, {@code message}, {@code data}). */
    static final class SiteError extends Exception {
        private final transient JsonNode body;
        private final int status;
        private final String siteName;

        SiteError(String siteName, int status, JsonNode body) {
            super(body.path("code").asText(), null, false, false);
            this.siteName = siteName;
            this.status = status;
            this.body = body;
        }

        String code() {
            return body.path("code").asText();
        }

        JsonNode data() {
            return body.path("data");
        }

        WordPressException toException() {
            String message = body.path("message").asText("").replaceAll("<[^>]+>", "").strip();
            String said = message.isEmpty() ? "" : ": \"" + message + "\"";
            String sentence = switch (code()) {
                case "rest_upload_file_too_big", "rest_upload_limited_space" ->
                    siteName + " refused the image because it is too big" + said;
                case "rest_upload_sideload_error", "rest_upload_invalid_type", "rest_upload_unknown_error" ->
                    siteName + " refused the image" + said;
                case "rest_not_logged_in", "incorrect_password", "invalid_username" ->
                    siteName + " did not accept the user name and application password" + said;
                case "rest_cannot_create", "rest_cannot_publish", "rest_cannot_edit", "rest_cannot_assign_term",
                     "rest_cannot_create_term" -> siteName + " does not let this user do that" + said;
                default -> status >= 500
                        ? siteName + " had an error of its own (HTTP " + status + "), often a plugin" + said
                        : siteName + " refused the request (HTTP " + status + ")" + said;
            };
            return new WordPressException(sentence + ".", code(), status >= 500 || status == 429);
        }
    }

    Reply get(String route) throws WordPressException {
        return unwrap(() -> call(request(route).GET()));
    }

    Reply getKeepingSiteErrors(String route) throws SiteError, WordPressException {
        return call(request(route).GET());
    }

    Reply send(String method, String route, JsonNode body) throws WordPressException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8);
        return unwrap(() -> call(request(route).header("Content-Type", "application/json")
                .method(method, publisher)));
    }

    Reply sendKeepingSiteErrors(String method, String route, JsonNode body) throws SiteError, WordPressException {
        return call(request(route).header("Content-Type", "application/json").method(method,
                HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
    }

    JsonNode upload(String fileName, String contentType, byte[] bytes) throws WordPressException {
        return unwrap(() -> call(request("wp/v2/media")
                .header("Content-Type", contentType)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)))).json();
    }

    URI uri(String route) {
        return site.address().resolve("wp-json/" + route);
    }

    private HttpRequest.Builder request(String route) {
        return HttpRequest.newBuilder(uri(route)).timeout(timeout).header("Authorization", authorization)
                .header("Accept", "application/json");
    }

    private interface Call {
        Reply run() throws SiteError, WordPressException;
    }

    private Reply unwrap(Call call) throws WordPressException {
        try {
            return call.run();
        } catch (SiteError e) {
            throw e.toException();
        }
    }

    private Reply call(HttpRequest.Builder builder) throws SiteError, WordPressException {
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new WordPressException(site.name() + " did not answer within " + timeout.toSeconds()
                    + " seconds; it may be slow or down.", "timeout", true);
        } catch (ConnectException e) {
            throw new WordPressException("Postwright could not connect to " + site.name() + " ("
                    + site.address().getHost() + "); it may be down or the computer offline.", "unreachable", true);
        } catch (IOException e) {
            throw new WordPressException("The connection to " + site.name() + " broke before it answered.",
                    "connection", true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WordPressException("Stopped before " + site.name() + " answered.", "interrupted", true);
        }
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("");
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (IOException e) {
            json = null;
        }
        if (json == null || json instanceof MissingNode || !type.contains("json")) {
            String what = type.contains("html") || response.body().stripLeading().startsWith("<")
                    ? "a web page instead of the REST API's JSON" : "an answer that is not valid JSON";
            throw new WordPressException(site.name() + " sent " + what + " (HTTP " + status + ")"
                    + (status >= 500 ? ", an error of its own, often a plugin" : "")
                    + ". A plugin or the host may be in the way of the REST API.", "not-json", status >= 500);
        }
        if (status >= 400) {
            throw new SiteError(site.name(), status, json);
        }
        int pages = response.headers().firstValue("X-WP-TotalPages").map(Integer::parseInt).orElse(1);
        return new Reply(status, json, pages);
    }
}
