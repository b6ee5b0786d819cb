package dev.postwright.queue.internal;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** Exponential backoff with full jitter: attempt n waits a random time up to base·2^(n-1), capped. */
final class Backoff {
    private final Duration base;
    private final Duration max;
    private final RandomGenerator random;

    Backoff(Duration base, Duration max, RandomGenerator random) {
        this.base = base;
        this.max = max;
        this.random = random;
    }

    /** The delay before the run after {@code attempt} (1-based); at least half the exponential step. */
    Duration after(int attempt) {
        long ceiling = Math.min(max.toMillis(), base.toMillis() << Math.min(attempt - 1, 20));
        long half = ceiling / 2;
        return Duration.ofMillis(half + (half > 0 ? random.nextLong(half + 1) : 0));
    }
}
