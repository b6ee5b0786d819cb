package dev.postwright.ui.settings;

import dev.postwright.settings.SiteBook;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * What the Sites card needs: the writer's sites, the HTTP client that reaches them, the browser
 * WordPress's approval page opens in, the randomness of the approval's path token (a
 * {@code SecureRandom} in the app) and how long an approval is waited for.
 */
public record SiteServices(SiteBook book, HttpClient http, Browser browser, RandomGenerator random,
                           Duration approvalLimit) {
    /** How long the app waits for WordPress's approval page to answer. */
    public static final Duration APPROVAL_LIMIT = Duration.ofMinutes(10);
    /** How long each request of Test connection may take. */
    public static final Duration CHECK_TIMEOUT = Duration.ofSeconds(15);
}
