package dev.postwright.seo.checks;

import dev.postwright.model.SeoAnalysis;
import dev.postwright.seo.text.PostText;
import java.util.Locale;
import java.util.Optional;

/** The SEO title should start with the exact keyphrase (function words such as "How to" may come first). */
public final class KeyphraseInSeoTitle implements SeoCheck {
    public static final String ID = "keyphrase-in-seo-title";

    private static final About ABOUT = new About(ID, Verdict.SEO, "Keyphrase in SEO title");

    @Override
    public About about() {
        return ABOUT;
    }

    @Override
    public Optional<SeoAnalysis.Check> assess(PostText post) {
        var keyphrase = post.keyphrase();
        if (!keyphrase.isSet() || post.title().isBlank()) return Optional.empty();
        String title = post.title().strip().toLowerCase(Locale.ROOT);
        String phrase = keyphrase.text().toLowerCase(Locale.ROOT);
        if (keyphrase.opens(post.title())) {
            return Verdict.seo(ID, Verdict.GOOD, "The title starts with the exact keyphrase.");
        }
        if (title.contains(phrase) || keyphrase.isAllIn(post.title())) {
            return Verdict.seo(ID, Verdict.OK, "The title contains the keyphrase; move it, word for word, to the start.");
        }
        return Verdict.seo(ID, 2, "Put \"" + keyphrase.text() + "\" in the title, ideally at the start.");
    }
}
