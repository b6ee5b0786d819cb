package dev.postwright.seo.checks;

import dev.postwright.model.SeoAnalysis;
import dev.postwright.seo.text.PostText;
import java.util.Optional;

/** Readers scan by subheadings: no stretch of text should run past 300 words without one. */
public final class SubheadingDistribution implements SeoCheck {
    public static final String ID = "subheading-distribution";

    private static final About ABOUT = new About(ID, Verdict.READABILITY, "Subheading distribution");

    @Override
    public About about() {
        return ABOUT;
    }

    @Override
    public Optional<SeoAnalysis.Check> assess(PostText post) {
        if (post.subheadings().isEmpty()) {
            if (post.wordCount() <= 300) {
                return Verdict.readability(ID, Verdict.GOOD, "The text is short enough to need no subheadings.");
            }
            return Verdict.readability(ID, 2, "The text has " + post.wordCount() + " words and no subheadings; "
                    + "break it up with H2 headings every 300 words or so.");
        }
        int longest = post.sectionWordCounts().stream().mapToInt(Integer::intValue).max().orElse(0);
        long tooLong = post.sectionWordCounts().stream().filter(words -> words > 300).count();
        if (longest <= 300) return Verdict.readability(ID, Verdict.GOOD, "Subheadings are spread well through the text.");
        String found = Verdict.count((int) tooLong, "section runs", "sections run") + " past 300 words without a "
                + "subheading (the longest has " + longest + ")";
        if (longest <= 350) return Verdict.readability(ID, Verdict.OK, found + "; add a subheading to split it.");
        return Verdict.readability(ID, Verdict.PROBLEM, found + "; add subheadings to split them.");
    }
}
