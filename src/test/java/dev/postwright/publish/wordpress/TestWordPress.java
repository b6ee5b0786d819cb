package dev.postwright.publish.wordpress;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The real WordPress of src/test/wordpress/start.sh, started once per test JVM and stopped by
 * stop.sh when the JVM exits. Without the Debian packages it skips, unless
 * POSTWRIGHT_REQUIRE_WORDPRESS=1 (set by .ci/run), when it fails.
 */
public final class TestWordPress {
    private static Properties site;
    private static String failure;

    private TestWordPress() {
    }

    public static synchronized Properties site() {
        if (site == null && failure == null) {
            start();
        }
        if (failure != null) {
            if ("1".equals(System.getenv("POSTWRIGHT_REQUIRE_WORDPRESS"))) {
                fail("WordPress for the tests did not start: " + failure);
            }
            assumeTrue(false, "WordPress tests skipped: " + failure);
        }
        return site;
    }

    private static void start() {
        Path dir = Path.of("target", "wordpress-site").toAbsolutePath();
        try {
            Process start = new ProcessBuilder("bash", "src/test/wordpress/start.sh", dir.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolveSibling("wordpress-start.log").toFile()).start();
            if (!start.waitFor(120, TimeUnit.SECONDS) || start.exitValue() != 0) {
                start.destroyForcibly();
                failure = "start.sh failed: " + Files.readString(dir.resolveSibling("wordpress-start.log")).strip();
                stop(dir);
                return;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(dir)));
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(dir.resolve("site.properties"))) {
                properties.load(reader);
            }
            site = properties;
        } catch (IOException e) {
            failure = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
        }
    }

    private static void stop(Path dir) {
        try {
            new ProcessBuilder("bash", "src/test/wordpress/stop.sh", dir.toString()).inheritIO().start()
                    .waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            // the JVM is exiting; stop.sh's pid files stay for a manual stop
        }
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
