package dev.postwright.seo.checks;

import dev.postwright.model.SeoAnalysis;
import dev.postwright.seo.text.PostText;
import java.util.Optional;

/** Image alt text should carry the keyphrase: once with few images, on 30-75 % of them with five or more. */
public final class KeyphraseInImageAlt implements SeoCheck {
    public static final String ID = "keyphrase-in-image-alt";

    private static final About ABOUT = new About(ID, Verdict.SEO, "Keyphrase in image alt text");

    @Override
    public About about() {
        return ABOUT;
    }

    @Override
    public Optional<SeoAnalysis.Check> assess(PostText post) {
        var keyphrase = post.keyphrase();
        if (!keyphrase.isSet()) return Optional.empty();
        int images = post.images().size();
        if (images == 0) {
            return Verdict.seo(ID, Verdict.PROBLEM, "Add images, with alt text that uses the keyphrase.");
        }
        long matching = post.images().stream().filter(i -> keyphrase.isAllIn(i.alt())).count();
        if (images < 5) {
            return matching > 0
                    ? Verdict.seo(ID, Verdict.GOOD, "An image's alt text uses the keyphrase.")
                    : Verdict.seo(ID, Verdict.OK, "Use the keyphrase in the alt text of one of your images.");
        }
        double share = 100.0 * matching / images;
        String found = matching + " of " + images + " images have the keyphrase in their alt text";
        if (share >= 30 && share <= 75) return Verdict.seo(ID, Verdict.GOOD, found + ", a good balance.");
        return Verdict.seo(ID, Verdict.OK, found + "; aim for about a third to three quarters of them.");
    }
}
