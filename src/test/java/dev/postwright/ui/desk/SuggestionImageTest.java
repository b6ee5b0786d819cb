package dev.postwright.ui.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.engine.LocalEngine;
import dev.postwright.jobs.CommandResult;
import dev.postwright.jobs.LoggedEvent;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.model.ImageJobRequest;
import dev.postwright.model.VisualSuggestion;
import dev.postwright.queue.QueueSettings;
import dev.postwright.testing.FailingFirstImageMaker;
import dev.postwright.ui.desk.SuggestionImage.State;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One suggestion's picture without a stage, fed a real image job's events: failed once, then retried. */
class SuggestionImageTest {
    @TempDir static Path dir;
    static String jobId;
    static List<LoggedEvent> failed;
    static List<LoggedEvent> all;

    @BeforeAll
    static void runARealImageJobThatFailsOnceThenSucceeds() throws Exception {
        var maker = new FailingFirstImageMaker(1);
        try (var engine = LocalEngine.open(dir, OfflineWriter::new, () -> maker,
                QueueSettings.DEFAULTS.withWorkers(1), Clock.systemUTC())) {
            engine.jobs().start();
            jobId = engine.jobs().enqueueImage(ImageJobRequest.ofPrompt("A loaf on a board"), null);
            engine.jobs().whenFinished(jobId).get(30, TimeUnit.SECONDS);
            failed = engine.jobs().events(jobId, 0);
            assertThat(engine.jobs().retry(jobId)).isEqualTo(CommandResult.APPLIED);
            engine.jobs().whenFinished(jobId).get(30, TimeUnit.SECONDS);
            all = engine.jobs().events(jobId, 0);
        }
    }

    private static SuggestionImage started() {
        var row = new SuggestionImage(new VisualSuggestion("image", "Loaf", null, null, "A loaf on a board", null, null),
                false);
        row.starting();
        row.started(jobId);
        return row;
    }

    @Test
    void aFailedJobShowsItsSentenceWithTheStepItReached() {
        var row = started();
        failed.forEach(row::apply);
        assertThat(row.stateProperty().get()).isEqualTo(State.FAILED);
        assertThat(row.errorProperty().get()).isEqualTo(FailingFirstImageMaker.SENTENCE);
        assertThat(row.stepIndexProperty().get()).as("it failed while generating").isEqualTo(1);
        assertThat(row.imageProperty().get()).isNull();
    }

    @Test
    void theRetriedRunPicksUpAfterTheEventsSeenAndEndsWithThePicture() {
        var row = started();
        failed.forEach(row::apply);
        row.retried();
        List<Integer> steps = new ArrayList<>();
        row.stepIndexProperty().addListener((o, was, now) -> steps.add(now.intValue()));
        all.forEach(row::apply); // a subscription after the last seen replays nothing twice
        assertThat(steps).containsExactly(0, 1, 2, SuggestionImage.STEPS.size());
        assertThat(row.stateProperty().get()).isEqualTo(State.MADE);
        assertThat(row.errorProperty().get()).isNull();
        assertThat(row.imageProperty().get().jobId()).isEqualTo(jobId);
        assertThat(row.lastSeq()).isEqualTo(all.getLast().seq());
    }

    @Test
    void eventsOfAnotherJobAreIgnored() {
        var row = new SuggestionImage(new VisualSuggestion("image", "Loaf", null, null, "A loaf", null, null), false);
        row.starting();
        row.started("some-other-job");
        all.forEach(row::apply);
        assertThat(row.stateProperty().get()).isEqualTo(State.RUNNING);
        assertThat(row.stepIndexProperty().get()).isEqualTo(-1);
        assertThat(row.stepProperty().get()).isEqualTo("Waiting for a worker");
    }
}
