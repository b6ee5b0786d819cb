package dev.postwright.seo.checks;

import dev.postwright.model.SeoAnalysis;
import dev.postwright.seo.text.PostText;
import java.util.Optional;

/** At least 300 words give search engines enough to understand a post. */
public final class TextLength implements SeoCheck {
    public static final String ID = "text-length";

    private static final About ABOUT = new About(ID, Verdict.SEO, "Text length");

    @Override
    public About about() {
        return ABOUT;
    }

    @Override
    public Optional<SeoAnalysis.Check> assess(PostText post) {
        int words = post.wordCount();
        if (words >= 300) return Verdict.seo(ID, Verdict.GOOD, "The text has " + words + " words, enough to rank.");
        String more = "; add at least " + (300 - words) + " more to reach 300.";
        if (words >= 250) return Verdict.seo(ID, Verdict.OK, "The text has " + words + " words" + more);
        if (words >= 200) return Verdict.seo(ID, Verdict.PROBLEM, "The text has only " + words + " words" + more);
        if (words >= 100) return Verdict.seo(ID, -10, "The text has only " + words + " words, far too few" + more);
        return Verdict.seo(ID, -20, "The text has " + words + " words, too few to rank at all" + more);
    }
}
