package dev.postwright.seo.checks;

import dev.postwright.model.SeoAnalysis;
import java.util.Locale;
import java.util.Optional;

/** Builds check results with the reference analysis's scores: 9 good, 6 ok, 3 (or less) a problem. */
final class Verdict {
    static final String SEO = "seo";
    static final String READABILITY = "readability";
    static final int GOOD = 9;
    static final int OK = 6;
    static final int PROBLEM = 3;

    private Verdict() {}

    static Optional<SeoAnalysis.Check> seo(String id, int score, String explanation) {
        return Optional.of(new SeoAnalysis.Check(id, SEO, score, explanation));
    }

    static Optional<SeoAnalysis.Check> readability(String id, int score, String explanation) {
        return Optional.of(new SeoAnalysis.Check(id, READABILITY, score, explanation));
    }

    /** "1.2" — one decimal, dot separator, for percentages in explanations. */
    static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** "1 time" / "3 times" and the like. */
    static String count(int n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
