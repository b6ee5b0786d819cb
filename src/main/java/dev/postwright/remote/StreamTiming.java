package dev.postwright.remote;

import java.time.Duration;

/**
 * How a job API client watches and retries its streams.
 *
 * @param silence      no bytes for this long and the stream is taken for dead (twice the keepalive)
 * @param firstRetry   the first reconnect delay; doubled each failed attempt, with jitter
 * @param longestRetry the cap on the reconnect delay
 */
public record StreamTiming(Duration silence, Duration firstRetry, Duration longestRetry) {
    public static final StreamTiming DEFAULTS = new StreamTiming(Duration.ofSeconds(30), Duration.ofMillis(500),
            Duration.ofSeconds(30));
}
