package dev.postwright.pipeline;

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
import dev.postwright.model.Stage;
import dev.postwright.model.StoredImage;
import dev.postwright.model.VisualSuggestion;
import dev.postwright.queue.JobContext;
import dev.postwright.render.Slugs;
import dev.postwright.seo.SeoAnalyzer;
import dev.postwright.seo.SiteHost;
import dev.postwright.seo.text.PostTexts;
import dev.postwright.store.OrganizationProfiles;
import dev.postwright.store.PostLibrary;
import dev.postwright.store.SqlWork;
import dev.postwright.store.StageTimings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One run of one blog job: the work of each of {@link BlogStages}, reading the outputs of the
 * stages before from its {@link StagedRun}. Used on the job's worker thread only.
 */
final class BlogRun {
    private final JobContext ctx;
    private final TextGenerator writer;
    private final PostLibrary library;
    private final Illustrator illustrator;
    private final SeoAnalyzer analyzer;
    private final Clock clock;
    private final Brief brief;
    private final StagedRun<BlogRun> stages;
    private final long started;

    BlogRun(JobContext ctx, TextGenerator writer, OrganizationProfiles profiles, PostLibrary library,
            Illustrator illustrator, StageTimings timings, SeoAnalyzer analyzer, Clock clock) {
        this.ctx = ctx;
        this.writer = writer;
        this.library = library;
        this.illustrator = illustrator;
        this.analyzer = analyzer;
        this.clock = clock;
        this.started = clock.millis();
        String org = ctx.request().organizationId();
        this.brief = Brief.of(ctx.request(), profiles.find(org).orElse(OrganizationProfile.empty(org)));
        this.stages = new StagedRun<>(ctx, BlogStages.ALL, new Estimates(timings, writer.model()), clock);
    }

    JobResult execute() throws JobFailure {
        stages.runAll(this);
        stages.finish();
        BlogPost post = scoredPost();
        List<VisualSuggestion> visuals = stages.output(BlogStages.VISUALS).orElse(List.of());
        return new JobResult(post, visuals, stages.output(BlogStages.SEO).orElse(null),
                stages.output(BlogStages.SAVE).orElse(null), new JobResult.Metadata(clock.millis() - started,
                stages.required(BlogStages.DRAFT).tokensUsed(), stages.required(BlogStages.CONTEXT).completenessScore(),
                visuals.size()), brief.ctas(), images());
    }

    ContextSummary assessContext() {
        return ContextAssessment.of(ctx.request(), brief.profile(), brief.ctas(),
                library.count(ctx.request().organizationId()));
    }

    Outline outline() throws JobFailure {
        return writer.outline(brief, ctx.cancellation());
    }

    /**
     * Streams the draft as draft-delta events. A run that got to the draft before may have
     * logged pieces of it: draft-reset voids them first.
     */
    Draft writeDraft() throws JobFailure {
        Outline outline = stages.required(BlogStages.OUTLINE);
        if (stages.earlierRunReached(Stage.DRAFT)) ctx.emit(new JobEvent.DraftReset());
        long[] seq = {0};
        return writer.draft(brief, outline, text -> ctx.emit(new JobEvent.DraftDelta(++seq[0], text)),
                ctx.cancellation());
    }

    BlogPost assemblePost() throws JobFailure {
        Draft draft = stages.required(BlogStages.DRAFT);
        var metadata = writer.metadata(brief, stages.required(BlogStages.OUTLINE), draft.markdown(), ctx.cancellation());
        return PostAssembly.of(brief, draft, metadata, writer.model(), writer.isScaffold(), clock.millis() - started,
                stages.required(BlogStages.CONTEXT));
    }

    List<VisualSuggestion> suggestVisuals() throws JobFailure {
        return writer.visuals(brief, stages.required(BlogStages.METADATA).content(), ctx.cancellation());
    }

    /**
     * The featured image, made from the visuals' featured suggestion, and the social cards (none
     * without a featured suggestion), kept as files; their rows are {@link #recordingImages},
     * written with the stage's checkpoint. An image that cannot be made is left out ({@link #withoutImage}).
     */
    List<StoredImage> makeImages() {
        Optional<VisualSuggestion> suggestion = FeaturedImage.suggestion(stages.output(BlogStages.VISUALS).orElse(List.of()));
        if (suggestion.isEmpty()) return List.of();
        BlogPost post = stages.required(BlogStages.METADATA);
        Outline outline = stages.required(BlogStages.OUTLINE);
        List<StoredImage> made = new ArrayList<>();
        try {
            made.add(illustrator.make(suggestion.get(), post, outline, brief.focusKeyphrase(), brief.profile(),
                    ctx.jobId(), ctx.cancellation()));
        } catch (JobFailure e) {
            withoutImage("No featured image", e);
        }
        try {
            made.addAll(illustrator.socialCards(post, outline, brief.focusKeyphrase(), brief.profile(), ctx.jobId(),
                    ctx.cancellation()));
        } catch (JobFailure e) {
            withoutImage("No social cards", e);
        }
        return made;
    }

    /**
     * A post is not lost for want of a picture: it keeps its placeholder, and the writer is told
     * why in the stage's {@code progress-update} (its {@code detail}). A cancel is no failure and
     * still stops the job.
     */
    private void withoutImage(String what, JobFailure why) {
        ctx.emit(new JobEvent.ProgressUpdate(Stage.IMAGES.progress(), what + ": " + why.getMessage(), null,
                Stage.IMAGES.wireName(), null, why.getMessage()));
    }

    SqlWork<?> recordingImages(List<StoredImage> images) {
        return illustrator.store().recording(images, ctx.owner());
    }

    private List<StoredImage> images() {
        return stages.output(BlogStages.IMAGES).orElse(List.of());
    }

    /** The post as the metadata stage wrote it, showing the images the job made. */
    private BlogPost illustratedPost() {
        return FeaturedImage.placed(stages.required(BlogStages.METADATA), images());
    }

    SeoAnalysis analyzeSeo() {
        BlogPost post = illustratedPost();
        String org = ctx.request().organizationId();
        var meta = new PostTexts.Meta(post.title(), post.metaDescription(), Slugs.of(post.title()),
                brief.focusKeyphrase(), SiteHost.of(brief.profile()), library.countUsingKeyphrase(org,
                brief.focusKeyphrase(), null));
        return analyzer.analyze(post.content(), meta);
    }

    /** The post as saved and in the result: its seoOptimizationScore is the SEO check's overall score, when it ran. */
    private BlogPost scoredPost() {
        BlogPost post = illustratedPost();
        Integer score = stages.output(BlogStages.SEO).map(SeoAnalysis::overallScore).orElse(null);
        return score == null ? post : post.withSeoOptimizationScore(score.doubleValue());
    }

    SqlWork<?> savingPost() {
        BlogPost post = scoredPost();
        SqlWork<LibraryPost> saving = library.saving(new PostLibrary.NewPost(post, ctx.request().organizationId(),
                Slugs.of(post.title()), brief.focusKeyphrase(), ctx.request().options().status(),
                PostTexts.wordCount(post.content()), ctx.jobId(), ctx.owner()));
        return sql -> { // the post and its images are one commit
            LibraryPost saved = saving.run(sql);
            illustrator.store().attaching(ctx.jobId(), saved.id()).run(sql);
            return saved;
        };
    }

    /** The post this job saved, if it did: a job saves its post at most once. */
    Optional<SavedPost> savedPost() {
        return library.findBySourceJob(ctx.jobId()).map(LibraryPost::toSavedPost);
    }
}
