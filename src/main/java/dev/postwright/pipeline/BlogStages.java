package dev.postwright.pipeline;

import dev.postwright.model.BlogPost;
import dev.postwright.model.ContextSummary;
import dev.postwright.model.Draft;
import dev.postwright.model.JobEvent;
import dev.postwright.model.JobOptions;
import dev.postwright.model.Outline;
import dev.postwright.model.SavedPost;
import dev.postwright.model.SeoAnalysis;
import dev.postwright.model.Stage;
import dev.postwright.model.StoredImage;
import dev.postwright.model.VisualSuggestion;
import dev.postwright.wire.CheckpointCodec;
import java.util.List;

/**
 * The blog job's stages, one row each: stage, work, checkpoint, result events. Everything that
 * runs a blog job is built from this table; the order of the list is the order of the job
 * stream protocol's events.
 */
final class BlogStages {
    private BlogStages() {}

    static final StageSpec.Computed<BlogRun, ContextSummary> CONTEXT = StageSpec.computed(Stage.CONTEXT,
            BlogRun::assessContext, CheckpointCodec.CONTEXT, c -> List.of(new JobEvent.ContextResult(c)));
    static final StageSpec.Computed<BlogRun, Outline> OUTLINE = StageSpec.computed(Stage.OUTLINE,
            BlogRun::outline, CheckpointCodec.OUTLINE, o -> List.of());
    /** Streams {@code draft-delta} events as it writes: its only result is the checkpoint. */
    static final StageSpec.Computed<BlogRun, Draft> DRAFT = StageSpec.computed(Stage.DRAFT,
            BlogRun::writeDraft, CheckpointCodec.DRAFT, d -> List.of());
    static final StageSpec.Computed<BlogRun, BlogPost> METADATA = StageSpec.computed(Stage.METADATA,
            BlogRun::assemblePost, CheckpointCodec.POST, p -> List.of(new JobEvent.BlogResult(p)));
    static final StageSpec.Computed<BlogRun, List<VisualSuggestion>> VISUALS = StageSpec.computed(Stage.VISUALS,
            BlogRun::suggestVisuals, CheckpointCodec.VISUALS, v -> List.<JobEvent>of(new JobEvent.VisualsResult(v)))
            .when(JobOptions::includeVisuals);
    /** Makes the featured image; its rows are written with its checkpoint, so a cancelled job keeps none. */
    static final StageSpec.Computed<BlogRun, List<StoredImage>> IMAGES = StageSpec.computed(Stage.IMAGES,
            BlogRun::makeImages, CheckpointCodec.IMAGES, i -> List.<JobEvent>of(new JobEvent.ImagesResult(i)))
            .when(JobOptions::makesImages).storing(BlogRun::recordingImages);
    static final StageSpec.Computed<BlogRun, SeoAnalysis> SEO = StageSpec.computed(Stage.SEO,
            BlogRun::analyzeSeo, CheckpointCodec.SEO, s -> List.<JobEvent>of(new JobEvent.SeoResult(s)))
            .when(options -> !options.skipSeoAnalysis());
    /** Saves the post in the same transaction as the stage's checkpoint: after a cancel, not at all. */
    static final StageSpec.Stored<BlogRun, SavedPost> SAVE = StageSpec.stored(Stage.SAVE, JobOptions::autoSave,
            BlogRun::savingPost, BlogRun::savedPost);

    static final List<StageSpec<BlogRun, ?>> ALL = List.of(CONTEXT, OUTLINE, DRAFT, METADATA, VISUALS, IMAGES, SEO, SAVE);
}
