package dev.postwright.seo.checks;

import dev.postwright.model.SeoAnalysis;
import dev.postwright.seo.text.PostText;
import java.util.Optional;

/** A keyphrase of 1-4 content words is focused; more dilutes it; none makes most checks impossible. */
public final class KeyphraseLength implements SeoCheck {
    public static final String ID = "keyphrase-length";

    private static final About ABOUT = new About(ID, Verdict.SEO, "Keyphrase length");

    @Override
    public About about() {
        return ABOUT;
    }

    @Override
    public Optional<SeoAnalysis.Check> assess(PostText post) {
        var keyphrase = post.keyphrase();
        if (!keyphrase.isSet()) {
            return Verdict.seo(ID, 1, "Set a focus keyphrase: the search phrase this post should rank for.");
        }
        int words = keyphrase.contentWordCount();
        if (words <= 4) return Verdict.seo(ID, Verdict.GOOD, "The keyphrase has a focused length.");
        if (words <= 8) {
            return Verdict.seo(ID, Verdict.OK, "The keyphrase has " + words + " content words; 4 or fewer keep it "
                    + "focused.");
        }
        return Verdict.seo(ID, Verdict.PROBLEM, "The keyphrase has " + words + " content words, too many to rank for; "
                + "shorten it to 4 or fewer.");
    }
}
