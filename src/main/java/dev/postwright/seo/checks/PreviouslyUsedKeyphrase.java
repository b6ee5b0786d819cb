package dev.postwright.seo.checks;

import dev.postwright.model.SeoAnalysis;
import dev.postwright.seo.text.PostText;
import java.util.Optional;

/** Two posts of one site competing for the same keyphrase both rank worse. */
public final class PreviouslyUsedKeyphrase implements SeoCheck {
    public static final String ID = "previously-used-keyphrase";

    private static final About ABOUT = new About(ID, Verdict.SEO, "Previously used keyphrase");

    @Override
    public About about() {
        return ABOUT;
    }

    @Override
    public Optional<SeoAnalysis.Check> assess(PostText post) {
        if (!post.keyphrase().isSet()) return Optional.empty();
        int uses = post.earlierUses();
        if (uses == 0) return Verdict.seo(ID, Verdict.GOOD, "No other post in your library uses this keyphrase.");
        if (uses == 1) {
            return Verdict.seo(ID, Verdict.OK, "Another post in your library already uses this keyphrase; pick a "
                    + "distinct one or link the two posts.");
        }
        return Verdict.seo(ID, 1, uses + " other posts in your library use this keyphrase; they compete with each "
                + "other, so choose a different one.");
    }
}
