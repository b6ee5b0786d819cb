package dev.postwright.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.images.offline.OfflineImageMaker;
import dev.postwright.jobs.CancellationToken;
import dev.postwright.jobs.JobFailure;
import dev.postwright.jobs.LoggedEvent;
import dev.postwright.llm.Brief;
import dev.postwright.llm.PostMetadata;
import dev.postwright.llm.TextGenerator;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.model.Draft;
import dev.postwright.model.JobEvent;
import dev.postwright.model.JobOptions;
import dev.postwright.model.JobRequest;
import dev.postwright.model.JobState;
import dev.postwright.model.OrganizationProfile;
import dev.postwright.model.Outline;
import dev.postwright.model.Stage;
import dev.postwright.model.VisualSuggestion;
import dev.postwright.queue.JobQueue;
import dev.postwright.queue.QueueSettings;
import dev.postwright.queue.internal.SqlJobQueue;
import dev.postwright.seo.SeoAnalyzer;
import dev.postwright.store.Database;
import dev.postwright.store.ImageStore;
import dev.postwright.store.OrganizationProfiles;
import dev.postwright.store.PostLibrary;
import dev.postwright.store.StageTimings;
import dev.postwright.store.TimeOrderedIds;
import dev.postwright.testing.MutableClock;
import dev.postwright.testing.RecordingListener;
import dev.postwright.wire.JobEventCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentPipelineTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T09:00:00Z"));
    Database db;
    PostLibrary library;
    OrganizationProfiles profiles;
    StageTimings timings;
    ImageStore images;
    Illustrator illustrator;
    final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void openDatabase() throws Exception {
        db = Database.open(dir.resolve("p.db"));
        library = new PostLibrary(db, clock, new TimeOrderedIds(clock, new Random(1)));
        profiles = new OrganizationProfiles(db, clock);
        timings = new StageTimings(db, clock);
        images = new ImageStore(db, dir.resolve("images"), clock, new TimeOrderedIds(clock, new Random(3)));
        illustrator = new Illustrator(OfflineImageMaker::new, images);
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) c.close();
        db.close();
    }

    private SqlJobQueue queue(TextGenerator writer, int workers) {
        return queue(writer, SeoAnalyzer::standard, workers);
    }

    private SqlJobQueue queue(TextGenerator writer, java.util.function.Supplier<SeoAnalyzer> analyzers, int workers) {
        var pipeline = new ContentPipeline(() -> writer, profiles, library, illustrator, timings, analyzers, clock);
        var queue = (SqlJobQueue) JobQueue.builder(db, pipeline).clock(clock)
                .settings(QueueSettings.DEFAULTS.withWorkers(workers)).random(new Random(2)).build();
        open.add(0, queue);
        return queue;
    }

    static JobRequest request(JobOptions options) {
        return dev.postwright.testing.Briefs.sourdough(options);
    }

    private List<LoggedEvent> log(SqlJobQueue queue, String id) throws InterruptedException {
        var listener = new RecordingListener();
        queue.subscribe(id, 0, listener);
        return listener.awaitEnd(WAIT);
    }

    /** Event names with runs of draft-delta collapsed to one, and the stage of each progress-update. */
    private static List<String> shape(List<LoggedEvent> events) {
        List<String> out = new ArrayList<>();
        for (LoggedEvent e : events) {
            String name = JobEventCodec.name(e.event());
            if (e.event() instanceof JobEvent.ProgressUpdate p) name += "(" + p.stage() + ")";
            if (out.isEmpty() || !(name.equals("draft-delta") && out.getLast().equals("draft-delta"))) out.add(name);
        }
        return out;
    }

    @Test
    void eachJobScoresWithTheChecksSwitchedOnWhenItStarts() throws Exception {
        var checks = new dev.postwright.engine.SelectedSeoChecks();
        var queue = queue(new OfflineWriter(), checks, 0);
        String before = queue.enqueue(request(JobOptions.DEFAULTS), null);
        queue.runDueJobs();
        checks.select(java.util.Set.of("single-h1", "text-length"));
        String after = queue.enqueue(request(JobOptions.DEFAULTS), null);
        queue.runDueJobs();
        var all = ((JobEvent.Complete) log(queue, before).getLast().event()).result().seo();
        var fewer = ((JobEvent.Complete) log(queue, after).getLast().event()).result().seo();
        assertThat(all.checks()).extracting(c -> c.id()).contains("single-h1", "text-length");
        assertThat(fewer.checks()).extracting(c -> c.id()).doesNotContain("single-h1", "text-length")
                .hasSize(all.checks().size() - 2);
    }

    @Test
    void anOfflineJobEmitsTheProtocolsEventsInOrderAndSavesThePost() throws Exception {
        var queue = queue(new OfflineWriter(), 0);
        String id = queue.enqueue(request(JobOptions.DEFAULTS), null);
        queue.runDueJobs();
        List<LoggedEvent> events = log(queue, id);
        assertThat(shape(events)).containsExactly("step-change", "progress-update(initialization)", "context-result",
                "progress-update(research_outline)", "progress-update(draft_generation)", "draft-delta",
                "progress-update(seo_polish)", "blog-result", "progress-update(enhancement)", "visuals-result",
                "progress-update(quality_scoring)", "seo-result", "progress-update(finalization)",
                "progress-update(completed)", "complete");
        var complete = (JobEvent.Complete) events.getLast().event();
        var result = complete.result();
        assertThat(result.post().title()).startsWith("Sourdough Bread");
        assertThat(result.post().generationMetadata().model()).isEqualTo(OfflineWriter.MODEL);
        assertThat(result.post().generationMetadata().scaffold()).as("the offline engine writes scaffolds").isTrue();
        assertThat(result.seo().overallScore()).isGreaterThan(80);
        assertThat(result.visuals()).isNotEmpty();
        assertThat(result.savedPost()).isNotNull();
        assertThat(library.find(result.savedPost().id())).hasValueSatisfying(saved -> {
            assertThat(saved.post()).isEqualTo(result.post());
            assertThat(saved.sourceJobId()).isEqualTo(id);
            assertThat(saved.status()).isEqualTo("draft");
        });
        var drafted = new StringBuilder();
        events.stream().filter(e -> e.event() instanceof JobEvent.DraftDelta)
                .forEach(e -> drafted.append(((JobEvent.DraftDelta) e.event()).text()));
        assertThat(drafted.toString()).isEqualTo(result.post().content());
        assertThat(((JobEvent.ProgressUpdate) events.get(events.size() - 2).event()).progress()).isEqualTo(100);
    }

    @Test
    void optionsTurnStagesOff() throws Exception {
        var queue = queue(new OfflineWriter(), 0);
        String id = queue.enqueue(request(new JobOptions(false, false, "draft", true)), null);
        queue.runDueJobs();
        List<String> shape = shape(log(queue, id));
        assertThat(shape).doesNotContain("visuals-result", "seo-result", "progress-update(finalization)");
        var result = queue.status(id).orElseThrow().result();
        assertThat(result.savedPost()).isNull();
        assertThat(result.seo()).isNull();
        assertThat(library.count("org-1")).isZero();
    }

    @Test
    void aRetriedJobResumesFromItsCheckpointsAndLogsNothingTwice() throws Exception {
        var writer = new FlakyWriter();
        var queue = queue(writer, 0);
        String id = queue.enqueue(request(JobOptions.DEFAULTS), null);
        queue.runDueJobs();
        assertThat(queue.status(id).orElseThrow().state()).isEqualTo(JobState.FAILED);
        assertThat(queue.retry(id).name()).isEqualTo("APPLIED");
        queue.runDueJobs();
        assertThat(queue.status(id).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(writer.outlines.get()).as("the outline was not planned again").isEqualTo(1);
        assertThat(writer.drafts.get()).as("the draft was not written again").isEqualTo(1);
        List<String> names = log(queue, id).stream().map(e -> JobEventCodec.name(e.event())).toList();
        assertThat(names.stream().filter("context-result"::equals)).hasSize(1);
        assertThat(names.stream().filter("blog-result"::equals)).hasSize(1);
        assertThat(names).containsSubsequence("context-result", "failed", "blog-result", "complete");
        assertThat(library.count("org-1")).isEqualTo(1);
    }

    @Test
    void timeRemainingComesFromEarlierJobsOnceMeasured() throws Exception {
        var queue = queue(new OfflineWriter(), 0);
        String first = queue.enqueue(request(JobOptions.DEFAULTS), null);
        queue.runDueJobs();
        assertThat(((JobEvent.StepChange) log(queue, first).getFirst().event()).estimatedTimeRemaining()).isNull();
        // Measurements of 4 s per stage, as a slower machine would record them.
        for (Stage s : Stage.values()) timings.record(s.id(), OfflineWriter.MODEL, 4_000);
        db.transaction(sql -> 0); // records are written asynchronously: wait until they are
        String second = queue.enqueue(request(JobOptions.DEFAULTS), null);
        queue.runDueJobs();
        Integer eta = ((JobEvent.StepChange) log(queue, second).getFirst().event()).estimatedTimeRemaining();
        assertThat(eta).isNotNull().isBetween(1, 7 * 4);
    }

    @Test
    void everyStageARunRunsIsMeasuredSavingIncluded() throws Exception {
        var queue = queue(new OfflineWriter(), 0);
        queue.enqueue(request(new JobOptions(true, true, null, false, null, true)), null); // every stage, images too
        queue.runDueJobs();
        db.transaction(sql -> 0); // records are written asynchronously: wait until they are
        for (Stage s : Stage.values()) {
            assertThat(timings.median(s.id(), OfflineWriter.MODEL)).as(s.id()).isPresent();
        }
        String second = queue.enqueue(request(JobOptions.DEFAULTS), null);
        queue.runDueJobs();
        assertThat(((JobEvent.StepChange) log(queue, second).getFirst().event()).estimatedTimeRemaining())
                .as("one measured job is enough for an estimate").isNotNull();
    }

    @Test
    void contextReflectsTheProfileAndTheLibrary() throws Exception {
        profiles.save(new OrganizationProfile("org-1", "Crumb & Co", "Bakery", "home bakers", "food", "warm", List.of(),
                List.of(new OrganizationProfile.LinkTarget("Starter guide", "https://crumb.example/starter",
                        List.of("starter")))));
        var queue = queue(new OfflineWriter(), 0);
        queue.enqueue(request(JobOptions.DEFAULTS), null);
        queue.runDueJobs();
        String second = queue.enqueue(request(JobOptions.DEFAULTS), null);
        queue.runDueJobs();
        var context = log(queue, second).stream().map(LoggedEvent::event)
                .filter(JobEvent.ContextResult.class::isInstance).map(e -> ((JobEvent.ContextResult) e).context())
                .findFirst().orElseThrow();
        assertThat(context.completenessScore()).isEqualTo(100.0);
        assertThat(context.hasBlogContent()).isTrue();
        assertThat(context.hasInternalLinks()).isTrue();
        var post = queue.status(second).orElseThrow().result().post();
        assertThat(post.internalLinks()).singleElement().satisfies(l -> assertThat(l.suggestedUrl())
                .isEqualTo("https://crumb.example/starter"));
    }

    @Test
    void aJobCancelledMidDraftSavesNothingAfterTheCancel() throws Exception {
        var writer = new StallingWriter();
        var queue = queue(writer, 1);
        queue.start();
        String id = queue.enqueue(request(JobOptions.DEFAULTS), null);
        assertThat(writer.midDraft.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        queue.cancel(id);
        assertThat(queue.whenFinished(id).get(WAIT.toSeconds(), TimeUnit.SECONDS).state()).isEqualTo(JobState.CANCELLED);
        assertThat(queue.awaitIdle(WAIT)).isTrue();
        List<String> names = log(queue, id).stream().map(e -> JobEventCodec.name(e.event())).toList();
        assertThat(names).doesNotContain("blog-result", "complete").endsWith("failed");
        int checkpoints = db.read(sql -> sql.queryOne("SELECT count(*) FROM checkpoints WHERE stage LIKE 'draft%'",
                rs -> rs.getInt(1)).orElseThrow());
        assertThat(checkpoints).isZero();
        assertThat(library.count("org-1")).isZero();
    }

    /** The offline writer, failing its first metadata call; counts outline and draft calls. */
    static class FlakyWriter implements TextGenerator {
        final OfflineWriter offline = new OfflineWriter();
        final AtomicInteger outlines = new AtomicInteger();
        final AtomicInteger drafts = new AtomicInteger();
        final AtomicInteger metadata = new AtomicInteger();

        @Override
        public String model() {
            return "flaky";
        }

        @Override
        public boolean isScaffold() {
            return true;
        }

        @Override
        public Outline outline(Brief brief, CancellationToken cancel) {
            outlines.incrementAndGet();
            return offline.outline(brief, cancel);
        }

        @Override
        public Draft draft(Brief brief, Outline outline, Consumer<String> deltas, CancellationToken cancel)
                throws JobFailure {
            drafts.incrementAndGet();
            return offline.draft(brief, outline, deltas, cancel);
        }

        @Override
        public PostMetadata metadata(Brief brief, Outline outline, String markdown, CancellationToken cancel)
                throws JobFailure {
            if (metadata.incrementAndGet() == 1) throw JobFailure.permanent("The model returned no title.", "BAD_REPLY");
            return offline.metadata(brief, outline, markdown, cancel);
        }

        @Override
        public List<VisualSuggestion> visuals(Brief brief, String markdown, CancellationToken cancel) {
            return offline.visuals(brief, markdown, cancel);
        }
    }

    /** Writes a little of the draft, then waits, as a model stream would, until cancelled. */
    static class StallingWriter extends FlakyWriter {
        final CountDownLatch midDraft = new CountDownLatch(1);

        @Override
        public Draft draft(Brief brief, Outline outline, Consumer<String> deltas, CancellationToken cancel) {
            deltas.accept("# Sourdough\n\nThe first words ");
            var stopped = new CountDownLatch(1);
            var registration = cancel.onCancel(stopped::countDown);
            midDraft.countDown();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                registration.close();
            }
            deltas.accept("and more after the cancel"); // must not reach the log
            return new Draft("never", 0);
        }
    }
}
