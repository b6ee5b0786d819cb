package dev.postwright.seo.checks;

import dev.postwright.model.SeoAnalysis;
import dev.postwright.seo.text.PostText;
import java.util.Optional;

/**
 * How often the keyphrase is used: a sentence holding all its content words counts once.
 * 0.5-3 % of the words is good; below is too rare; 3-4 % over-optimised; above 4 % stuffing.
 */
public final class KeyphraseDensity implements SeoCheck {
    public static final String ID = "keyphrase-density";

    @Override
    public Optional<SeoAnalysis.Check> assess(PostText post) {
        var keyphrase = post.keyphrase();
        if (!keyphrase.isSet() || post.wordCount() == 0) return Optional.empty();
        int matches = (int) post.sentences().stream().filter(s -> keyphrase.isAllIn(s.stems())).count();
        double density = 100.0 * matches / post.wordCount();
        int fewest = Math.max(1, (int) Math.ceil(post.wordCount() * 0.005));
        int most = Math.max(fewest, (int) Math.floor(post.wordCount() * 0.03));
        String found = "The keyphrase appears " + Verdict.count(matches, "time", "times") + " in "
                + post.wordCount() + " words (" + Verdict.oneDecimal(density) + " %)";
        if (density < 0.5) {
            return Verdict.seo(ID, 4, found + "; use it " + fewest + " to " + most + " times.");
        }
        if (density <= 3) return Verdict.seo(ID, Verdict.GOOD, found + ", which is just right.");
        if (density <= 4) {
            return Verdict.seo(ID, 4, found + ", more than needed; use it at most " + most + " times.");
        }
        return Verdict.seo(ID, -10, found + ", which reads as keyword stuffing; use it at most " + most + " times.");
    }
}
