package dev.postwright.queue.internal;

import static dev.postwright.queue.internal.QueueFixture.progress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postwright.jobs.CommandResult;
import dev.postwright.jobs.InvalidRequestException;
import dev.postwright.jobs.JobFailure;
import dev.postwright.model.FieldProblem;
import dev.postwright.model.JobEvent;
import dev.postwright.model.JobRequest;
import dev.postwright.model.JobState;
import dev.postwright.model.Topic;
import dev.postwright.testing.Briefs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The life of a job, run on the test thread with a hand-moved clock. */
/** Part of the queue's contract: runs on SQLite and on PostgreSQL. */
@ParameterizedClass
@EnumSource(QueueFixture.Store.class)
class JobQueueLifecycleTest {
    @RegisterExtension
    final QueueFixture fixture;

    JobQueueLifecycleTest(QueueFixture.Store store) {
        fixture = new QueueFixture(store);
    }


    private SqlJobQueue queue(dev.postwright.queue.JobHandler handler) throws Exception {
        return fixture.manual(handler);
    }

    @Test
    void claimsOldestQueuedJobFirst() throws Exception {
        List<String> ran = new ArrayList<>();
        var queue = queue(ctx -> {
            ran.add(ctx.request().topic().title());
            return Briefs.result(ctx.request().topic().title());
        });
        for (String title : List.of("first", "second", "third")) {
            queue.enqueue(Briefs.brief(title), null);
            fixture.clock.advance(Duration.ofMillis(1));
        }
        assertThat(queue.runDueJobs()).isEqualTo(3);
        assertThat(ran).containsExactly("first", "second", "third");
    }

    @Test
    void aSucceededJobHasItsResultFullProgressAndACompleteEvent() throws Exception {
        var queue = queue(ctx -> {
            ctx.emit(new JobEvent.StepChange(5, "Starting", 60));
            ctx.emit(progress(40, "Writing the draft"));
            return Briefs.result("Sourdough");
        });
        String id = queue.enqueue(Briefs.brief("Sourdough"), "ann");
        assertThat(queue.status(id).orElseThrow().state()).isEqualTo(JobState.QUEUED);
        queue.runDueJobs();
        var status = queue.status(id).orElseThrow();
        assertThat(status.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(status.progress()).isEqualTo(100);
        assertThat(status.owner()).isEqualTo("ann");
        assertThat(status.attempts()).isEqualTo(1);
        assertThat(status.result().post().title()).isEqualTo("Sourdough");
        assertThat(fixture.logNames(fixture.database(), id)).containsExactly("step-change", "progress-update", "complete");
        assertThat(fixture.logSeqs(fixture.database(), id)).containsExactly(1L, 2L, 3L);
    }

    @Test
    void progressEventsUpdateTheStatus() throws Exception {
        var seen = new ArrayList<JobState>();
        var holder = new SqlJobQueue[1];
        var queue = queue(ctx -> {
            ctx.emit(new JobEvent.ProgressUpdate(40, "Drafting", 20, "draft", null, null));
            ctx.completeStage("draft", "{}", List.of()); // waits for its commit, and so for the event's
            var status = holder[0].status(ctx.jobId()).orElseThrow();
            seen.add(status.state());
            assertThat(status.progress()).isEqualTo(40);
            assertThat(status.currentStep()).isEqualTo("Drafting");
            assertThat(status.estimatedTimeRemaining()).isEqualTo(20);
            return Briefs.result("t");
        });
        holder[0] = queue;
        queue.enqueue(Briefs.brief("t"), null);
        queue.runDueJobs();
        assertThat(seen).containsExactly(JobState.RUNNING);
    }

    @Test
    void anInvalidBriefIsRefusedAndNothingIsStored() throws Exception {
        var queue = queue(ctx -> Briefs.result("never"));
        var invalid = new JobRequest(Topic.titled(""), null, "org", null, null, null, null);
        assertThatThrownBy(() -> queue.enqueue(invalid, null))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("topic.title", "businessInfo"));
        assertThat(queue.list(10)).isEmpty();
    }

    @Test
    void aCancelledQueuedJobNeverStarts() throws Exception {
        var runs = new AtomicInteger();
        var queue = queue(ctx -> {
            runs.incrementAndGet();
            return Briefs.result("t");
        });
        String id = queue.enqueue(Briefs.brief("t"), null);
        assertThat(queue.cancel(id)).isEqualTo(CommandResult.APPLIED);
        assertThat(queue.runDueJobs()).isZero();
        assertThat(runs).hasValue(0);
        var status = queue.status(id).orElseThrow();
        assertThat(status.state()).isEqualTo(JobState.CANCELLED);
        assertThat(status.error()).isEqualTo("Cancelled");
        assertThat(fixture.logNames(fixture.database(), id)).containsExactly("failed");
        assertThat(queue.cancel(id)).isEqualTo(CommandResult.NOT_ALLOWED);
        assertThat(queue.cancel("no-such-job")).isEqualTo(CommandResult.NOT_FOUND);
    }

    @Test
    void aFailedJobIsRetriedUnderTheSameIdAndResumesFromItsCheckpoints() throws Exception {
        var attempts = new AtomicInteger();
        var queue = queue(ctx -> {
            ctx.completeStage("outline", "{\"sections\":4}", List.of(progress(20, "Outline ready")));
            if (attempts.incrementAndGet() == 1) throw JobFailure.permanent("The model refused the brief.", "REFUSED");
            assertThat(ctx.checkpoints()).containsEntry("outline", "{\"sections\":4}");
            return Briefs.result("t");
        });
        String id = queue.enqueue(Briefs.brief("t"), null);
        queue.runDueJobs();
        var failed = queue.status(id).orElseThrow();
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.error()).isEqualTo("The model refused the brief.");
        assertThat(failed.errorCode()).isEqualTo("REFUSED");
        assertThat(queue.retry("no-such-job")).isEqualTo(CommandResult.NOT_FOUND);
        assertThat(queue.retry(id)).isEqualTo(CommandResult.APPLIED);
        assertThat(queue.status(id).orElseThrow().state()).isEqualTo(JobState.QUEUED);
        assertThat(queue.runDueJobs()).isEqualTo(1);
        assertThat(queue.status(id).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(queue.retry(id)).isEqualTo(CommandResult.NOT_ALLOWED);
        // The outline's event was logged once although the stage completed in both runs.
        assertThat(fixture.logNames(fixture.database(), id)).containsExactly("progress-update", "failed", "complete");
    }

    @Test
    void progressNeverGoesBackwardsAcrossRunsAndEachRunKnowsHowFarTheLastGot() throws Exception {
        List<Integer> reached = new ArrayList<>();
        var queue = queue(ctx -> {
            reached.add(ctx.progress());
            ctx.emit(new JobEvent.StepChange(5, "Starting", null)); // as a pipeline starting over would
            ctx.emit(progress(40, "Writing the draft"));
            switch (reached.size()) {
                case 1 -> throw JobFailure.transientFailure("The connection dropped.", "NETWORK", null, null);
                case 2 -> throw JobFailure.permanent("The model refused the brief.", "REFUSED");
                default -> { return Briefs.result("t"); }
            }
        });
        String id = queue.enqueue(Briefs.brief("t"), null);
        queue.runDueJobs();
        assertThat(queue.status(id).orElseThrow().progress()).as("waiting for the automatic retry").isEqualTo(40);
        fixture.clock.advance(Duration.ofSeconds(2));
        queue.runDueJobs();
        assertThat(queue.retry(id)).isEqualTo(CommandResult.APPLIED);
        assertThat(queue.status(id).orElseThrow().progress()).as("queued again by hand").isEqualTo(40);
        queue.runDueJobs();

        assertThat(queue.status(id).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(reached).containsExactly(0, 40, 40);
        List<Integer> logged = queue.events(id, 0).stream().map(e -> switch (e.event()) {
            case JobEvent.StepChange s -> s.progress();
            case JobEvent.ProgressUpdate p -> p.progress();
            default -> null;
        }).filter(java.util.Objects::nonNull).toList();
        assertThat(logged).hasSize(7).isSorted().startsWith(5, 40, 40); // two runs of two, the retry notice, and one more run
    }

    @Test
    void aCancelledJobCanBeRetried() throws Exception {
        var queue = queue(ctx -> Briefs.result("t"));
        String id = queue.enqueue(Briefs.brief("t"), null);
        queue.cancel(id);
        assertThat(queue.retry(id)).isEqualTo(CommandResult.APPLIED);
        queue.runDueJobs();
        assertThat(queue.status(id).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
    }

    @Test
    void transientFailuresAreRetriedWithGrowingBackoffUpToTheCap() throws Exception {
        var runs = new AtomicInteger();
        var queue = queue(ctx -> {
            runs.incrementAndGet();
            throw JobFailure.transientFailure("The model server is busy (HTTP 503).", "SERVER_ERROR", null, null);
        });
        String id = queue.enqueue(Briefs.brief("t"), null);
        assertThat(queue.runDueJobs()).isEqualTo(1);
        var waiting = queue.status(id).orElseThrow();
        assertThat(waiting.state()).isEqualTo(JobState.QUEUED);
        assertThat(waiting.currentStep()).startsWith("Retrying in ").contains("(attempt 2 of 3)")
                .endsWith("The model server is busy (HTTP 503).");
        assertThat(queue.runDueJobs()).as("not due before its backoff").isZero();
        fixture.clock.advance(Duration.ofSeconds(2)); // attempt 1 waits 1-2 s
        assertThat(queue.runDueJobs()).isEqualTo(1);
        fixture.clock.advance(Duration.ofMillis(1999)); // attempt 2 waits 2-4 s
        assertThat(queue.runDueJobs()).isZero();
        fixture.clock.advance(Duration.ofMillis(2001));
        assertThat(queue.runDueJobs()).isEqualTo(1);
        var failed = queue.status(id).orElseThrow();
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.error()).isEqualTo("The model server is busy (HTTP 503).");
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(runs).hasValue(3);
        assertThat(fixture.logNames(fixture.database(), id))
                .containsExactly("progress-update", "progress-update", "failed");
    }

    @Test
    void aServersRetryAfterIsHonoured() throws Exception {
        var runs = new AtomicInteger();
        var queue = queue(ctx -> {
            if (runs.incrementAndGet() == 1) {
                throw JobFailure.transientFailure("Rate limited.", "RATE_LIMITED", Duration.ofSeconds(30), null);
            }
            return Briefs.result("t");
        });
        String id = queue.enqueue(Briefs.brief("t"), null);
        queue.runDueJobs();
        fixture.clock.advance(Duration.ofSeconds(29));
        assertThat(queue.runDueJobs()).isZero();
        fixture.clock.advance(Duration.ofSeconds(1));
        assertThat(queue.runDueJobs()).isEqualTo(1);
        assertThat(queue.status(id).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
    }

    @Test
    void aPermanentFailureIsNotRetried() throws Exception {
        var runs = new AtomicInteger();
        var queue = queue(ctx -> {
            runs.incrementAndGet();
            throw JobFailure.permanent("The API key was refused (HTTP 401). Check it in Settings.", "AUTH");
        });
        String id = queue.enqueue(Briefs.brief("t"), null);
        queue.runDueJobs();
        fixture.clock.advance(Duration.ofHours(1));
        assertThat(queue.runDueJobs()).isZero();
        assertThat(runs).hasValue(1);
        assertThat(queue.status(id).orElseThrow().state()).isEqualTo(JobState.FAILED);
    }

    @Test
    void aCrashingHandlerFailsTheJobWithAnInternalErrorInWords() throws Exception {
        var queue = queue(ctx -> {
            throw new IllegalStateException("secret detail that must not reach the writer");
        });
        String id = queue.enqueue(Briefs.brief("t"), null);
        queue.runDueJobs();
        var status = queue.status(id).orElseThrow();
        assertThat(status.state()).isEqualTo(JobState.FAILED);
        assertThat(status.errorCode()).isEqualTo("INTERNAL_ERROR");
        assertThat(status.error()).startsWith("Postwright hit an internal error while working on this job "
                + "(IllegalStateException). Retry it").doesNotContain("secret");
    }

    @Test
    void handlersCannotWriteTerminalEvents() throws Exception {
        var queue = queue(ctx -> {
            ctx.emit(new JobEvent.Complete(Briefs.result("forged")));
            return Briefs.result("t");
        });
        String id = queue.enqueue(Briefs.brief("t"), null);
        queue.runDueJobs();
        assertThat(queue.status(id).orElseThrow().errorCode()).isEqualTo("INTERNAL_ERROR");
        assertThat(fixture.logNames(fixture.database(), id)).containsExactly("failed");
    }

    @Test
    void onlyFinishedJobsCanBeDeletedAndTheirLogsGoWithThem() throws Exception {
        var queue = queue(ctx -> {
            ctx.completeStage("a", "{}", List.of(progress(10, "a")));
            return Briefs.result("t");
        });
        String id = queue.enqueue(Briefs.brief("t"), null);
        assertThat(queue.delete(id)).isEqualTo(CommandResult.NOT_ALLOWED);
        queue.runDueJobs();
        assertThat(queue.delete(id)).isEqualTo(CommandResult.APPLIED);
        assertThat(queue.status(id)).isEmpty();
        var db = fixture.database();
        int rows = db.read(sql -> sql.queryOne("SELECT (SELECT count(*) FROM job_events) + (SELECT count(*) FROM checkpoints)",
                rs -> rs.getInt(1)).orElseThrow());
        assertThat(rows).isZero();
        assertThat(queue.delete(id)).isEqualTo(CommandResult.NOT_FOUND);
    }

    @Test
    void listShowsJobsNewestFirstWithoutResults() throws Exception {
        var queue = queue(ctx -> Briefs.result("t"));
        String older = queue.enqueue(Briefs.brief("old"), null);
        fixture.clock.advance(Duration.ofSeconds(1));
        String newer = queue.enqueue(Briefs.brief("new"), null);
        queue.runDueJobs();
        assertThat(queue.list(10)).extracting(s -> s.jobId()).containsExactly(newer, older);
        assertThat(queue.list(10)).allSatisfy(s -> assertThat(s.result()).isNull());
        assertThat(queue.list(10)).extracting(s -> s.title()).containsExactly("new", "old");
        assertThat(queue.list(10)).allSatisfy(s -> assertThat(s.finishedAt()).isNotNull());
        assertThat(queue.list(1)).hasSize(1);
    }
}
