package dev.postwright.publish.wordpress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Test connection", step by step: the home page (is it WordPress: the {@code api.w.org} Link
 * header), the API root ({@code /wp-json/}, then {@code ?rest_route=/}), the feed's generator
 * for the version, then {@code users/me?context=edit} with the password. Redirects are not
 * followed, so a login redirect is seen as one.
 */
final class ConnectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VERSION = Pattern.compile("wordpress\\.org/\\?v=([0-9][0-9.]*)");

    private final HttpClient http;
    private final Site site;
    private final String authorization;
    private final Duration timeout;

    ConnectionTest(HttpClient http, Site site, String authorization, Duration timeout) {
        this.http = http;
        this.site = site;
        this.authorization = authorization;
        this.timeout = timeout;
    }

    ConnectionCheck run() {
        try {
            HttpResponse<String> home = get(site.address(), false);
            boolean linksApi = home.headers().allValues("Link").stream().anyMatch(v -> v.contains(WordPressClient.API_LINK_REL));
            HttpResponse<String> root = get(site.address().resolve("wp-json/"), false);
            if (!isApiRoot(root)) {
                HttpResponse<String> plain = get(site.address().resolve("?rest_route=/"), false);
                if (isApiRoot(plain)) {
                    root = plain;
                } else {
                    Optional<String> login = loginRedirect(root).or(() -> loginRedirect(plain));
                    if (login.isPresent()) {
                        return new ConnectionCheck.RestUnavailable("it redirects to " + login.get());
                    }
                    if (linksApi || home.body().contains("/wp-content/") || jsonCode(root).isPresent()) {
                        return new ConnectionCheck.RestUnavailable(jsonCode(root).map(c -> "the API says " + c)
                                .orElse("/wp-json/ answers HTTP " + root.statusCode()));
                    }
                    return new ConnectionCheck.NotWordPress("/wp-json/ answers HTTP " + root.statusCode());
                }
            }
            String siteName = JSON.readTree(root.body()).path("name").asText(site.name());
            HttpResponse<String> me = get(site.address().resolve("wp-json/wp/v2/users/me?context=edit"), true);
            JsonNode user = json(me);
            if (me.statusCode() == 200 && user.has("id")) {
                boolean canPublish = user.path("capabilities").path("publish_posts").asBoolean(false);
                return new ConnectionCheck.Connected(siteName, version(), user.path("name").asText(site.user()),
                        canPublish);
            }
            String code = user.path("code").asText("");
            String message = user.path("message").asText("HTTP " + me.statusCode());
            return switch (code) {
                case "rest_not_logged_in" -> new ConnectionCheck.NotSignedIn(message);
                case "incorrect_password", "invalid_username", "invalid_email", "application_passwords_disabled",
                     "application_passwords_disabled_for_user" -> new ConnectionCheck.PasswordRefused(message);
                default -> loginRedirect(me).<ConnectionCheck>map(to -> new ConnectionCheck.RestUnavailable(
                        "it redirects to " + to)).orElse(new ConnectionCheck.PasswordRefused(message));
            };
        } catch (IOException e) {
            return new ConnectionCheck.Unreachable(e instanceof java.net.http.HttpTimeoutException
                    ? "it did not answer within " + timeout.toSeconds() + " seconds"
                    : "no connection to " + site.address().getHost());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ConnectionCheck.Unreachable("the test was stopped");
        }
    }

    private Optional<String> version() throws InterruptedException {
        try {
            Matcher m = VERSION.matcher(get(site.address().resolve("?feed=rss2"), false).body());
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean isApiRoot(HttpResponse<String> response) {
        return response.statusCode() == 200 && json(response).path("namespaces").toString().contains("\"wp/v2\"");
    }

    private static Optional<String> loginRedirect(HttpResponse<String> response) {
        return response.statusCode() / 100 == 3
                ? response.headers().firstValue("Location").filter(l -> l.contains("login")).map(l -> "a login page")
                : Optional.empty();
    }

    private static Optional<String> jsonCode(HttpResponse<String> response) {
        return Optional.of(json(response).path("code").asText("")).filter(c -> !c.isEmpty());
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }

    private HttpResponse<String> get(URI uri, boolean signed) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
        if (signed) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
