package dev.postwright.seo.checks;

import dev.postwright.model.SeoAnalysis;
import dev.postwright.seo.text.Keyphrase;
import dev.postwright.seo.text.PostText;
import java.util.Optional;

/** 30-75 % of the H2/H3 subheadings should reflect the keyphrase (at least half of its words). */
public final class KeyphraseInSubheadings implements SeoCheck {
    public static final String ID = "keyphrase-in-subheadings";

    @Override
    public Optional<SeoAnalysis.Check> assess(PostText post) {
        var keyphrase = post.keyphrase();
        var subheadings = post.headings().stream().filter(h -> h.level() == 2 || h.level() == 3).toList();
        if (!keyphrase.isSet() || subheadings.isEmpty()) return Optional.empty();
        long reflecting = subheadings.stream().filter(h -> 2 * keyphrase.countIn(Keyphrase.WordSet.of(h.text()))
                >= keyphrase.contentWordCount()).count();
        double share = 100.0 * reflecting / subheadings.size();
        String found = reflecting + " of " + subheadings.size() + " subheadings reflect the keyphrase";
        if (share < 30) {
            return Verdict.seo(ID, Verdict.PROBLEM, found + "; use it (or its main words) in more H2 and H3 headings.");
        }
        if (share <= 75) return Verdict.seo(ID, Verdict.GOOD, found + ", a good balance.");
        return Verdict.seo(ID, Verdict.PROBLEM, found + "; vary them, so headings do not read as repetitive.");
    }
}
