package dev.postwright.seo.checks;

import dev.postwright.model.SeoAnalysis;
import dev.postwright.seo.text.PostText;
import java.util.Optional;

/**
 * One check of the analysis. Implementations are pure functions of the post: thread-safe,
 * allocation-light, safe to run on every keystroke off the UI thread.
 */
public interface SeoCheck {
    /**
     * What a check is, for settings and lists.
     *
     * @param id    the id of its verdicts ({@code SeoAnalysis.Check#id}), stable across versions: settings name checks by it
     * @param group {@code "seo"} or {@code "readability"}, as its verdicts' {@code group}
     * @param name  a short name a writer knows the check by, e.g. "Keyphrase in introduction"
     */
    record About(String id, String group, String name) {}

    About about();

    default String id() {
        return about().id();
    }

    default String group() {
        return about().group();
    }

    default String name() {
        return about().name();
    }

    /** The verdict, or empty when the check does not apply (no keyphrase, text too short). */
    Optional<SeoAnalysis.Check> assess(PostText post);
}
