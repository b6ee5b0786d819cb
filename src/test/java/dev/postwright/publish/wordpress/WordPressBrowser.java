package dev.postwright.publish.wordpress;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a writer's browser does with WordPress's Authorize Application page, over real HTTP: logs
 * in through {@code wp-login.php} (keeping cookies), opens the page, reads its form (the nonce
 * and the hidden fields) and presses one of its buttons, as a browser without scripts would;
 * then follows WordPress's redirect wherever it leads (the approval listener).
 */
public final class WordPressBrowser {
    private static final Pattern FORM = Pattern.compile("<form action=\"([^\"]*authorize-application\\.php[^\"]*)\""
            + "[^>]*method=\"post\"[^>]*>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern INPUT = Pattern.compile("<input([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w[\\w-]*)=\"([^\"]*)\"");

    /** The button pressed on the page. */
    public enum Button {
        APPROVE("approve"), REJECT("reject");

        final String name;

        Button(String name) {
            this.name = name;
        }
    }

    /** A page the browser ended on. */
    public record Page(URI address, int status, String body) {}

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final URI site;

    public WordPressBrowser(URI site) {
        this.site = site;
    }

    /** Logs in as WordPress's login form does; fails when WordPress does not set its cookie. */
    public WordPressBrowser logIn(String user, String password) throws IOException, InterruptedException {
        URI login = site.resolve("wp-login.php");
        send(HttpRequest.newBuilder(login).GET()); // sets wordpress_test_cookie, as the page does
        HttpResponse<String> answer = send(HttpRequest.newBuilder(login).POST(form(Map.of("log", user, "pwd", password,
                "wp-submit", "Log In", "redirect_to", site.resolve("wp-admin/").toString(), "testcookie", "1")))
                .header("Content-Type", "application/x-www-form-urlencoded"));
        if (answer.statusCode() != 302 || answer.headers().allValues("Set-Cookie").stream()
                .noneMatch(c -> c.startsWith("wordpress_logged_in_"))) {
            throw new IllegalStateException("WordPress did not log " + user + " in: HTTP " + answer.statusCode());
        }
        return this;
    }

    /** Opens the Authorize Application page at {@code authorizeUrl}, as WordPress sends it. */
    public Page open(URI authorizeUrl) throws IOException, InterruptedException {
        HttpResponse<String> page = send(HttpRequest.newBuilder(authorizeUrl).GET());
        return new Page(authorizeUrl, page.statusCode(), page.body());
    }

    /**
     * Opens the page, presses {@code button} and follows where WordPress sends the browser (one
     * redirect, as the success or reject URL is not WordPress's own).
     */
    public Page press(URI authorizeUrl, Button button) throws IOException, InterruptedException {
        Page page = open(authorizeUrl);
        Matcher form = FORM.matcher(page.body());
        if (page.status() != 200 || !form.find()) {
            throw new IllegalStateException("No Authorize Application form (HTTP " + page.status() + "): "
                    + page.body().replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(form.group(2));
        while (input.find()) {
            Map<String, String> attributes = attributes(input.group(1));
            if (attributes.containsKey("name") && !"submit".equals(attributes.get("type"))) {
                fields.put(attributes.get("name"), attributes.getOrDefault("value", ""));
            }
        }
        fields.put(button.name, "pressed"); // WordPress looks only at which button is set
        HttpResponse<String> answer = send(HttpRequest.newBuilder(site.resolve(unescape(form.group(1))))
                .POST(form(fields)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Referer", authorizeUrl.toString()));
        if (answer.statusCode() != 302) {
            throw new IllegalStateException("WordPress did not redirect after " + button + ": HTTP " + answer.statusCode());
        }
        URI next = URI.create(answer.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> landed;
        try {
            landed = send(HttpRequest.newBuilder(next).GET());
        } catch (IOException e) {
            throw new IOException("WordPress sent the browser to " + next + ", which did not answer", e);
        }
        return new Page(next, landed.statusCode(), landed.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(TestWordPress.timeout()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(tag);
        while (m.find()) attributes.put(m.group(1), unescape(m.group(2)));
        return attributes;
    }

    private static String unescape(String html) {
        return html.replace("&#038;", "&").replace("&amp;", "&").replace("&quot;", "\"").replace("&#039;", "'");
    }

    private static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        return HttpRequest.BodyPublishers.ofString(fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }
}
