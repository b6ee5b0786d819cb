package dev.postwright.model;

import java.util.List;

/**
 * Everything a finished job produced: the result envelope of {@code complete}.
 *
 * @param post      the post; null for an image job, whose result is its {@code images}, and a publish job
 * @param seo       null when SEO analysis was skipped
 * @param savedPost null unless the job saved the post (autoSave)
 * @param metadata  may be null
 * @param images    the images the job made and the post shows (none unless the brief asked for them)
 */
public record JobResult(BlogPost post, List<VisualSuggestion> visuals, SeoAnalysis seo,
                        SavedPost savedPost, Metadata metadata, List<Cta> ctas, List<StoredImage> images) {
    public JobResult {
        visuals = Lists.copyOf(visuals);
        ctas = Lists.copyOf(ctas);
        images = Lists.copyOf(images);
    }

    /** An image job's result: the picture it made, and how long that took. */
    public static JobResult ofImages(List<StoredImage> images, long generationTimeMillis) {
        return new JobResult(null, List.of(), null, null, new Metadata(generationTimeMillis, null, null, null), List.of(),
                images);
    }

    /**
     * A publish job's result: how long it took. Where the post went is the library's
     * ({@code store.Publications}), written with the job's checkpoint.
     */
    public static JobResult ofPublish(long generationTimeMillis) {
        return ofImages(List.of(), generationTimeMillis);
    }

    /** A result without images. */
    public JobResult(BlogPost post, List<VisualSuggestion> visuals, SeoAnalysis seo, SavedPost savedPost,
                     Metadata metadata, List<Cta> ctas) {
        this(post, visuals, seo, savedPost, metadata, ctas, List.of());
    }

    /** Totals of the run; each may be null. */
    public record Metadata(Long generationTimeMillis, Long tokensUsed, Double dataCompleteness,
                           Integer visualSuggestions) {}
}
