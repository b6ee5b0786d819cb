package dev.postwright.ui.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.engine.LocalEngine;
import dev.postwright.jobs.LoggedEvent;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.model.JobEvent;
import dev.postwright.model.JobOptions;
import dev.postwright.model.Stage;
import dev.postwright.queue.QueueSettings;
import dev.postwright.testing.Briefs;
import dev.postwright.testing.KilledMidDraft;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The view model without a stage, fed a real job's events. */
class JobViewModelTest {
    @TempDir
    static Path dir;
    static String jobId;
    static List<LoggedEvent> log;
    static List<LoggedEvent> resumed;

    @BeforeAll
    static void runARealJob() throws Exception {
        try (var engine = LocalEngine.open(dir, new OfflineWriter(), QueueSettings.DEFAULTS.withWorkers(1),
                Clock.systemUTC())) {
            engine.jobs().start();
            jobId = engine.jobs().enqueue(Briefs.sourdough(JobOptions.DEFAULTS), null);
            engine.jobs().whenFinished(jobId).get(30, TimeUnit.SECONDS);
            log = engine.jobs().events(jobId, 0);
        }
    }

    @ParameterizedTest(name = "batches of {0}")
    @ValueSource(ints = {1, 7, 64, 10_000})
    void anyBatchingOfTheEventsEndsInTheSameState(int batchSize) {
        var model = new JobViewModel();
        model.start(jobId);
        List<Integer> progress = new ArrayList<>();
        model.progressProperty().addListener((o, was, now) -> progress.add(now.intValue()));
        for (int i = 0; i < log.size(); i += batchSize) model.apply(log.subList(i, Math.min(log.size(), i + batchSize)));
        assertThat(model.phaseProperty().get()).isEqualTo(JobViewModel.Phase.SUCCEEDED);
        assertThat(model.progressProperty().get()).isEqualTo(100);
        assertThat(model.stepIndexProperty().get()).isEqualTo(JobViewModel.STEPS.size());
        assertThat(model.stepProperty().get()).isEqualTo("Saved to library");
        assertThat(model.postProperty().get().title()).startsWith("Sourdough Bread");
        assertThat(model.draftProperty().get()).isEqualTo(model.postProperty().get().content());
        assertThat(model.seoProperty().get().overallScore()).isGreaterThan(80);
        assertThat(model.visuals()).isNotEmpty();
        assertThat(model.contextProperty().get()).isNotNull();
        assertThat(model.savedPostProperty().get()).isNotNull();
        assertThat(model.scaffoldProperty().get()).isTrue();
        assertThat(progress).isSorted();
        assertThat(model.ranSteps()).as("the sourdough brief asks for visuals, not images")
                .contains(JobViewModel.STEPS.indexOf(Stage.VISUALS))
                .doesNotContain(JobViewModel.STEPS.indexOf(Stage.IMAGES));
    }

    @Test
    void aJobWithoutVisualsPassesTheVisualsAndImagesStepsWithoutRunningThem() throws Exception {
        List<LoggedEvent> plain;
        try (var engine = LocalEngine.open(dir.resolve("plain"), new OfflineWriter(), QueueSettings.DEFAULTS.withWorkers(1),
                Clock.systemUTC())) {
            engine.jobs().start();
            String id = engine.jobs().enqueue(Briefs.sourdough(new JobOptions(false, true, null, false, null, false)), null);
            engine.jobs().whenFinished(id).get(30, TimeUnit.SECONDS);
            plain = engine.jobs().events(id, 0);
        }
        var model = new JobViewModel();
        model.start(plain.getFirst().jobId());
        model.apply(plain);
        assertThat(model.ranSteps()).contains(JobViewModel.STEPS.indexOf(Stage.DRAFT), JobViewModel.STEPS.indexOf(Stage.SEO))
                .doesNotContain(JobViewModel.STEPS.indexOf(Stage.VISUALS), JobViewModel.STEPS.indexOf(Stage.IMAGES));
        model.start("next");
        assertThat(model.ranSteps()).isEmpty();
    }

    @Test
    void theDraftGrowsOncePerBatchWhileItStreams() {
        var model = new JobViewModel();
        model.start(jobId);
        List<String> drafts = new ArrayList<>();
        model.draftProperty().addListener((o, was, now) -> drafts.add(now));
        List<JobViewModel.DraftPiece> pieces = new ArrayList<>();
        model.onDraft(pieces::add);
        List<LoggedEvent> deltas = log.stream().filter(e -> e.event() instanceof JobEvent.DraftDelta).toList();
        model.apply(deltas.subList(0, deltas.size() / 2));
        model.apply(deltas.subList(deltas.size() / 2, deltas.size()));
        assertThat(drafts).hasSize(2);
        assertThat(pieces).extracting(JobViewModel.DraftPiece::restart).containsExactly(true, false);
        assertThat(pieces.get(0).text() + pieces.get(1).text()).isEqualTo(drafts.get(1));
        assertThat(drafts.get(1)).startsWith(drafts.get(0)).startsWith("# Sourdough Bread");
        assertThat(model.phaseProperty().get()).isEqualTo(JobViewModel.Phase.RUNNING);
    }

    @ParameterizedTest(name = "batches of {0}")
    @ValueSource(ints = {1, 7, 64, 10_000})
    void theDraftOfAJobResumedMidDraftIsItsFinalDraftHoweverTheLogIsBatched(int batchSize) throws Exception {
        List<LoggedEvent> resumed = resumedLog();
        int blogResult = indexOf(resumed, JobEvent.BlogResult.class);
        String finalDraft = ((JobEvent.BlogResult) resumed.get(blogResult).event()).post().content();
        var model = new JobViewModel();
        model.start(resumed.getFirst().jobId());
        List<Integer> progress = new ArrayList<>();
        model.progressProperty().addListener((o, was, now) -> progress.add(now.intValue()));
        // Up to the blog-result only: that event would set the draft from the post anyway.
        var folded = new StringBuilder();
        model.onDraft(piece -> {
            if (piece.restart()) folded.setLength(0);
            folded.append(piece.text());
        });
        for (int i = 0; i < blogResult; i += batchSize) model.apply(resumed.subList(i, Math.min(blogResult, i + batchSize)));
        assertThat(model.draftProperty().get()).isEqualTo(finalDraft);
        assertThat(folded).as("the pieces a preview is handed fold into the same draft").hasToString(finalDraft);
        model.apply(resumed.subList(blogResult, resumed.size()));
        assertThat(model.phaseProperty().get()).isEqualTo(JobViewModel.Phase.SUCCEEDED);
        assertThat(progress).isSorted();
    }

    @Test
    void progressFromABackendThatStartsARetryAgainFromZeroNeverGoesBackwards() {
        var model = new JobViewModel();
        model.start("j");
        model.apply(List.of(event("j", 1, new JobEvent.ProgressUpdate(40, "Writing", null, "draft_generation", null, null)),
                event("j", 2, new JobEvent.StepChange(5, "Starting", null))));
        assertThat(model.progressProperty().get()).isEqualTo(40);
        assertThat(model.stepProperty().get()).isEqualTo("Starting");
        model.start("j");
        assertThat(model.progressProperty().get()).as("a new start begins at 0").isZero();
    }

    @Test
    void whyAnImageWasNotMadeIsKeptForTheVisualsPanelUntilTheNextJob() {
        var model = new JobViewModel();
        model.start("j");
        model.apply(List.of(event("j", 1, new JobEvent.ProgressUpdate(85, "Making the featured image", null,
                Stage.IMAGES.wireName(), null, null))));
        assertThat(model.imageProblemProperty().get()).isNull();
        model.apply(List.of(event("j", 2, new JobEvent.ProgressUpdate(85, "No featured image: the key was refused.", null,
                Stage.IMAGES.wireName(), null, "the key was refused."))));
        model.apply(List.of(event("j", 3, new JobEvent.ProgressUpdate(90, "Checking SEO and readability", null,
                Stage.SEO.wireName(), null, null))));

        assertThat(model.imageProblemProperty().get()).isEqualTo("No featured image: the key was refused.");
        assertThat(model.stepIndexProperty().get()).isEqualTo(Stage.SEO.ordinal());
        model.start("k");
        assertThat(model.imageProblemProperty().get()).isNull();
    }

    @Test
    void theStepperFollowsTheStagesByTheirWireNames() {
        assertThat(JobViewModel.STEPS).extracting(Stage::label)
                .containsExactly("Context", "Outline", "Draft", "Details", "Visuals", "Images", "SEO", "Save");
        var model = new JobViewModel();
        model.start("j");
        long seq = 0;
        for (Stage stage : Stage.values()) {
            model.apply(List.of(event("j", ++seq, new JobEvent.ProgressUpdate(stage.progress(), stage.step(), null,
                    stage.wireName(), null, null))));
            assertThat(model.stepIndexProperty().get()).as(stage.wireName()).isEqualTo(stage.ordinal());
        }
        model.apply(List.of(event("j", ++seq, new JobEvent.ProgressUpdate(95, "Waiting to retry", 30, "retry-wait",
                null, null))));
        assertThat(model.stepIndexProperty().get()).as("a name that is no stage moves nothing").isEqualTo(Stage.SAVE.ordinal());
        model.apply(List.of(event("j", ++seq, new JobEvent.ProgressUpdate(100, "Done", 0, Stage.COMPLETED, null, null))));
        assertThat(model.stepIndexProperty().get()).isEqualTo(JobViewModel.STEPS.size());
    }

    @Test
    void failuresAndCancelsAreToldApart() {
        var model = new JobViewModel();
        model.start("j");
        model.apply(List.of(event("j", 1, new JobEvent.Failed("The model server refused the API key (HTTP 401).", "AUTH"))));
        assertThat(model.phaseProperty().get()).isEqualTo(JobViewModel.Phase.FAILED);
        assertThat(model.errorProperty().get()).contains("HTTP 401");
        assertThat(model.errorCodeProperty().get()).isEqualTo("AUTH");
        model.apply(List.of(event("j", 2, new JobEvent.StepChange(5, "Resuming", null)))); // retried on the same stream
        assertThat(model.errorCodeProperty().get()).as("a job running again has no failure").isNull();
        assertThat(model.errorProperty().get()).isNull();
        model.start("j");
        model.apply(List.of(event("j", 1, JobEvent.Failed.cancelled())));
        assertThat(model.phaseProperty().get()).isEqualTo(JobViewModel.Phase.CANCELLED);
        assertThat(model.errorProperty().get()).isNull();
        assertThat(model.stepProperty().get()).isEqualTo("Cancelled");
    }

    @Test
    void aCancelIsKnownByItsCodeNotItsSentence() {
        var model = new JobViewModel();
        model.start("j");
        model.apply(List.of(event("j", 1, new JobEvent.Failed("Cancelled", "UPSTREAM_CANCELLED"))));
        assertThat(model.phaseProperty().get()).as("a failure that happens to say Cancelled").isEqualTo(JobViewModel.Phase.FAILED);
        model.start("j");
        model.apply(List.of(event("j", 1, new JobEvent.Failed("Abgebrochen", JobEvent.Failed.CANCELLED_CODE))));
        assertThat(model.phaseProperty().get()).isEqualTo(JobViewModel.Phase.CANCELLED);
    }

    @Test
    void theTimeLeftCountsDownBetweenEstimatesStopsAtZeroAndFreezesWhenTheJobEnds() {
        var model = new JobViewModel();
        model.start("j");
        model.secondPassed();
        assertThat(model.secondsLeftProperty().get()).as("no estimate yet: nothing to count").isNull();
        model.apply(List.of(event("j", 1, new JobEvent.StepChange(30, "Writing the draft", 3))));
        model.secondPassed();
        model.secondPassed();
        assertThat(model.secondsLeftProperty().get()).isEqualTo(1);
        model.secondPassed();
        model.secondPassed();
        assertThat(model.secondsLeftProperty().get()).as("never below zero").isZero();
        model.apply(List.of(event("j", 2, new JobEvent.StepChange(50, "Writing the title", 20))));
        assertThat(model.secondsLeftProperty().get()).as("the job's new estimate replaces the count").isEqualTo(20);
        model.secondPassed();
        model.apply(List.of(event("j", 3, JobEvent.Failed.cancelled())));
        model.secondPassed();
        assertThat(model.secondsLeftProperty().get()).as("a stopped job counts no more").isNull();
    }

    @Test
    void eventsOfAnotherJobAreIgnored() {
        var model = new JobViewModel();
        model.start("mine");
        model.apply(List.of(event("other", 1, new JobEvent.StepChange(40, "Elsewhere", 3))));
        assertThat(model.progressProperty().get()).isZero();
    }

    /** The log of a job killed mid-draft and resumed (one child process for all the cases). */
    private static synchronized List<LoggedEvent> resumedLog() throws Exception {
        if (resumed == null) {
            Path data = dir.resolve("killed");
            String id = KilledMidDraft.job(data, null);
            try (var engine = LocalEngine.open(data, new OfflineWriter(), QueueSettings.DEFAULTS.withWorkers(1),
                    Clock.systemUTC())) {
                engine.jobs().start();
                engine.jobs().whenFinished(id).get(60, TimeUnit.SECONDS);
                resumed = engine.jobs().events(id, 0);
            }
        }
        return resumed;
    }

    private static int indexOf(List<LoggedEvent> log, Class<? extends JobEvent> type) {
        for (int i = 0; i < log.size(); i++) if (type.isInstance(log.get(i).event())) return i;
        throw new AssertionError("no " + type.getSimpleName() + " in the log");
    }

    private static LoggedEvent event(String job, long seq, JobEvent e) {
        return new LoggedEvent(job, seq, e, Instant.EPOCH);
    }

    @Test
    void followingTheSameJobAgainTellsTheStartListenersAndARevisionReplacesThePost() {
        var model = new JobViewModel();
        List<String> starts = new ArrayList<>();
        model.onStart(() -> starts.add(model.jobIdProperty().get()));
        model.start(jobId);
        model.apply(log);
        model.start(jobId);
        assertThat(starts).containsExactly(jobId, jobId);
        model.apply(log);

        var revised = model.postProperty().get().withContent("# Sourdough\n\n![A loaf](postwright-image:pic1)\n");
        model.showRevision(revised);
        assertThat(model.postProperty().get()).isEqualTo(revised);
        assertThat(model.draftProperty().get()).isEqualTo(revised.content());
        assertThat(model.phaseProperty().get()).isEqualTo(JobViewModel.Phase.SUCCEEDED);
    }
}
