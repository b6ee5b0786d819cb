package dev.postwright.seo.checks;

import dev.postwright.model.SeoAnalysis;
import dev.postwright.seo.text.PostText;
import java.util.Optional;

/** Search results cut titles wider than about 600 pixels (50-60 characters). */
public final class SeoTitleWidth implements SeoCheck {
    public static final String ID = "seo-title-width";
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

    /** Estimated width in pixels as search results render titles (Arial at 20 px). */
    public static int pixels(String text) {
        double width = 0;
        for (int i = 0; i < text.length(); i++) width += charWidth(text.charAt(i));
        return (int) Math.round(width);
    }

    private static double charWidth(char c) {
        if ("iljI.,;:!|'".indexOf(c) >= 0) return 4.5;
        if ("ftr ()[]-\"".indexOf(c) >= 0) return 6.5;
        if ("mwMW@".indexOf(c) >= 0) return 16.5;
        if (Character.isUpperCase(c)) return 13;
        if (Character.isDigit(c)) return 11;
        return 10.5;
    }
}
