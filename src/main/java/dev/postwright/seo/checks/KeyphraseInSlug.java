package dev.postwright.seo.checks;

import dev.postwright.model.SeoAnalysis;
import dev.postwright.seo.text.Keyphrase;
import dev.postwright.seo.text.PostText;
import java.util.Optional;

/** The slug (the URL's last part) should hold the keyphrase: all of a short one, most of a long one. */
public final class KeyphraseInSlug implements SeoCheck {
    public static final String ID = "keyphrase-in-slug";

    @Override
    public Optional<SeoAnalysis.Check> assess(PostText post) {
        var keyphrase = post.keyphrase();
        if (!keyphrase.isSet()) return Optional.empty();
        if (post.slug().isBlank()) {
            return Verdict.seo(ID, Verdict.PROBLEM, "Give the post a slug (its URL name) that uses the keyphrase.");
        }
        int words = keyphrase.contentWordCount();
        int found = keyphrase.countIn(Keyphrase.WordSet.of(post.slug().replace('-', ' ')));
        boolean enough = words <= 2 ? found == words : 2 * found > words;
        if (enough) return Verdict.seo(ID, Verdict.GOOD, "The slug contains the keyphrase.");
        if (found > 0) {
            return Verdict.seo(ID, Verdict.OK, "The slug has only part of the keyphrase; use more of its words.");
        }
        return Verdict.seo(ID, Verdict.PROBLEM, "Use the keyphrase in the slug, e.g. \""
                + keyphrase.text().toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-") + "\".");
    }
}
