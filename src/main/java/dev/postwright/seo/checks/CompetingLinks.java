package dev.postwright.seo.checks;

import dev.postwright.model.SeoAnalysis;
import dev.postwright.seo.text.PostText;
import java.util.Optional;

/**
 * A link whose text is the keyphrase sends readers, and ranking, to another page for the same
 * search. Judged whenever there is a keyphrase: no such link (no links at all included) scores 8.
 */
public final class CompetingLinks implements SeoCheck {
    public static final String ID = "competing-links";

    private static final About ABOUT = new About(ID, Verdict.SEO, "Competing links");

    @Override
    public About about() {
        return ABOUT;
    }

    @Override
    public Optional<SeoAnalysis.Check> assess(PostText post) {
        var keyphrase = post.keyphrase();
        if (!keyphrase.isSet()) return Optional.empty(); // a post without links competes with nothing: good
        long competing = post.links().stream().filter(l -> keyphrase.isAllIn(l.anchor())).count();
        if (competing == 0) return Verdict.seo(ID, 8, "No link uses your keyphrase as its text.");
        return Verdict.seo(ID, 2, Verdict.count((int) competing, "link uses", "links use")
                + " the keyphrase as link text, competing with this post; reword the link text.");
    }
}
