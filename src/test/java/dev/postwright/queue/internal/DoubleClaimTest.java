package dev.postwright.queue.internal;

import static dev.postwright.queue.internal.QueueFixture.progress;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.jobs.CancellationToken.Reason;
import dev.postwright.jobs.CancellationToken;
import dev.postwright.jobs.CommandResult;
import dev.postwright.jobs.JobCancelledException;
import dev.postwright.model.JobResult;
import dev.postwright.model.JobState;
import dev.postwright.queue.JobContext;
import dev.postwright.testing.Briefs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One engine claims the same job twice: its first run stalls past the lease, another engine's
 * sweep re-queues the job, and this engine claims it again while the first run is still in its
 * handler. Only the second claim may write, and cancelling the job must reach the second run.
 */
/** Part of the queue's contract: runs on SQLite and on PostgreSQL. */
@ParameterizedClass
@EnumSource(QueueFixture.Store.class)
class DoubleClaimTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    final QueueFixture fixture;

    DoubleClaimTest(QueueFixture.Store store) {
        fixture = new QueueFixture(store);
    }

    /** Runs {@code runDueJobs} off the test thread, so two runs of one engine can overlap. */
    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private final CountDownLatch firstInHandler = new CountDownLatch(1);
    private final CountDownLatch secondInHandler = new CountDownLatch(1);
    private final CountDownLatch resumeFirst = new CountDownLatch(1);
    /** Each run's token and how its handler saw it stopped, by attempt. */
    private final Map<Integer, CancellationToken> tokens = new ConcurrentHashMap<>();
    private final Map<Integer, CompletableFuture<Reason>> stopped = Map.of(1, new CompletableFuture<>(),
            2, new CompletableFuture<>());
    private SqlJobQueue engine;
    private String id;
    private Future<Integer> first;
    private Future<Integer> second;

    @BeforeEach
    void claimTheJobTwice() throws Exception {
        engine = fixture.manual(this::run);
        var sweeper = fixture.manual(ctx -> {
            throw new AssertionError("the sweeping engine runs nothing");
        });
        id = engine.enqueue(Briefs.brief("t"), null);
        first = workers.submit(engine::runDueJobs);
        assertThat(firstInHandler.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        fixture.clock.advance(QueueFixture.FAST.leaseDuration().plusSeconds(1)); // the first run stalled past its lease
        assertThat(sweeper.sweepNow()).isEqualTo(1);
        second = workers.submit(engine::runDueJobs);
        assertThat(secondInHandler.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    @AfterEach
    void stopWorkers() throws InterruptedException {
        resumeFirst.countDown();
        workers.shutdownNow(); // interrupts a run still waiting, which then ends as a shutdown
        assertThat(workers.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    private JobResult run(JobContext ctx) throws InterruptedException {
        tokens.put(ctx.attempt(), ctx.cancellation());
        if (ctx.attempt() == 1) {
            firstInHandler.countDown();
            resumeFirst.await();
            try { // the stalled run wakes up and carries on as if it still held the job
                ctx.completeStage("draft", "{\"run\":1}", List.of(progress(50, "Draft of the stalled run")));
            } catch (JobCancelledException e) {
                stopped.get(1).complete(e.reason());
                throw e;
            }
            return Briefs.result("from the stalled run");
        }
        secondInHandler.countDown();
        var cancelled = new CountDownLatch(1);
        try (var registration = ctx.cancellation().onCancel(cancelled::countDown)) {
            cancelled.await();
        }
        stopped.get(2).complete(ctx.cancellation().reason());
        ctx.cancellation().throwIfCancelled();
        return Briefs.result("from the second run");
    }

    @Test
    void theFirstRunsWritesAreRefusedAndCancellingReachesTheSecondRun() throws Exception {
        resumeFirst.countDown();
        assertThat(first.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(stopped.get(1).getNow(null)).as("the first run lost its claim").isEqualTo(Reason.TAKEN_OVER);
        var db = fixture.database();
        assertThat(fixture.logNames(db, id)).as("nothing of the first run is logged").isEmpty();
        assertThat(engine.status(id).orElseThrow().state()).isEqualTo(JobState.RUNNING);

        assertThat(engine.cancel(id)).isEqualTo(CommandResult.APPLIED);

        assertThat(stopped.get(2).get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(Reason.CANCELLED);
        assertThat(second.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(engine.status(id).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
        assertThat(fixture.logNames(db, id)).containsExactly("failed");
        int checkpoints = db.read(sql -> sql.queryOne("SELECT count(*) FROM checkpoints", rs -> rs.getInt(1)).orElseThrow());
        assertThat(checkpoints).isZero();
    }

    @Test
    void theHeartbeatRenewsOnlyTheSecondClaimAndStopsTheFirstRun() throws Exception {
        fixture.clock.advance(Duration.ofSeconds(5));
        engine.heartbeatNow();

        assertThat(tokens.get(1).reason()).as("the first run is stopped").isEqualTo(Reason.TAKEN_OVER);
        assertThat(tokens.get(2).isCancelled()).as("the second run goes on").isFalse();
        long leaseUntil = fixture.database().read(sql -> sql.queryOne("SELECT lease_until FROM jobs WHERE id = ?",
                rs -> rs.getLong(1), id).orElseThrow());
        assertThat(leaseUntil).isEqualTo(fixture.clock.millis() + QueueFixture.FAST.leaseDuration().toMillis());
    }
}
