package dev.postwright.seo.checks;

import dev.postwright.model.SeoAnalysis;
import dev.postwright.seo.text.PostText;
import java.util.Optional;

/** One H1 (the title) per page; more confuse what the page is about. At most one scores 8, as in the reference. */
public final class SingleH1 implements SeoCheck {
    public static final String ID = "single-h1";

    private static final About ABOUT = new About(ID, Verdict.SEO, "Single H1 heading");

    @Override
    public About about() {
        return ABOUT;
    }

    @Override
    public Optional<SeoAnalysis.Check> assess(PostText post) {
        long h1 = post.headings().stream().filter(h -> h.level() == 1).count();
        // 8, not 9: the reference analysis scores a single title so, and the overall score is its sum.
        if (h1 <= 1) return Verdict.seo(ID, 8, "The post has at most one H1 heading.");
        return Verdict.seo(ID, 1, "The post has " + h1 + " H1 headings; keep one (the title) and make the others H2.");
    }
}
