package dev.postwright.jobs;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with equal jitter: attempt n waits between half of base·2^(n-1) and all of
 * it, capped at {@code max}. Used for a job's automatic retries and for a team server's
 * reconnects and polls, so both back off alike. Thread-safe if {@code random} is.
 */
public final class Backoff {
    private final Duration base;
    private final Duration max;
    private final RandomGenerator random;

    public Backoff(Duration base, Duration max, RandomGenerator random) {
        this.base = base;
        this.max = max;
        this.random = random;
    }

    /** The delay before the try after {@code attempt} (1-based); at least half the exponential step. */
    public Duration after(int attempt) {
        long ceiling = Math.min(max.toMillis(), base.toMillis() << Math.min(Math.max(attempt, 1) - 1, 20));
        long half = ceiling / 2;
        return Duration.ofMillis(half + (half > 0 ? random.nextLong(half + 1) : 0));
    }
}
