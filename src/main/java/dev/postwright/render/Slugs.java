package dev.postwright.render;

import java.text.Normalizer;
import java.util.Locale;

/** URL slugs from titles: "Sourdough für Anfänger!" → "sourdough-fur-anfanger". */
public final class Slugs {
    private static final int MAX = 80;

    private Slugs() {}

    public static String of(String title) {
        if (title == null) return "";
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() <= MAX) return slug;
        String cut = slug.substring(0, MAX);
        int lastDash = cut.lastIndexOf('-');
        return lastDash > MAX / 2 ? cut.substring(0, lastDash) : cut;
    }
}
