package dev.postwright.seo.checks;

import dev.postwright.model.SeoAnalysis;
import dev.postwright.seo.text.PostText;
import java.util.Optional;

/**
 * One check of the analysis. Implementations are pure functions of the post: thread-safe,
 * allocation-light, safe to run on every keystroke off the UI thread.
 */
public interface SeoCheck {
    /** The id of this check's verdicts ({@code SeoAnalysis.Check#id}), stable across versions: settings name checks by it. */
    String id();

    /** {@code "seo"} or {@code "readability"}, as its verdicts' {@code group}. */
    String group();

    /** A short name a writer knows the check by, e.g. "Keyphrase in introduction". */
    String name();

    /** The verdict, or empty when the check does not apply (no keyphrase, text too short). */
    Optional<SeoAnalysis.Check> assess(PostText post);
}
