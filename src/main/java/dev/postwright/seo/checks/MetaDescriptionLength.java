package dev.postwright.seo.checks;

import dev.postwright.model.SeoAnalysis;
import dev.postwright.seo.text.PostText;
import java.util.Optional;

/** A meta description of 121-156 characters shows in full in search results without being thin. */
public final class MetaDescriptionLength implements SeoCheck {
    public static final String ID = "meta-description-length";

    private static final About ABOUT = new About(ID, Verdict.SEO, "Meta description length");

    @Override
    public About about() {
        return ABOUT;
    }

    @Override
    public Optional<SeoAnalysis.Check> assess(PostText post) {
        int length = post.metaDescription().strip().length();
        if (length == 0) {
            return Verdict.seo(ID, 1, "Write a meta description: search engines show it under your title.");
        }
        if (length > 120 && length < 157) {
            return Verdict.seo(ID, Verdict.GOOD, "The meta description has a good length (" + length + " characters).");
        }
        if (length <= 120) {
            return Verdict.seo(ID, Verdict.OK, "The meta description has " + length + " characters; use up to 156 "
                    + "to say more.");
        }
        return Verdict.seo(ID, Verdict.OK, "The meta description has " + length + " characters and will be cut off; "
                + "keep it under 157.");
    }
}
