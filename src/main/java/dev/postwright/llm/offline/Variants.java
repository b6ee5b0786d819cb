package dev.postwright.llm.offline;

import java.util.SplittableRandom;

/**
 * Deterministic choice among phrasings: the same brief always picks the same ones, different
 * briefs read differently. Not thread-safe; one per draft.
 */
final class Variants {
    private final SplittableRandom random;

    Variants(String seed) {
        this.random = new SplittableRandom(seed.hashCode() * 0x9E3779B97F4A7C15L);
    }

    String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    /** A number from 0 to {@code bound} - 1. */
    int index(int bound) {
        return random.nextInt(bound);
    }
}
