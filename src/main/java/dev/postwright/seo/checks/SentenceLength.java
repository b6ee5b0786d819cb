package dev.postwright.seo.checks;

import dev.postwright.model.SeoAnalysis;
import dev.postwright.seo.text.PostText;
import java.util.Optional;

/** At most a quarter of the sentences should run past 20 words. */
public final class SentenceLength implements SeoCheck {
    public static final String ID = "sentence-length";

    private static final About ABOUT = new About(ID, Verdict.READABILITY, "Sentence length");

    @Override
    public About about() {
        return ABOUT;
    }
    static final int LONG = 20;

    @Override
    public Optional<SeoAnalysis.Check> assess(PostText post) {
        if (post.sentences().isEmpty()) return Optional.empty();
        long longOnes = post.sentences().stream().filter(s -> s.words().size() > LONG).count();
        double share = 100.0 * longOnes / post.sentences().size();
        String found = Verdict.oneDecimal(share) + " % of the sentences have more than " + LONG + " words";
        if (share <= 25) return Verdict.readability(ID, Verdict.GOOD, "Sentences are of a readable length.");
        if (share <= 30) return Verdict.readability(ID, Verdict.OK, found + "; shorten a few to stay under 25 %.");
        return Verdict.readability(ID, Verdict.PROBLEM, found + ", more than the 25 % readers take easily; "
                + "split the longest.");
    }
}
