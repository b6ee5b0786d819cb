package dev.postwright.queue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.jobs.LoggedEvent;
import dev.postwright.model.JobEvent;
import dev.postwright.model.JobState;
import dev.postwright.testing.Briefs;
import dev.postwright.testing.RecordingListener;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SIGKILL in the middle of a job, then a fresh start on the same file. */
class CrashRecoveryTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    final QueueFixture fixture = new QueueFixture();


    @Test
    void aJobKilledMidRunIsCompletedByTheNextStartWithNoEventLostOrDuplicated() throws Exception {
        var db = fixture.database();
        String id;
        // The real clock, as the child's: a job stamped by a test clock might not be due yet for it.
        try (var producer = fixture.threaded(ctx -> Briefs.result("unused"), QueueFixture.FAST.withWorkers(0))) {
            id = producer.enqueue(Briefs.brief("survivor"), null);
        }

        Process child = startChild(fixture.file());
        // Should the child stall, kill it so the read below ends and the test fails instead of hanging.
        CompletableFuture.delayedExecutor(WAIT.toSeconds(), TimeUnit.SECONDS).execute(child::destroyForcibly);
        int seen = readStepsUntil(child, 300);
        child.destroyForcibly(); // SIGKILL: no shutdown hooks, no chance to tidy up
        assertThat(child.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(seen).isGreaterThanOrEqualTo(300);

        var left = fixture.threaded(ctx -> Briefs.result("unused"), QueueFixture.FAST.withWorkers(0)).status(id).orElseThrow();
        assertThat(left.state()).as("the crash left the job running").isEqualTo(JobState.RUNNING);
        long loggedBeforeRestart = fixture.logSeqs(db, id).size();
        assertThat(loggedBeforeRestart).isBetween(300L, (long) CrashChild.STEPS);

        var restarted = fixture.threaded(CrashChild.steps(() -> {}), QueueFixture.FAST.withWorkers(1));
        restarted.start(); // its start-up sweep sees the dead process and re-queues at once
        var finished = restarted.whenFinished(id).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(finished.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(finished.result().post().title()).isEqualTo("survived");
        assertThat(finished.attempts()).isEqualTo(2);
        var replay = new RecordingListener();
        restarted.subscribe(id, 0, replay);
        List<LoggedEvent> events = replay.awaitEnd(WAIT);
        assertThat(events).extracting(LoggedEvent::seq)
                .isEqualTo(LongStream.rangeClosed(1, CrashChild.STEPS + 1).boxed().toList());
        assertThat(events.subList(0, CrashChild.STEPS)).extracting(e -> ((JobEvent.DraftDelta) e.event()).seq())
                .isEqualTo(IntStream.rangeClosed(1, CrashChild.STEPS).mapToLong(i -> i).boxed().toList());
        assertThat(events.getLast().event()).isInstanceOf(JobEvent.Complete.class);
    }

    private static Process startChild(Path database) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(),
                database.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** Reads the child's "step n" lines until it reports {@code target}; returns the last step read. */
    private static int readStepsUntil(Process child, int target) throws Exception {
        var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        int step = 0;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("step ")) step = Integer.parseInt(line.substring(5));
            if (step >= target) return step;
        }
        throw new AssertionError("the child exited after step " + step);
    }
}
