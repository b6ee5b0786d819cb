package dev.postwright.seo.checks;

import dev.postwright.model.SeoAnalysis;
import dev.postwright.seo.text.PostText;
import dev.postwright.seo.text.Sentence;
import dev.postwright.seo.text.Words;
import java.util.Optional;

/**
 * How often the keyphrase is used, as the reference analysis counts it: every sentence of the
 * text, headings included, adds as many uses as its rarest keyphrase word appears; the density
 * (uses per 100 words) is weighted by the keyphrase's length ({@code 0.7 + k / 3} for k content
 * words), because a long phrase repeated is heavier than a short one. Weighted 0.5–3 % is good;
 * below is too rare; 3–4 % over-optimised (−10); above, stuffing (−50). Texts under 100 words are
 * judged by count instead: once is good (twice above 50 words), one more is over-optimised. A
 * keyphrase with no text at all scores −50, as in the reference: there is nothing to rank.
 */
public final class KeyphraseDensity implements SeoCheck {
    public static final String ID = "keyphrase-density";

    private static final About ABOUT = new About(ID, Verdict.SEO, "Keyphrase density");

    @Override
    public About about() {
        return ABOUT;
    }
    private static final double MINIMUM = 0.5;
    private static final double MAXIMUM = 3;
    private static final double OVER_MAXIMUM = 4;

    @Override
    public Optional<SeoAnalysis.Check> assess(PostText post) {
        var keyphrase = post.keyphrase();
        if (!keyphrase.isSet()) return Optional.empty();
        int words = post.wordCount();
        int uses = 0;
        for (Sentence s : post.sentences()) uses += keyphrase.occurrencesIn(s.words());
        for (PostText.Heading h : post.headings()) {
            words += Words.count(h.text());
            uses += keyphrase.occurrencesIn(Words.of(h.text()));
        }
        if (words == 0) return Verdict.seo(ID, -50, "Write the text first; the keyphrase has nowhere to appear.");
        String found = "The keyphrase appears " + Verdict.count(uses, "time", "times") + " in " + words + " words";
        if (words < 100) return shortText(uses, words, found);
        double factor = 0.7 + keyphrase.contentWordCount() / 3.0;
        double density = 100.0 * uses / words * factor;
        int fewest = recommended(MINIMUM, words, factor, true);
        int most = recommended(MAXIMUM, words, factor, false);
        if (uses == 0 || density < MINIMUM || uses == 1) {
            return Verdict.seo(ID, 4, found + "; use it " + fewest + " to " + most + " times.");
        }
        if (density <= MAXIMUM || (uses == 2 && fewest <= 2)) {
            return Verdict.seo(ID, Verdict.GOOD, found + ", which is just right.");
        }
        if (density <= OVER_MAXIMUM) {
            return Verdict.seo(ID, -10, found + ", more than needed; use it at most " + most + " times.");
        }
        return Verdict.seo(ID, -50, found + ", which reads as keyword stuffing; use it at most " + most + " times.");
    }

    private static Optional<SeoAnalysis.Check> shortText(int uses, int words, String found) {
        int most = words > 50 ? 2 : 1;
        if (uses == 0) return Verdict.seo(ID, 4, found + "; use it at least once.");
        if (uses <= most) return Verdict.seo(ID, Verdict.GOOD, found + ", which is just right for a short text.");
        if (uses == most + 1) {
            return Verdict.seo(ID, -10, found + ", more than a text this short needs; use it at most "
                    + Verdict.count(most, "time", "times") + ".");
        }
        return Verdict.seo(ID, -50, found + ", which reads as keyword stuffing; use it at most "
                + Verdict.count(most, "time", "times") + ".");
    }

    /** The number of uses a weighted density stands for in a text of {@code words}; never below 2. */
    private static int recommended(double density, int words, double factor, boolean atLeast) {
        double uses = density * words / (100 * factor);
        if (uses < 2) return 2;
        return (int) (atLeast ? Math.ceil(uses) : Math.floor(uses));
    }
}
