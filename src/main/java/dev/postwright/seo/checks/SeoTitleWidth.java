package dev.postwright.seo.checks;

import dev.postwright.model.SeoAnalysis;
import dev.postwright.seo.text.PostText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Search results cut titles wider than 600 pixels of Arial at 20 px (50-60 characters). */
public final class SeoTitleWidth implements SeoCheck {
    public static final String ID = "seo-title-width";

    private static final About ABOUT = new About(ID, Verdict.SEO, "SEO title width");

    @Override
    public About about() {
        return ABOUT;
    }
    static final int MAX_PIXELS = 600;

    @Override
    public Optional<SeoAnalysis.Check> assess(PostText post) {
        String title = post.title().strip();
        if (title.isEmpty()) return Verdict.seo(ID, 1, "Give the post an SEO title.");
        int width = pixels(title);
        if (width <= MAX_PIXELS) return Verdict.seo(ID, Verdict.GOOD, "The title fits in search results.");
        return Verdict.seo(ID, Verdict.PROBLEM, "The title is about " + width + " px wide and will be cut off in "
                + "search results after " + MAX_PIXELS + " px; shorten it (" + title.length() + " characters now).");
    }

    /**
     * The title's width in pixels as search results render it (Arial at 20 px): the sum of its
     * glyphs' advances, from the table beside this class. A character the table lacks counts as
     * wide as "n", an average lower-case letter.
     */
    public static int pixels(String text) {
        long units = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            units += GlyphWidths.ADVANCES.getOrDefault(c, GlyphWidths.FALLBACK);
            i += Character.charCount(c);
        }
        return (int) Math.round(units * 20.0 / GlyphWidths.UNITS_PER_EM);
    }

    /** The advance widths of Arial's glyphs (title-glyph-widths.txt), read once. */
    private static final class GlyphWidths {
        static final int UNITS_PER_EM = 2048;
        static final Map<Integer, Integer> ADVANCES = read();
        static final int FALLBACK = ADVANCES.getOrDefault((int) 'n', 1139);

        private static Map<Integer, Integer> read() {
            Map<Integer, Integer> advances = new HashMap<>();
            try (InputStream in = SeoTitleWidth.class.getResourceAsStream("title-glyph-widths.txt")) {
                if (in == null) throw new IllegalStateException("title-glyph-widths.txt is missing from the build");
                for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                    if (line.isBlank() || line.startsWith("#")) continue;
                    String[] parts = line.strip().split(" ");
                    advances.put(Integer.parseInt(parts[0], 16), Integer.parseInt(parts[1]));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.copyOf(advances);
        }
    }
}
