package dev.postwright.queue.internal;

import static dev.postwright.queue.internal.QueueFixture.progress;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.jobs.CancellationToken;
import dev.postwright.jobs.JobCancelledException;
import dev.postwright.model.JobState;
import dev.postwright.queue.QueueSettings;
import dev.postwright.testing.Briefs;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Part of the queue's contract: runs on SQLite and on PostgreSQL. */
@ParameterizedClass
@EnumSource(QueueFixture.Store.class)
class CancelAndTakeoverTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    final QueueFixture fixture;

    CancelAndTakeoverTest(QueueFixture.Store store) {
        fixture = new QueueFixture(store);
    }



    @Test
    void cancelAbortsABlockingHttpCallAndStoresNothingAfterwards() throws Exception {
        try (var server = new MockWebServer()) {
            // The model server accepts the request and never answers.
            server.enqueue(new MockResponse.Builder().headersDelay(1, TimeUnit.HOURS).build());
            server.start();
            var client = new OkHttpClient.Builder().readTimeout(Duration.ofHours(1)).build();
            var inCall = new CountDownLatch(1);
            var callFailure = new AtomicReference<IOException>();
            var afterCancel = new AtomicReference<Throwable>();
            var queue = fixture.threaded(ctx -> {
                ctx.emit(progress(10, "Asking the model"));
                var call = client.newCall(new Request.Builder().url(server.url("/v1/chat/completions")).build());
                var abort = ctx.cancellation().onCancel(call::cancel);
                try {
                    inCall.countDown();
                    call.execute().close();
                } catch (IOException e) {
                    callFailure.set(e);
                } finally {
                    abort.close();
                }
                try { // a careless stage that carries on after the abort
                    ctx.completeStage("draft", "{\"partial\":true}", List.of(progress(50, "Draft")));
                } catch (JobCancelledException e) {
                    afterCancel.set(e);
                    throw e;
                }
                return Briefs.result("never");
            }, QueueSettings.DEFAULTS.withWorkers(1));
            queue.start();
            String id = queue.enqueue(Briefs.brief("t"), null);
            assertThat(inCall.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

            queue.cancel(id);

            var finished = queue.whenFinished(id).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(finished.state()).isEqualTo(JobState.CANCELLED);
            assertThat(finished.error()).isEqualTo("Cancelled");
            waitUntilIdle(queue);
            assertThat(callFailure.get()).as("the HTTP call was aborted").isNotNull();
            assertThat(afterCancel.get()).isInstanceOfSatisfying(JobCancelledException.class,
                    e -> assertThat(e.reason()).isEqualTo(CancellationToken.Reason.CANCELLED));
            var db = fixture.database();
            assertThat(fixture.logNames(db, id)).containsExactly("progress-update", "failed");
            int checkpoints = db.read(sql -> sql.queryOne("SELECT count(*) FROM checkpoints", rs -> rs.getInt(1)).orElseThrow());
            assertThat(checkpoints).isZero();
            client.dispatcher().executorService().shutdown();
        }
    }

    @Test
    void anEngineWhoseLeaseLapsedIsStoppedAndAnotherFinishesTheJob() throws Exception {
        var slowStarted = new CountDownLatch(1);
        var slowStopped = new CompletableFuture<CancellationToken.Reason>();
        var slow = fixture.threaded(ctx -> {
            ctx.completeStage("outline", "{}", List.of(progress(20, "Outline")));
            slowStarted.countDown();
            // Stands in for an engine stalled past its lease (a laptop lid closed mid-job).
            awaitCancellation(ctx.cancellation());
            slowStopped.complete(ctx.cancellation().reason());
            ctx.emit(progress(90, "Too late"));
            return Briefs.result("from the stale engine");
        }, QueueSettings.DEFAULTS.withWorkers(1));
        slow.start();
        String id = slow.enqueue(Briefs.brief("t"), null);
        assertThat(slowStarted.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        var db = fixture.database();
        db.transaction(sql -> sql.update("UPDATE jobs SET lease_until = 0 WHERE id = ?", id)); // the lease ran out
        var other = fixture.manual(ctx -> {
            assertThat(ctx.checkpoints()).containsKey("outline");
            ctx.completeStage("outline", "{}", List.of(progress(20, "Outline")));
            return Briefs.result("from the healthy engine");
        });
        assertThat(other.sweepNow()).isEqualTo(1);
        assertThat(other.runDueJobs()).isEqualTo(1);

        slow.heartbeatNow();
        assertThat(slowStopped.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(CancellationToken.Reason.TAKEN_OVER);
        waitUntilIdle(slow);
        var status = slow.status(id).orElseThrow();
        assertThat(status.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(status.result().post().title()).isEqualTo("from the healthy engine");
        assertThat(status.attempts()).isEqualTo(2);
        assertThat(fixture.logNames(db, id)).containsExactly("progress-update", "complete");
    }

    @Test
    void aLiveLeaseIsNotSweptButAnExpiredOneIs() throws Exception {
        var queue = fixture.manual(ctx -> Briefs.result("t"));
        String id = queue.enqueue(Briefs.brief("t"), null);
        var db = fixture.database();
        long in10s = fixture.clock.millis() + 10_000;
        // Held by an engine on another machine sharing the file: only its lease can tell.
        db.transaction(sql -> sql.update("UPDATE jobs SET state = 'running', claimed_by = '1@elsewhere/x', lease_until = ?,"
                + " attempts = 1 WHERE id = ?", in10s, id));
        assertThat(queue.sweepNow()).isZero();
        fixture.clock.advance(Duration.ofSeconds(11));
        assertThat(queue.sweepNow()).isEqualTo(1);
        assertThat(queue.runDueJobs()).isEqualTo(1);
        assertThat(queue.status(id).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
    }

    @Test
    void aJobThisEngineHoldsButNoLongerRunsIsNotRenewedAndIsSweptWhenItsLeaseRunsOut() throws Exception {
        var queue = fixture.manual(ctx -> Briefs.result("t"));
        String id = queue.enqueue(Briefs.brief("t"), null);
        long lease = fixture.clock.millis() + 30_000;
        // As after a run whose outcome could not be stored (say, the disk was full): still ours in the table.
        fixture.database().transaction(sql -> sql.update("UPDATE jobs SET state = 'running', claimed_by = ?, "
                + "lease_until = ?, attempts = 1 WHERE id = ?", WorkerIdentity.claim(queue.workerId(), 1), lease, id));
        queue.heartbeatNow();
        long renewed = fixture.database().read(sql -> sql.queryOne("SELECT lease_until FROM jobs WHERE id = ?",
                rs -> rs.getLong(1), id).orElseThrow());
        assertThat(renewed).as("the heartbeat renews only runs in progress").isEqualTo(lease);
        assertThat(queue.sweepNow()).isZero();
        fixture.clock.advance(Duration.ofSeconds(31));
        assertThat(queue.sweepNow()).isEqualTo(1);
        assertThat(queue.runDueJobs()).isEqualTo(1);
        assertThat(queue.status(id).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
    }

    @Test
    void aJobThatKeepsKillingEnginesIsFailedInsteadOfRunAgain() throws Exception {
        var queue = fixture.manual(ctx -> Briefs.result("t"));
        String id = queue.enqueue(Briefs.brief("t"), null);
        String deadEngine = deadProcessId() + "@" + WorkerIdentity.host() + "/dead";
        fixture.database().transaction(sql -> sql.update("UPDATE jobs SET state = 'running', claimed_by = ?, "
                + "lease_until = ?, attempts = 3 WHERE id = ?", deadEngine, Long.MAX_VALUE, id));
        assertThat(queue.sweepNow()).isEqualTo(1);
        var status = queue.status(id).orElseThrow();
        assertThat(status.state()).isEqualTo(JobState.FAILED);
        assertThat(status.errorCode()).isEqualTo("ABANDONED");
        assertThat(status.error()).startsWith("Postwright stopped unexpectedly 3 times while working on this job");
    }

    @Test
    void closingTheQueueSendsRunningJobsBackToBeResumed() throws Exception {
        var started = new CountDownLatch(1);
        var queue = fixture.threaded(ctx -> {
            started.countDown();
            awaitCancellation(ctx.cancellation());
            ctx.cancellation().throwIfCancelled();
            return Briefs.result("t");
        }, QueueSettings.DEFAULTS.withWorkers(1));
        queue.start();
        String id = queue.enqueue(Briefs.brief("t"), null);
        assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        queue.close();
        var status = queue.status(id).orElseThrow();
        assertThat(status.state()).isEqualTo(JobState.QUEUED);
        assertThat(status.attempts()).as("a shutdown does not use up an attempt").isZero();
    }

    /** Blocks until the token is cancelled, as a job blocked in I/O that cancellation aborts. */
    private static void awaitCancellation(CancellationToken token) throws InterruptedException {
        var stopped = new CountDownLatch(1);
        var registration = token.onCancel(stopped::countDown);
        try {
            stopped.await();
        } finally {
            registration.close();
        }
    }

    /** A pid that certainly belongs to no running process: one that just exited. */
    static long deadProcessId() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    /** Waits until the queue's workers have no job in hand (the run has recorded its end). */
    private static void waitUntilIdle(SqlJobQueue queue) throws InterruptedException {
        assertThat(queue.awaitIdle(WAIT)).as("the run ended").isTrue();
    }
}
