package dev.postwright.publish.wordpress;

import dev.postwright.testing.TestServer;
import java.io.IOException;
import java.time.Duration;
import java.util.Properties;

/**
 * The real WordPress of src/test/wordpress/start.sh, started once per test JVM and stopped by
 * stop.sh when the JVM exits. Without the Debian packages it skips, unless
 * POSTWRIGHT_REQUIRE_WORDPRESS=1 (set by .ci/run), when it fails.
 */
public final class TestWordPress {
    private static final TestServer SERVER = new TestServer("WordPress", "src/test/wordpress", "wordpress-site",
            "site.properties", "POSTWRIGHT_REQUIRE_WORDPRESS", "apt-get install wordpress mariadb-server php-mysql php-cli php-gd");

    private TestWordPress() {
    }

    public static Properties site() {
        return SERVER.properties();
    }

    /** How many posts, in any status, the site finds carrying Postwright's marker for {@code postId} (its X-WP-Total). */
    public static int postsCarrying(String postId) throws IOException, InterruptedException {
        Properties wp = site();
        String auth = java.util.Base64.getEncoder().encodeToString((wp.getProperty("user") + ":"
                + wp.getProperty("applicationPassword").replace(" ", "")).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(wp.getProperty("url") + "/wp-json/wp/v2/posts?status=any&context=edit&search="
                                + Markers.searchTerm(postId)))
                .header("Authorization", "Basic " + auth).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        return Integer.parseInt(response.headers().firstValue("X-WP-Total").orElseThrow());
    }

    public static Duration timeout() {
        return Duration.ofSeconds(20);
    }
}
