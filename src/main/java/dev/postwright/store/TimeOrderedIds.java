package dev.postwright.store;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * UUIDv7 job ids (RFC 9562): 48 bits of Unix milliseconds, then 74 random bits. New jobs sort
 * after old ones, so inserts land at the end of the id index instead of at random pages, and
 * the random part keeps ids unguessable. Used for jobs and posts. Thread-safe when the random
 * generator is.
 */
public final class TimeOrderedIds implements Supplier<String> {
    private final Clock clock;
    private final RandomGenerator random;

    public TimeOrderedIds(Clock clock, RandomGenerator random) {
        this.clock = clock;
        this.random = random;
    }

    @Override
    public String get() {
        long millis = clock.millis() & 0xFFFF_FFFF_FFFFL;
        long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
