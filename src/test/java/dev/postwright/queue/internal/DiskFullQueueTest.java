package dev.postwright.queue.internal;

import static dev.postwright.queue.internal.QueueFixture.progress;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.model.JobEvent;
import dev.postwright.model.JobState;
import dev.postwright.queue.QueueSettings;
import dev.postwright.store.Database;
import dev.postwright.testing.Briefs;
import dev.postwright.testing.FullDisk;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A full disk stops a run, hands its job back (attempt not counted), and the job finishes once there is room. */
class DiskFullQueueTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final QueueFixture fixture = new QueueFixture();

    @Test
    void aJobCutShortByAFullDiskGoesBackToTheQueueAndFinishesOnceThereIsRoom() throws Exception {
        Database db = fixture.sqlite();
        var runs = new AtomicInteger();
        var filled = new CountDownLatch(1);
        var queue = fixture.threaded(db, ctx -> {
            int run = runs.incrementAndGet();
            ctx.emit(progress(10, "Outline"));
            if (run == 1) {
                ctx.completeStage("outline", "{}", List.of());
                filled.await();
                ctx.emit(new JobEvent.DraftDelta(1, "far too big for the disk ".repeat(2_000)));
                ctx.emit(new JobEvent.DraftDelta(2, "small enough to fit"));
                // Waits for its commit: refused, as the run's log has lost an event.
                ctx.completeStage("draft", "{}", List.of());
            }
            ctx.emit(new JobEvent.DraftDelta(1, "the draft"));
            return Briefs.result("t");
        }, QueueSettings.DEFAULTS.withWorkers(1));
        queue.start();
        String id = queue.enqueue(Briefs.brief("t"), null);
        awaitCheckpoint(db, id, "outline");
        FullDisk.fill(db);
        filled.countDown();

        awaitState(queue, id, JobState.QUEUED);
        var waiting = queue.status(id).orElseThrow();
        assertThat(waiting.attempts()).as("a full disk is not the job's fault").isZero();
        assertThat(queue.writeFault()).hasValueSatisfying(sentence ->
                assertThat(sentence).startsWith("The disk is full: free some space"));
        assertThat(runs).as("not claimed again while the disk is full").hasValue(1);

        FullDisk.free(db);
        var finished = queue.whenFinished(id).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(finished.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(finished.attempts()).isEqualTo(1);
        assertThat(runs).hasValue(2);
        assertThat(queue.writeFault()).isEmpty();
        List<Long> seqs = fixture.logSeqs(db, id);
        assertThat(seqs).as("no gap where the refused event was")
                .containsExactlyElementsOf(LongStream.rangeClosed(1, seqs.size()).boxed().toList());
        assertThat(fixture.logNames(db, id)).doesNotContainSequence("draft-delta", "draft-delta")
                .endsWith("draft-delta", "complete");
    }

    private static void awaitCheckpoint(Database db, String id, String stage) throws InterruptedException {
        awaitTrue(() -> db.read(sql -> sql.queryOne("SELECT 1 FROM checkpoints c JOIN jobs j ON j.key = c.job_key "
                + "WHERE j.id = ? AND c.stage = ?", rs -> true, id, stage)).isPresent());
    }

    private static void awaitState(SqlJobQueue queue, String id, JobState state) throws InterruptedException {
        awaitTrue(() -> queue.status(id).orElseThrow().state() == state);
    }

    /** Waits for a condition the test cannot be told about directly, checking it every 10 ms. */
    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting");
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }
}
