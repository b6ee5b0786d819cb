package dev.postwright.ui.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.engine.LocalEngine;
import dev.postwright.images.ImageMaker;
import dev.postwright.images.ImageRequest;
import dev.postwright.images.ImageSize;
import dev.postwright.images.MadeImage;
import dev.postwright.jobs.CancellationToken;
import dev.postwright.jobs.JobFailure;
import dev.postwright.jobs.ImageJobs;
import dev.postwright.jobs.JobEventListener;
import dev.postwright.jobs.LoggedEvent;
import dev.postwright.jobs.Subscription;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.model.ImageJobRequest;
import dev.postwright.model.ImageRefs;
import dev.postwright.model.JobEvent;
import dev.postwright.model.JobKind;
import dev.postwright.model.JobOptions;
import dev.postwright.model.JobResult;
import dev.postwright.model.SavedPost;
import dev.postwright.model.StoredImage;
import dev.postwright.model.VisualSuggestion;
import dev.postwright.queue.QueueSettings;
import dev.postwright.testing.Briefs;
import dev.postwright.testing.FailingFirstImageMaker;
import dev.postwright.testing.ManualFrames;
import dev.postwright.ui.desk.SuggestionImage.State;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Visuals panel's pictures without a stage: the real queue and library, frames run by the test. */
class VisualsViewModelTest {
    @TempDir Path dir;
    private final ManualFrames frames = new ManualFrames();
    private final List<String> told = new ArrayList<>();
    private LocalEngine engine;
    private DeskController desk;
    private VisualsViewModel visuals;

    @AfterEach
    void close() {
        if (engine != null) engine.close();
    }

    /** A finished blog job with visuals, saved to the library (no images of its own), on the desk. */
    private JobViewModel finishedJob(ImageMaker maker, JobOptions options) throws Exception {
        engine = LocalEngine.open(dir, OfflineWriter::new, () -> maker, QueueSettings.DEFAULTS.withWorkers(2),
                Clock.systemUTC());
        engine.jobs().start();
        desk = new DeskController(engine.jobs(), frames, Runnable::run);
        visuals = new VisualsViewModel(desk.job(), engine.jobs(), engine.library(), engine.images(),
                BriefViewModel.ORGANIZATION, told::add, frames, Runnable::run);
        JobViewModel job = desk.job();
        assertThat(visuals.unavailableProperty().get()).isEqualTo(VisualsViewModel.NOT_SAVED_YET);
        desk.generate(Briefs.sourdough(options));
        frames.runUntil(() -> job.phaseProperty().get() != JobViewModel.Phase.RUNNING
                && job.phaseProperty().get() != JobViewModel.Phase.IDLE);
        assertThat(job.phaseProperty().get()).isEqualTo(JobViewModel.Phase.SUCCEEDED);
        frames.runUntil(() -> frames.runDue() == 0); // the pictures made before are looked for
        return job;
    }

    private String postId(JobViewModel job) {
        return job.savedPostProperty().get().id();
    }

    @Test
    void createImageMakesAPictureForTheSavedPostThroughTheThreeStages() throws Exception {
        JobViewModel job = finishedJob(new FailingFirstImageMaker(0), JobOptions.DEFAULTS);
        assertThat(visuals.unavailableProperty().get()).isNull();
        assertThat(visuals.suggestions()).extracting(SuggestionImage::suggestion).containsExactlyElementsOf(job.visuals());
        assertThat(visuals.suggestions()).filteredOn(SuggestionImage::featured).hasSize(1)
                .first().extracting(r -> r.suggestion().type()).isEqualTo("featured-image");
        SuggestionImage row = visuals.suggestions().get(1);
        assertThat(row.stateProperty().get()).isEqualTo(State.NONE);
        List<Integer> steps = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        row.stepIndexProperty().addListener((o, was, now) -> steps.add(now.intValue()));
        row.stepProperty().addListener((o, was, now) -> sentences.add(now));

        visuals.create(row);
        assertThat(row.stateProperty().get()).isEqualTo(State.RUNNING);
        frames.runUntil(() -> row.stateProperty().get() == State.MADE);

        assertThat(steps).containsSubsequence(0, 1, 2, 3);
        assertThat(sentences).containsSubsequence("Getting the picture ready", "Making the picture",
                "Saving the picture in the library");
        StoredImage made = row.imageProperty().get();
        assertThat(made.postId()).isEqualTo(postId(job));
        assertThat(made.placement()).isEqualTo("inline");
        assertThat(made.prompt()).isEqualTo(row.suggestion().prompt());
        assertThat(made.altText()).isEqualTo(row.suggestion().altText());
        assertThat(engine.images().ofPost(postId(job))).contains(made);
        assertThat(engine.jobs().status(made.jobId()).orElseThrow().kind()).isEqualTo(JobKind.IMAGE);
    }

    @Test
    void useAsFeaturedSavesAVersionShowingThePictureAndASecondReplacesTheFirst() throws Exception {
        JobViewModel job = finishedJob(new FailingFirstImageMaker(0), JobOptions.DEFAULTS);
        String postId = postId(job);
        assertThat(engine.library().find(postId).orElseThrow().post().content()).contains("![IMAGE:featured");
        SuggestionImage inline = visuals.suggestions().get(1), featured = visuals.suggestions().get(0);
        visuals.create(inline);
        visuals.create(featured);
        frames.runUntil(() -> inline.stateProperty().get() == State.MADE && featured.stateProperty().get() == State.MADE);
        assertThat(featured.imageProperty().get().placement()).isEqualTo("featured");
        assertThat(featured.imageProperty().get().width()).isEqualTo(1600);

        visuals.useAsFeatured(inline);
        frames.runUntil(() -> !told.isEmpty());
        String first = engine.library().find(postId).orElseThrow().post().content();
        assertThat(first).contains(ImageRefs.markdown(inline.imageProperty().get().altText(), inline.imageProperty().get().id()))
                .doesNotContain("![IMAGE:featured");
        assertThat(engine.library().versions(postId)).hasSize(2).first().extracting(v -> v.reason()).isEqualTo("Featured image");
        assertThat(job.postProperty().get().content()).isEqualTo(first);
        assertThat(visuals.featuredImageIdProperty().get()).isEqualTo(inline.imageProperty().get().id());
        assertThat(told).containsExactly("The post's featured image is the new picture: saved as version 2 in the library.");

        visuals.useAsFeatured(featured);
        frames.runUntil(() -> told.size() == 2);
        String second = engine.library().find(postId).orElseThrow().post().content();
        assertThat(references(second)).containsExactly(featured.imageProperty().get().id());
        assertThat(second.indexOf(markdownOf(featured))).as("where the first one was").isEqualTo(first.indexOf(markdownOf(inline)));
    }

    private static String markdownOf(SuggestionImage row) {
        return ImageRefs.markdown(row.imageProperty().get().altText(), row.imageProperty().get().id());
    }

    private static List<String> references(String markdown) {
        return ImageRefs.MARKDOWN.matcher(markdown).results().map(m -> m.group(2)).toList();
    }

    @Test
    void createAllMakesOneJobPerSuggestionWithoutAPicture() throws Exception {
        finishedJob(new FailingFirstImageMaker(0), JobOptions.DEFAULTS);
        SuggestionImage first = visuals.suggestions().getFirst();
        visuals.create(first);
        frames.runUntil(() -> first.stateProperty().get() == State.MADE);
        int others = visuals.suggestions().size() - 1;

        visuals.createAll();
        assertThat(visuals.noticeProperty().get()).isEqualTo(others + " pictures on the way.");
        frames.runUntil(() -> visuals.suggestions().stream().allMatch(r -> r.stateProperty().get() == State.MADE));
        assertThat(engine.jobs().list(50)).filteredOn(s -> s.kind() == JobKind.IMAGE).hasSize(others + 1);
        assertThat(visuals.suggestions()).extracting(r -> r.imageProperty().get().id()).doesNotHaveDuplicates();

        visuals.createAll();
        assertThat(visuals.noticeProperty().get()).isEqualTo("Every suggestion has its picture, or one on its way.");
    }

    @Test
    void aFailedPictureShowsTheMakersSentenceAndTryAgainMakesIt() throws Exception {
        finishedJob(new FailingFirstImageMaker(1), JobOptions.DEFAULTS);
        SuggestionImage row = visuals.suggestions().get(1);
        visuals.create(row);
        frames.runUntil(() -> row.stateProperty().get() == State.FAILED);
        assertThat(row.errorProperty().get()).isEqualTo(FailingFirstImageMaker.SENTENCE);
        assertThat(row.imageProperty().get()).isNull();
        String jobId = row.jobId();

        visuals.retry(row);
        frames.runUntil(() -> row.stateProperty().get() == State.MADE);
        assertThat(row.errorProperty().get()).isNull();
        assertThat(row.imageProperty().get().jobId()).as("the same job, run again").isEqualTo(jobId);
    }

    @Test
    void withoutASavedPostNothingCanBeMadeAndThePanelSaysWhy() throws Exception {
        finishedJob(new FailingFirstImageMaker(0), new JobOptions(true, false, "draft", false));
        assertThat(visuals.unavailableProperty().get()).isEqualTo(VisualsViewModel.NOT_SAVED);
        visuals.create(visuals.suggestions().getFirst());
        visuals.createAll();
        frames.runDue();
        assertThat(engine.jobs().list(50)).filteredOn(s -> s.kind() == JobKind.IMAGE).isEmpty();
    }

    @Test
    void reopeningTheJobFollowsItsPicturesAgainAndANewWindowFindsThemInTheLibrary() throws Exception {
        var drawing = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var real = new FailingFirstImageMaker(0);
        ImageMaker held = new ImageMaker() { // the second picture waits for the test
            final AtomicInteger calls = new AtomicInteger();
            public String source() { return real.source(); }
            public boolean accepts(ImageSize size) { return real.accepts(size); }
            public String sizeRule() { return real.sizeRule(); }
            public ImageSize defaultSize() { return real.defaultSize(); }
            public MadeImage make(ImageRequest request, CancellationToken cancel) throws JobFailure {
                if (calls.incrementAndGet() == 2) {
                    drawing.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return real.make(request, cancel);
            }
        };
        JobViewModel job = finishedJob(held, JobOptions.DEFAULTS);
        SuggestionImage made = visuals.suggestions().get(2), making = visuals.suggestions().get(3);
        visuals.create(made);
        frames.runUntil(() -> made.stateProperty().get() == State.MADE);
        StoredImage picture = made.imageProperty().get();
        visuals.create(making);
        assertThat(drawing.await(30, TimeUnit.SECONDS)).isTrue();

        desk.follow(job.jobIdProperty().get());
        assertThat(visuals.suggestions()).isEmpty();
        frames.runUntil(() -> visuals.suggestions().size() > 3
                && visuals.suggestions().get(2).stateProperty().get() == State.MADE
                && visuals.suggestions().get(3).stepIndexProperty().get() == 1);
        assertThat(visuals.suggestions().get(2).imageProperty().get()).isEqualTo(picture);
        assertThat(visuals.suggestions().get(3).stateProperty().get()).as("still being made").isEqualTo(State.RUNNING);
        release.countDown();
        frames.runUntil(() -> visuals.suggestions().get(3).stateProperty().get() == State.MADE);
        StoredImage second = visuals.suggestions().get(3).imageProperty().get();
        assertThat(visuals.suggestions()).filteredOn(r -> r.stateProperty().get() == State.MADE).hasSize(2);

        // A window opened later knows only the library: the stored pictures, matched by prompt.
        var later = new DeskController(engine.jobs(), frames, Runnable::run);
        var again = new VisualsViewModel(later.job(), engine.jobs(), engine.library(), engine.images(),
                BriefViewModel.ORGANIZATION, told::add, frames, Runnable::run);
        later.follow(job.jobIdProperty().get());
        frames.runUntil(() -> again.suggestions().size() > 3
                && again.suggestions().get(3).stateProperty().get() == State.MADE);
        assertThat(again.suggestions().get(2).imageProperty().get()).isEqualTo(picture);
        assertThat(again.suggestions().get(3).imageProperty().get()).isEqualTo(second);
        assertThat(again.suggestions()).filteredOn(r -> r.stateProperty().get() == State.MADE).hasSize(2);
    }

    /** Image jobs that are only enqueued and subscribed to, remembered with whether each subscription was closed. */
    static final class RecordedImageJobs {
        final List<ImageJobRequest> enqueued = new ArrayList<>();
        final List<boolean[]> subscriptions = new ArrayList<>();
        final ImageJobs service = (ImageJobs) Proxy.newProxyInstance(ImageJobs.class.getClassLoader(),
                new Class<?>[] {ImageJobs.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "enqueueImage" -> {
                        enqueued.add((ImageJobRequest) args[0]);
                        yield "image-" + enqueued.size();
                    }
                    case "subscribe" -> {
                        var closed = new boolean[1];
                        subscriptions.add(closed);
                        yield (Subscription) () -> closed[0] = true;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A job view model that has finished job {@code id} with {@code count} suggestions, saved as post-1. */
    private static JobViewModel finishedWith(String id, int count) {
        var job = new JobViewModel();
        job.start(id);
        List<VisualSuggestion> many = IntStream.range(0, count).mapToObj(i -> new VisualSuggestion("image", "Picture " + i,
                null, null, "Prompt " + i, "Alt " + i, null)).toList();
        var result = new JobResult(Briefs.result("Bread").post(), many, null,
                new SavedPost("post-1", "Bread", "# Bread", null, "draft", 2), null, List.of());
        job.apply(List.of(new LoggedEvent(id, 1, new JobEvent.Complete(result), Instant.EPOCH)));
        return job;
    }

    /** Pictures for {@code job} made by {@code jobs}, with this test's (empty) library. */
    private VisualsViewModel recorded(JobViewModel job, RecordedImageJobs jobs) throws Exception {
        engine = LocalEngine.open(dir, new OfflineWriter(), QueueSettings.DEFAULTS.withWorkers(0), Clock.systemUTC());
        var model = new VisualsViewModel(job, jobs.service, engine.library(), engine.images(), "local", told::add, frames,
                Runnable::run);
        frames.runDue();
        return model;
    }

    @Test
    void createAllStartsAtMostTwentyAndSaysHowManyWait() throws Exception {
        var jobs = new RecordedImageJobs();
        var model = recorded(finishedWith("blog-1", 25), jobs);
        model.createAll();
        frames.runDue();
        assertThat(jobs.enqueued).hasSize(VisualsViewModel.MAX_AT_ONCE);
        assertThat(jobs.enqueued).extracting(ImageJobRequest::postId).containsOnly("post-1");
        assertThat(jobs.enqueued).extracting(ImageJobRequest::organizationId).containsOnly("local");
        assertThat(jobs.enqueued.getFirst().placement()).as("the first image is the featured one").isEqualTo("featured");
        assertThat(jobs.enqueued.get(1).placement()).isEqualTo("inline");
        assertThat(model.noticeProperty().get()).isEqualTo("20 pictures on the way, at most 20 at once: 5 more wait for "
                + "Create all again.");
        model.createAll();
        assertThat(jobs.enqueued).hasSize(25);
        assertThat(model.noticeProperty().get()).isEqualTo("5 pictures on the way.");
    }

    @Test
    void showingAnotherJobClosesThePicturesSubscriptions() throws Exception {
        var jobs = new RecordedImageJobs();
        JobViewModel job = finishedWith("blog-1", 3);
        var model = recorded(job, jobs);
        model.createAll();
        frames.runDue(); // the jobs are started and followed
        frames.runDue();
        assertThat(jobs.subscriptions).hasSize(3).allMatch(closed -> !closed[0]);

        job.start("blog-2");
        assertThat(jobs.subscriptions).allMatch(closed -> closed[0]);
        assertThat(model.suggestions()).isEmpty();
        assertThat(model.unavailableProperty().get()).isEqualTo(VisualsViewModel.NOT_SAVED_YET);
    }

    @Test
    void aSuggestionWithoutAPromptAsksForItsDescription() {
        var row = new SuggestionImage(new VisualSuggestion("chart", "Rise times", "Plot the rise times.", null, " ", null,
                null), false);
        ImageJobRequest request = row.request("post-1", "local");
        assertThat(request.prompt()).isEqualTo("Plot the rise times.");
        assertThat(request.altOrPrompt()).isEqualTo("Plot the rise times.");
        assertThat(request.problems()).isEmpty();
        assertThat(request.placement()).isEqualTo("inline");
    }
}
