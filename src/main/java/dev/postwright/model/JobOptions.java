package dev.postwright.model;

/**
 * How a job runs. {@code includeVisuals} and {@code autoSave} are on unless explicitly turned
 * off; {@code status} is the status a saved post gets, "draft" by default.
 *
 * @param wordCountTarget about how many words the post should have, or null to let the writer
 *                        choose; a Postwright field ({@code options.wordCountTarget}), sent to the
 *                        Blog SDK as {@code word_count_target} and {@code length}
 * @param generateImages  whether the visuals' featured suggestion becomes a real image in the post
 *                        (a Postwright field, {@code options.generateImages}, off unless asked for;
 *                        only with {@code includeVisuals})
 */
public record JobOptions(boolean includeVisuals, boolean autoSave, String status, boolean skipSeoAnalysis,
                         Integer wordCountTarget, boolean generateImages) {
    public static final String DEFAULT_STATUS = "draft";
    public static final JobOptions DEFAULTS = new JobOptions(true, true, DEFAULT_STATUS, false);
    /** The Blog SDK's bounds for {@code word_count_target}. */
    public static final int MIN_WORDS = 100;
    public static final int MAX_WORDS = 10_000;

    public JobOptions {
        status = status == null || status.isBlank() ? DEFAULT_STATUS : status;
    }

    /** Options that leave the length to the writer and make no images. */
    public JobOptions(boolean includeVisuals, boolean autoSave, String status, boolean skipSeoAnalysis) {
        this(includeVisuals, autoSave, status, skipSeoAnalysis, null, false);
    }

    /** Options that make no images. */
    public JobOptions(boolean includeVisuals, boolean autoSave, String status, boolean skipSeoAnalysis,
                      Integer wordCountTarget) {
        this(includeVisuals, autoSave, status, skipSeoAnalysis, wordCountTarget, false);
    }

    /** These options with images asked for, and the visuals they are made from. */
    public JobOptions withImages() {
        return new JobOptions(true, autoSave, status, skipSeoAnalysis, wordCountTarget, true);
    }

    /** Whether the job makes its featured image: images asked for, and visuals to make them from. */
    public boolean makesImages() {
        return includeVisuals && generateImages;
    }

    /**
     * The Blog SDK's {@code length} for the target: short up to 800 words, medium up to 1,600, long
     * up to 2,500, extended above; null without a target.
     */
    public String lengthName() {
        if (wordCountTarget == null) return null;
        if (wordCountTarget <= 800) return "short";
        if (wordCountTarget <= 1_600) return "medium";
        return wordCountTarget <= 2_500 ? "long" : "extended";
    }
}
