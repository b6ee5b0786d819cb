package dev.postwright.seo.checks;

import dev.postwright.model.SeoAnalysis;
import dev.postwright.seo.text.PostText;
import java.util.Optional;

/** The keyphrase belongs in the first paragraph, ideally within one sentence. */
public final class KeyphraseInIntroduction implements SeoCheck {
    public static final String ID = "keyphrase-in-introduction";

    private static final About ABOUT = new About(ID, Verdict.SEO, "Keyphrase in introduction");

    @Override
    public About about() {
        return ABOUT;
    }

    @Override
    public Optional<SeoAnalysis.Check> assess(PostText post) {
        var keyphrase = post.keyphrase();
        var intro = post.introduction();
        if (!keyphrase.isSet() || intro == null) return Optional.empty();
        if (intro.sentences().stream().anyMatch(s -> keyphrase.isAllIn(s.stems()))) {
            return Verdict.seo(ID, Verdict.GOOD, "The first paragraph names your keyphrase in one sentence.");
        }
        if (keyphrase.isAllIn(intro.text())) {
            return Verdict.seo(ID, Verdict.OK, "The keyphrase's words are all in the first paragraph, but spread over "
                    + "several sentences; bring them together in one sentence.");
        }
        return Verdict.seo(ID, Verdict.PROBLEM, "Use \"" + keyphrase.text() + "\" in the first paragraph, so readers "
                + "and search engines see at once what the post is about.");
    }
}
