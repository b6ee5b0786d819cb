package dev.postwright.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {
    @Test
    void idsAreVersion7UuidsThatSortByCreationTime() {
        var clock = new MutableClock(Instant.parse("2026-11-21T09:00:00Z"));
        var ids = new TimeOrderedIds(clock, new Random(1));
        String earlier = ids.get();
        clock.advance(Duration.ofMillis(1));
        String later = ids.get();
        UUID uuid = UUID.fromString(earlier);
        assertThat(uuid.version()).isEqualTo(7);
        assertThat(uuid.variant()).isEqualTo(2);
        assertThat(uuid.getMostSignificantBits() >>> 16).isEqualTo(Instant.parse("2026-11-21T09:00:00Z").toEpochMilli());
        assertThat(earlier).isLessThan(later);
    }

    @Test
    void idsInTheSameMillisecondDifferInTheirRandomBits() {
        var ids = new TimeOrderedIds(new MutableClock(Instant.EPOCH), new Random(2));
        var seen = new HashSet<String>();
        for (int i = 0; i < 10_000; i++) assertThat(seen.add(ids.get())).isTrue();
    }
}
