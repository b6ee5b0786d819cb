package dev.postwright.seo.checks;

import dev.postwright.model.SeoAnalysis;
import dev.postwright.seo.text.PostText;
import dev.postwright.seo.text.Sentence;
import java.util.Optional;

/** Three or more sentences in a row that start with the same word read as monotonous. */
public final class ConsecutiveSentenceBeginnings implements SeoCheck {
    public static final String ID = "consecutive-sentences";

    private static final About ABOUT = new About(ID, Verdict.READABILITY, "Consecutive sentence beginnings");

    @Override
    public About about() {
        return ABOUT;
    }

    @Override
    public Optional<SeoAnalysis.Check> assess(PostText post) {
        if (post.sentences().isEmpty()) return Optional.empty();
        int run = 0;
        int longest = 0;
        String word = null;
        String longestWord = null;
        for (Sentence s : post.sentences()) {
            String first = s.firstWord();
            run = first.equals(word) ? run + 1 : 1;
            word = first;
            if (run > longest) {
                longest = run;
                longestWord = first;
            }
        }
        if (longest < 3) return Verdict.readability(ID, Verdict.GOOD, "Sentences begin in varied ways.");
        return Verdict.readability(ID, Verdict.PROBLEM, longest + " sentences in a row begin with \"" + longestWord
                + "\"; vary how they start.");
    }
}
