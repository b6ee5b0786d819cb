package dev.postwright.seo.checks;

import dev.postwright.model.SeoAnalysis;
import dev.postwright.seo.text.PostText;
import java.util.Optional;

/** Paragraphs of up to 150 words are easy to take in; over 200 they become walls of text. */
public final class ParagraphLength implements SeoCheck {
    public static final String ID = "paragraph-length";

    private static final About ABOUT = new About(ID, Verdict.READABILITY, "Paragraph length");

    @Override
    public About about() {
        return ABOUT;
    }

    @Override
    public Optional<SeoAnalysis.Check> assess(PostText post) {
        if (post.paragraphs().isEmpty()) return Optional.empty();
        int longest = post.paragraphs().stream().mapToInt(PostText.Paragraph::wordCount).max().orElse(0);
        long over = post.paragraphs().stream().filter(p -> p.wordCount() > 150).count();
        if (longest <= 150) return Verdict.readability(ID, Verdict.GOOD, "No paragraph is too long.");
        String found = Verdict.count((int) over, "paragraph is", "paragraphs are") + " over 150 words (the longest has "
                + longest + ")";
        if (longest <= 200) return Verdict.readability(ID, Verdict.OK, found + "; consider splitting it.");
        return Verdict.readability(ID, Verdict.PROBLEM, found + "; split long paragraphs in two.");
    }
}
