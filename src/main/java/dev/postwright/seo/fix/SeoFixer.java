package dev.postwright.seo.fix;

import dev.postwright.jobs.CancellationToken;
import dev.postwright.jobs.JobFailure;
import dev.postwright.llm.SpanRewriter;
import dev.postwright.model.SeoAnalysis;
import dev.postwright.seo.SeoAnalyzer;
import java.util.Optional;

/**
 * Makes a {@link FixProposal}: finds the span at fault, has it rewritten (mechanically, or by the
 * model for the other fixes), and scores the post again with the new text. Nothing is changed
 * until the writer accepts; the proposal carries the post it was made for, so a caller can tell
 * whether the writer typed over the span meanwhile ({@link PostFields#stillHas}). Thread-safe;
 * call it off the UI thread, since a model's rewrite takes seconds.
 */
public final class SeoFixer {
    private final SeoAnalyzer analyzer;

    /** @param analyzer the analysis the panel shows, with the checks the writer turned off left out */
    public SeoFixer(SeoAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * @param model what rewrites spans; may be empty for a mechanical fix
     * @throws FixFailure when the check passes already, there is no span to fix, or the model
     *                    failed or gave the text back unchanged; the message says which
     */
    public FixProposal propose(FixOffer offer, PostFields post, Optional<SpanRewriter> model, CancellationToken cancel)
            throws FixFailure {
        SeoAnalysis before = analyzer.analyze(post.markdown(), post.meta());
        SeoAnalysis.Check checkBefore = before.checks().stream().filter(c -> c.id().equals(offer.checkId()))
                .findFirst().orElseThrow(() -> new FixFailure("That check does not apply to the post as it is now."));
        if (checkBefore.rating() == SeoAnalysis.Rating.GOOD) throw new FixFailure("That check passes already.");
        Span span = SeoFixes.locate(offer, post);
        String replacement = offer.mechanical() ? MechanicalFixes.replacement(offer, post, span)
                : rewritten(offer, post, span, model.orElseThrow(() -> new FixFailure(
                        "This fix needs a model server; choose one in Settings.")), cancel);
        if (replacement.equals(span.text())) throw new FixFailure("The rewrite came back unchanged; try again.");
        PostFields after = post.with(span, replacement);
        SeoAnalysis analysis = analyzer.analyze(after.markdown(), after.meta());
        SeoAnalysis.Check checkAfter = analysis.checks().stream().filter(c -> c.id().equals(offer.checkId()))
                .findFirst().orElse(null);
        return new FixProposal(offer, span, replacement, WordDiff.of(span.text(), replacement), post, after,
                checkBefore, checkAfter, before.overallScore() == null ? 0 : before.overallScore(), analysis);
    }

    private static String rewritten(FixOffer offer, PostFields post, Span span, SpanRewriter model,
                                    CancellationToken cancel) throws FixFailure {
        var request = new SpanRewriter.Rewrite(span.part().label, span.text(), SeoFixes.instruction(offer, post),
                post.title(), post.keyphrase());
        String text;
        try {
            text = model.rewrite(request, cancel).strip();
        } catch (JobFailure e) {
            throw new FixFailure("The model could not rewrite " + span.part().label + ": " + e.getMessage());
        }
        return switch (span.part()) {
            case TITLE, META_DESCRIPTION, SLUG -> text.replaceAll("\\s*\\R\\s*", " ");
            case HEADING -> asHeading(text, span.text());
            case INTRODUCTION, PARAGRAPH, BODY -> text;
        };
    }

    /** The model's heading on one line, with the heading's own marks ("## ") whether or not it kept them. */
    private static String asHeading(String text, String heading) {
        String marks = heading.strip().replaceFirst("^(#+\\s*).*$", "$1");
        String words = text.lines().findFirst().orElse("").replaceFirst("^#+\\s*", "").strip();
        return (marks.startsWith("#") ? marks : "## ") + words;
    }
}
