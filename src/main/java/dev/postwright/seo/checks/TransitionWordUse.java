package dev.postwright.seo.checks;

import dev.postwright.model.SeoAnalysis;
import dev.postwright.seo.text.PostText;
import dev.postwright.seo.text.Sentences;
import dev.postwright.seo.text.TransitionWords;
import dev.postwright.seo.text.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** From 200 words on, at least 30 % of sentences should carry a transition word; a shorter text needs none (9). */
public final class TransitionWordUse implements SeoCheck {
    public static final String ID = "transition-words";

    private static final About ABOUT = new About(ID, Verdict.READABILITY, "Transition words");

    @Override
    public About about() {
        return ABOUT;
    }

    @Override
    public Optional<SeoAnalysis.Check> assess(PostText post) {
        if (post.sentences().isEmpty()) return Optional.empty();
        // The length is the reference's: every word of the text, its headings' too.
        int words = post.wordCount() + post.headings().stream().mapToInt(h -> Words.count(h.text())).sum();
        if (words < 200) {
            return Verdict.readability(ID, Verdict.GOOD, "A text this short needs no transition words to flow.");
        }
        // Headings are sentences too, to the reference analysis: they count in the share.
        List<List<String>> all = new ArrayList<>();
        post.sentences().forEach(sentence -> all.add(sentence.words()));
        post.headings().forEach(heading -> Sentences.of(heading.text()).forEach(s -> all.add(Words.of(s))));
        long with = all.stream().filter(TransitionWords::occurIn).count();
        double share = 100.0 * with / all.size();
        String found = Verdict.oneDecimal(share) + " % of the sentences use a transition word";
        if (share >= 30) return Verdict.readability(ID, Verdict.GOOD, found + ", so the text flows.");
        if (share >= 20) {
            return Verdict.readability(ID, Verdict.OK, found + "; add a few more (\"however\", \"for example\") "
                    + "to reach 30 %.");
        }
        return Verdict.readability(ID, Verdict.PROBLEM, found + "; link your sentences with words like \"because\", "
                + "\"however\" and \"as a result\".");
    }
}
