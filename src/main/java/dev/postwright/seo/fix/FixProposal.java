package dev.postwright.seo.fix;

import dev.postwright.model.SeoAnalysis;
import java.util.List;

/**
 * A fix ready for the writer to look at: the span and its new text, the change word by word,
 * and the post scored again with it, so the writer sees what it does before accepting it.
 *
 * @param before      the post the fix was made for
 * @param after       the post with the fix applied
 * @param checkBefore the check's verdict before
 * @param checkAfter  its verdict with the fix; null when the check no longer applies
 * @param analysis    the whole analysis of {@code after}
 */
public record FixProposal(FixOffer offer, Span span, String replacement, List<WordDiff.Segment> diff,
                          PostFields before, PostFields after, SeoAnalysis.Check checkBefore,
                          SeoAnalysis.Check checkAfter, int scoreBefore, SeoAnalysis analysis) {
    public FixProposal {
        diff = List.copyOf(diff);
    }

    public int scoreAfter() {
        return analysis.overallScore() == null ? 0 : analysis.overallScore();
    }

    /** Whether the check scores better with the fix (or no longer applies). */
    public boolean improvesCheck() {
        return checkAfter == null || checkAfter.score() > checkBefore.score();
    }

    /** What the fix does to the check and the score, in a sentence: "Fixed: … SEO score 64 → 71." */
    public String outcome() {
        String score = " SEO score " + scoreBefore + " → " + scoreAfter() + ".";
        if (checkAfter == null) return "With this change the check no longer applies." + score;
        if (checkAfter.rating() == SeoAnalysis.Rating.GOOD) return "Fixed: " + checkAfter.explanation() + score;
        if (improvesCheck()) return "Better, not yet good: " + checkAfter.explanation() + score;
        if (worsensCheck()) return "This makes the check worse: " + checkAfter.explanation() + score;
        return "Not fixed yet: " + checkAfter.explanation() + score;
    }

    /** Whether the check scores worse with the fix. */
    public boolean worsensCheck() {
        return checkAfter != null && checkAfter.score() < checkBefore.score();
    }
}
