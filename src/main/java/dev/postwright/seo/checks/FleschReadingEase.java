package dev.postwright.seo.checks;

import dev.postwright.model.SeoAnalysis;
import dev.postwright.seo.text.PostText;
import java.util.Optional;

/**
 * Flesch reading ease (English): 206.835 − 1.015 · words per sentence − 84.6 · syllables per
 * word. 60 or more is plain English; below 50 is hard going for a general audience.
 */
public final class FleschReadingEase implements SeoCheck {
    public static final String ID = "flesch-reading-ease";

    private static final About ABOUT = new About(ID, Verdict.READABILITY, "Flesch reading ease");

    @Override
    public About about() {
        return ABOUT;
    }

    @Override
    public Optional<SeoAnalysis.Check> assess(PostText post) {
        int words = post.sentences().stream().mapToInt(s -> s.words().size()).sum();
        if (words == 0) return Optional.empty();
        return verdict(score(words, post.sentences().size(), post.syllableCount()));
    }

    static Optional<SeoAnalysis.Check> verdict(double score) {
        String found = "The text scores " + Verdict.oneDecimal(score) + " on the Flesch reading ease test";
        if (score >= 60) return Verdict.readability(ID, Verdict.GOOD, found + ": easy to read.");
        if (score >= 50) {
            return Verdict.readability(ID, Verdict.OK, found + ": fairly difficult; use shorter sentences and words.");
        }
        return Verdict.readability(ID, Verdict.PROBLEM, found + ": difficult; shorten sentences and prefer short, "
                + "common words.");
    }

    static double score(int words, int sentences, int syllables) {
        return 206.835 - 1.015 * words / sentences - 84.6 * syllables / words;
    }
}
