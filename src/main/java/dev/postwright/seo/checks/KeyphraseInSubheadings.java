package dev.postwright.seo.checks;

import dev.postwright.model.SeoAnalysis;
import dev.postwright.seo.text.Keyphrase;
import dev.postwright.seo.text.PostText;
import dev.postwright.seo.text.Words;
import java.util.Optional;

/**
 * 30-75 % of the H2/H3 subheadings should reflect the keyphrase (more than half of its words), or
 * the only one should. Without subheadings, a text under 300 words is fine (9) and a longer one is
 * not (2), as in the reference analysis.
 */
public final class KeyphraseInSubheadings implements SeoCheck {
    public static final String ID = "keyphrase-in-subheadings";

    private static final About ABOUT = new About(ID, Verdict.SEO, "Keyphrase in subheadings");

    @Override
    public About about() {
        return ABOUT;
    }

    @Override
    public Optional<SeoAnalysis.Check> assess(PostText post) {
        var keyphrase = post.keyphrase();
        if (!keyphrase.isSet()) return Optional.empty();
        var subheadings = post.headings().stream().filter(h -> h.level() == 2 || h.level() == 3).toList();
        if (subheadings.isEmpty()) {
            // The length is the reference's: every word of the text, its headings' too.
            if (post.wordCount() + post.headings().stream().mapToInt(h -> Words.count(h.text())).sum() >= 300) {
                return Verdict.seo(ID, 2, "The text has no subheadings; add H2 headings, some with the keyphrase.");
            }
            return Verdict.seo(ID, Verdict.GOOD, "A text this short needs no subheadings.");
        }
        int count = subheadings.size();
        // More than half of its words, as the reference counts it: one of two is not enough.
        long reflecting = subheadings.stream().filter(h -> 2 * keyphrase.countIn(Keyphrase.WordSet.of(h.text()))
                > keyphrase.contentWordCount()).count();
        long fewest = (long) Math.ceil(count * 0.3);
        long most = (long) Math.floor(count * 0.75);
        String found = reflecting + " of " + count + " subheadings reflect the keyphrase";
        if (reflecting > 0 && reflecting < fewest) {
            return Verdict.seo(ID, Verdict.PROBLEM, found + "; use it (or its main words) in more H2 and H3 headings.");
        }
        if (count > 1 && reflecting > most) {
            return Verdict.seo(ID, Verdict.PROBLEM, found + "; vary them, so headings do not read as repetitive.");
        }
        if ((count == 1 && reflecting == 1) || (reflecting >= fewest && reflecting <= most)) {
            return Verdict.seo(ID, Verdict.GOOD, found + ", a good balance.");
        }
        return Verdict.seo(ID, Verdict.PROBLEM, found + "; use it (or its main words) in an H2 or H3 heading.");
    }
}
