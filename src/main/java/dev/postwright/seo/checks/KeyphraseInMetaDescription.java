package dev.postwright.seo.checks;

import dev.postwright.model.SeoAnalysis;
import dev.postwright.seo.text.PostText;
import dev.postwright.seo.text.Sentences;
import java.util.Optional;

/** The meta description should hold the keyphrase once or twice. */
public final class KeyphraseInMetaDescription implements SeoCheck {
    public static final String ID = "keyphrase-in-meta-description";

    private static final About ABOUT = new About(ID, Verdict.SEO, "Keyphrase in meta description");

    @Override
    public About about() {
        return ABOUT;
    }

    @Override
    public Optional<SeoAnalysis.Check> assess(PostText post) {
        var keyphrase = post.keyphrase();
        if (!keyphrase.isSet() || post.metaDescription().isBlank()) return Optional.empty();
        long matches = Sentences.of(post.metaDescription()).stream().filter(keyphrase::isAllIn).count();
        if (matches == 0) {
            return Verdict.seo(ID, Verdict.PROBLEM, "Put the keyphrase in the meta description; search results show "
                    + "it in bold.");
        }
        if (matches <= 2) return Verdict.seo(ID, Verdict.GOOD, "The meta description contains the keyphrase.");
        return Verdict.seo(ID, Verdict.PROBLEM, "The meta description repeats the keyphrase " + matches
                + " times; once or twice reads better.");
    }
}
