package dev.postwright.seo.checks;

import dev.postwright.model.SeoAnalysis;
import dev.postwright.seo.text.Keyphrase;
import dev.postwright.seo.text.PostText;
import java.util.Optional;

/**
 * The slug (the URL's last part) should hold the keyphrase: all of a keyphrase of one or two
 * content words, more than half of a longer one (9); anything less is 6, and no slug 3.
 */
public final class KeyphraseInSlug implements SeoCheck {
    public static final String ID = "keyphrase-in-slug";

    private static final About ABOUT = new About(ID, Verdict.SEO, "Keyphrase in slug");

    @Override
    public About about() {
        return ABOUT;
    }

    @Override
    public Optional<SeoAnalysis.Check> assess(PostText post) {
        if (!post.keyphrase().isSet()) return Optional.empty();
        if (post.slug().isBlank()) {
            return Verdict.seo(ID, Verdict.PROBLEM, "Give the post a slug (its URL name) that uses the keyphrase.");
        }
        // A slug writes every space as a hyphen, so "two-factor" in the keyphrase is two words here.
        var keyphrase = Keyphrase.of(post.keyphrase().text().replace('-', ' '));
        int words = keyphrase.contentWordCount();
        int found = keyphrase.countIn(Keyphrase.WordSet.of(post.slug().replace('-', ' ')));
        boolean enough = words < 3 ? found == words : 2 * found > words;
        if (enough) return Verdict.seo(ID, Verdict.GOOD, "The slug contains the keyphrase.");
        return Verdict.seo(ID, Verdict.OK, (found > 0 ? "The slug has only part of the keyphrase" : "The slug lacks the "
                + "keyphrase") + "; use it, e.g. \""
                + post.keyphrase().text().toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-") + "\".");
    }
}
