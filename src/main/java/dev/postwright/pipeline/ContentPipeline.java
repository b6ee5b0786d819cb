package dev.postwright.pipeline;

import dev.postwright.model.Stage;
import dev.postwright.jobs.JobFailure;
import dev.postwright.llm.Brief;
import dev.postwright.llm.TextGenerator;
import dev.postwright.model.BlogPost;
import dev.postwright.model.ContextSummary;
import dev.postwright.model.Draft;
import dev.postwright.model.JobEvent;
import dev.postwright.model.JobResult;
import dev.postwright.model.LibraryPost;
import dev.postwright.model.OrganizationProfile;
import dev.postwright.model.Outline;
import dev.postwright.model.SavedPost;
import dev.postwright.model.SeoAnalysis;
import dev.postwright.model.VisualSuggestion;
import dev.postwright.queue.JobContext;
import dev.postwright.queue.JobHandler;
import dev.postwright.render.Slugs;
import dev.postwright.seo.SeoAnalyzer;
import dev.postwright.seo.SiteHost;
import dev.postwright.seo.text.PostTexts;
import dev.postwright.seo.text.Words;
import dev.postwright.store.OrganizationProfiles;
import dev.postwright.store.PostLibrary;
import dev.postwright.store.StageTimings;
import dev.postwright.wire.CheckpointCodec;
import dev.postwright.wire.WireFormatException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns a brief into a post: context → outline → draft → metadata → visuals → SEO → save,
 * emitting the job stream protocol's events in its order. Each stage stores its output as a
 * checkpoint together with its result events; a re-run (retry, recovery after a crash) restores
 * finished stages from their checkpoints, re-emits their results (the log keeps each once) and
 * goes on from the first unfinished stage. An unfinished draft is written again from its outline
 * (writers cannot continue one), after a {@code draft-reset} that voids the pieces an earlier run
 * logged, so the pieces after the last reset always join into the draft. Thread-safe: one
 * {@link Run} per job.
 */
public final class ContentPipeline implements JobHandler {
    private static final System.Logger LOG = System.getLogger(ContentPipeline.class.getName());

    private final Supplier<? extends TextGenerator> writers;
    private final OrganizationProfiles profiles;
    private final PostLibrary library;
    private final StageTimings timings;
    private final SeoAnalyzer analyzer;
    private final Clock clock;

    /**
     * @param writers the writer a job starts with (the one the writer's settings name now); a job
     *                keeps it for its whole run, so changing the model never mixes two in one post
     */
    public ContentPipeline(Supplier<? extends TextGenerator> writers, OrganizationProfiles profiles, PostLibrary library,
                           StageTimings timings, SeoAnalyzer analyzer, Clock clock) {
        this.writers = writers;
        this.profiles = profiles;
        this.library = library;
        this.timings = timings;
        this.analyzer = analyzer;
        this.clock = clock;
    }

    @Override
    public JobResult run(JobContext context) throws JobFailure {
        return new Run(context).execute();
    }

    /** Work that produces a stage's output. */
    @FunctionalInterface
    private interface StageWork<T> {
        T run() throws JobFailure;
    }

    /** One execution of the pipeline for one job. */
    private final class Run {
        private final JobContext ctx;
        private final TextGenerator writer = writers.get();
        private final Estimates estimates = new Estimates(timings, writer.model());
        private final Map<String, String> saved;
        private final Brief brief;
        private final List<Stage> stages;
        private final long started = clock.millis();
        /** How far earlier runs of this job got (0 on its first run). */
        private final int resumedAt;

        Run(JobContext ctx) {
            this.ctx = ctx;
            this.resumedAt = ctx.progress();
            this.saved = ctx.checkpoints();
            String org = ctx.request().organizationId();
            this.brief = Brief.of(ctx.request(), profiles.find(org).orElse(OrganizationProfile.empty(org)));
            this.stages = enabledStages(ctx);
        }

        JobResult execute() throws JobFailure {
            // The queue logs it at the progress earlier runs reached, never lower.
            ctx.emit(new JobEvent.StepChange(5, saved.isEmpty() ? "Starting" : "Resuming",
                    estimates.remaining(Stage.CONTEXT, stages)));
            ContextSummary context = stage(Stage.CONTEXT, this::assessContext, CheckpointCodec.CONTEXT,
                    c -> List.of(new JobEvent.ContextResult(c)));
            Outline outline = stage(Stage.OUTLINE, () -> writer.outline(brief, ctx.cancellation()), CheckpointCodec.OUTLINE, o -> List.of());
            Draft draft = stage(Stage.DRAFT, () -> writeDraft(outline), CheckpointCodec.DRAFT,
                    d -> List.of());
            BlogPost post = stage(Stage.METADATA, () -> PostAssembly.of(brief, draft,
                            writer.metadata(brief, outline, draft.markdown(), ctx.cancellation()), writer.model(),
                            clock.millis() - started),
                    CheckpointCodec.POST,
                    p -> List.of(new JobEvent.BlogResult(p)));
            List<VisualSuggestion> visuals = stages.contains(Stage.VISUALS)
                    ? stage(Stage.VISUALS, () -> writer.visuals(brief, post.content(), ctx.cancellation()),
                    CheckpointCodec.VISUALS, v -> List.of(new JobEvent.VisualsResult(v)))
                    : List.of();
            SeoAnalysis seo = stages.contains(Stage.SEO)
                    ? stage(Stage.SEO, () -> analyze(post), CheckpointCodec.SEO, s -> List.of(new JobEvent.SeoResult(s)))
                    : null;
            SavedPost savedPost = stages.contains(Stage.SAVE) ? save(post) : null;
            ctx.emit(new JobEvent.ProgressUpdate(100, "Done", 0, Stage.COMPLETED, null, null));
            return new JobResult(post, visuals, seo, savedPost, new JobResult.Metadata(clock.millis() - started,
                    draft.tokensUsed(), context.completenessScore(), visuals.size()), brief.ctas());
        }

        /**
         * Restores a finished stage (re-emitting its events, which the log keeps once) or runs it,
         * storing output and events together and recording how long it took.
         */
        private <T> T stage(Stage stage, StageWork<T> work, CheckpointCodec<T> codec,
                            Function<T, List<JobEvent>> events) throws JobFailure {
            String checkpoint = saved.get(stage.id());
            if (checkpoint != null) {
                try {
                    T restored = codec.read(checkpoint);
                    ctx.completeStage(stage.id(), checkpoint, events.apply(restored));
                    return restored;
                } catch (WireFormatException e) {
                    LOG.log(Level.WARNING, "The {0} checkpoint of job {1} is damaged; running the stage again: {2}",
                            stage.id(), ctx.jobId(), e.getMessage());
                }
            }
            ctx.emit(progress(stage));
            long begun = clock.millis();
            T value = work.run();
            ctx.completeStage(stage.id(), codec.write(value), events.apply(value));
            estimates.record(stage, clock.millis() - begun);
            return value;
        }

        private ContextSummary assessContext() {
            return ContextAssessment.of(ctx.request(), brief.profile(), brief.ctas(),
                    library.count(ctx.request().organizationId()));
        }

        /**
         * Streams the draft as draft-delta events. A run that got to the draft before may have
         * logged pieces of it: draft-reset voids them first.
         */
        private Draft writeDraft(Outline outline) throws JobFailure {
            if (resumedAt >= Stage.DRAFT.progress()) ctx.emit(new JobEvent.DraftReset());
            long[] seq = {0};
            return writer.draft(brief, outline, text -> ctx.emit(new JobEvent.DraftDelta(++seq[0], text)),
                    ctx.cancellation());
        }

        private SeoAnalysis analyze(BlogPost post) {
            String org = ctx.request().organizationId();
            var meta = new PostTexts.Meta(post.title(), post.metaDescription(), Slugs.of(post.title()),
                    brief.focusKeyphrase(), SiteHost.of(brief.profile()), library.countUsingKeyphrase(org,
                    brief.focusKeyphrase(), null));
            return analyzer.analyze(post.content(), meta);
        }

        /** Saves the post in the same transaction as the stage's checkpoint: after a cancel, not at all. */
        private SavedPost save(BlogPost post) {
            if (saved.containsKey(Stage.SAVE.id())) {
                var existing = library.findBySourceJob(ctx.jobId());
                if (existing.isPresent()) return existing.get().toSavedPost();
            }
            ctx.emit(progress(Stage.SAVE));
            var entry = new PostLibrary.NewPost(post, ctx.request().organizationId(), Slugs.of(post.title()),
                    brief.focusKeyphrase(), ctx.request().options().status(), Words.count(post.content()), ctx.jobId());
            ctx.completeStage(Stage.SAVE.id(), "{}", List.of(), library.saving(entry));
            return library.findBySourceJob(ctx.jobId()).map(LibraryPost::toSavedPost).orElseThrow();
        }

        private JobEvent.ProgressUpdate progress(Stage stage) {
            return new JobEvent.ProgressUpdate(stage.progress(), stage.step(), estimates.remaining(stage, stages),
                    stage.wireName(), null, null);
        }
    }

    private static List<Stage> enabledStages(JobContext ctx) {
        var options = ctx.request().options();
        List<Stage> stages = new ArrayList<>(List.of(Stage.CONTEXT, Stage.OUTLINE, Stage.DRAFT, Stage.METADATA));
        if (options.includeVisuals()) stages.add(Stage.VISUALS);
        if (!options.skipSeoAnalysis()) stages.add(Stage.SEO);
        if (options.autoSave()) stages.add(Stage.SAVE);
        return stages;
    }
}
