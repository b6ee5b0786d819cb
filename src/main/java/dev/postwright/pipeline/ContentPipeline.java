package dev.postwright.pipeline;

import dev.postwright.jobs.JobFailure;
import dev.postwright.llm.TextGenerator;
import dev.postwright.model.ImageJobRequest;
import dev.postwright.model.JobRequest;
import dev.postwright.model.JobResult;
import dev.postwright.model.PublishRequest;
import dev.postwright.queue.JobContext;
import dev.postwright.queue.JobHandler;
import dev.postwright.seo.SeoAnalyzer;
import dev.postwright.store.OrganizationProfiles;
import dev.postwright.store.PostLibrary;
import dev.postwright.store.StageTimings;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The queue's work for every kind of job. An image job is one {@link ImageRun}; a publish job is
 * the {@code publishing} handler's (decision 0034). A blog job turns a
 * brief into a post by running {@link BlogStages} (context → outline → draft → metadata →
 * visuals → images → SEO → save), emitting the job stream protocol's events in its order. Each stage stores
 * its output as a checkpoint together with its result events; a re-run (retry, recovery after a
 * crash) restores finished stages from their checkpoints, re-emits their results (the log keeps
 * each once) and goes on from the first unfinished stage ({@link StagedRun}). An unfinished draft
 * is written again from its outline (writers cannot continue one), after a {@code draft-reset}
 * that voids the pieces an earlier run logged, so the pieces after the last reset always join
 * into the draft. Thread-safe: one {@link BlogRun} per job.
 */
public final class ContentPipeline implements JobHandler {
    private final Supplier<? extends TextGenerator> writers;
    private final OrganizationProfiles profiles;
    private final PostLibrary library;
    private final Illustrator illustrator;
    private final StageTimings timings;
    private final Supplier<? extends SeoAnalyzer> analyzers;
    private final Clock clock;
    private final JobHandler publishing;

    /**
     * @param writers the writer a job starts with (the one the writer's settings name now); a job
     *                keeps it for its whole run, so changing the model never mixes two in one post
     * @param illustrator makes and keeps the images of jobs that ask for them
     * @param analyzers the SEO analysis a job starts with (the checks the writer's settings leave
     *                in now), kept for its whole run
     * @param publishing runs publish jobs (the outbox)
     */
    public ContentPipeline(Supplier<? extends TextGenerator> writers, OrganizationProfiles profiles, PostLibrary library,
                           Illustrator illustrator, StageTimings timings, Supplier<? extends SeoAnalyzer> analyzers,
                           JobHandler publishing, Clock clock) {
        this.writers = writers;
        this.profiles = profiles;
        this.library = library;
        this.illustrator = illustrator;
        this.timings = timings;
        this.analyzers = analyzers;
        this.publishing = publishing;
        this.clock = clock;
    }

    /** A pipeline for a program that does not publish: a publish job fails, saying so. */
    public ContentPipeline(Supplier<? extends TextGenerator> writers, OrganizationProfiles profiles, PostLibrary library,
                           Illustrator illustrator, StageTimings timings, Supplier<? extends SeoAnalyzer> analyzers,
                           Clock clock) {
        this(writers, profiles, library, illustrator, timings, analyzers, ContentPipeline::noPublishing, clock);
    }

    /** A pipeline whose jobs all run {@code analyzer}'s checks. */
    public ContentPipeline(Supplier<? extends TextGenerator> writers, OrganizationProfiles profiles, PostLibrary library,
                           Illustrator illustrator, StageTimings timings, SeoAnalyzer analyzer, Clock clock) {
        this(writers, profiles, library, illustrator, timings, () -> analyzer, clock);
    }

    @Override
    public JobResult run(JobContext context) throws JobFailure, InterruptedException {
        return switch (context.input()) {
            case JobRequest brief -> new BlogRun(context, writers.get(), profiles, library, illustrator, timings,
                    analyzers.get(), clock).execute();
            case ImageJobRequest picture -> new ImageRun(context, picture, illustrator, library, profiles, clock).execute();
            case PublishRequest publish -> publishing.run(context);
        };
    }

    private static JobResult noPublishing(JobContext context) throws JobFailure {
        throw JobFailure.permanent("This program does not publish to WordPress; publish from the Postwright app or "
                + "with postwright publish.", "PUBLISHING_UNAVAILABLE");
    }
}
