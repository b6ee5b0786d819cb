package dev.postwright.model;

import java.util.Locale;

/**
 * How much effort a picture is worth, as the Blog SDK's {@code quality} names it. The offline
 * maker spends it on compression (a draft encodes fastest, high gives the smallest file); the
 * image server client does not send it, because servers disagree on its values (see decision 0026).
 */
public enum ImageQuality {
    DRAFT, STANDARD, HIGH;

    /** {@code draft}, {@code standard} or {@code high}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the three values when {@code name} is none of them */
    public static ImageQuality ofWireName(String name) {
        for (ImageQuality q : values()) if (q.wireName().equals(name)) return q;
        throw new IllegalArgumentException("The quality must be draft, standard or high, not \"" + name + "\".");
    }
}
