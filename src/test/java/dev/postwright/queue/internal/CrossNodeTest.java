package dev.postwright.queue.internal;

import static dev.postwright.queue.internal.QueueFixture.progress;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.jobs.CommandResult;
import dev.postwright.jobs.LoggedEvent;
import dev.postwright.model.JobEvent;
import dev.postwright.model.JobState;
import dev.postwright.queue.JobHandler;
import dev.postwright.queue.QueueSettings;
import dev.postwright.store.SqlDatabase;
import dev.postwright.testing.Briefs;
import dev.postwright.testing.RecordingListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two nodes on one PostgreSQL, each an engine with its own pool, writer and listening connection.
 * Their poll interval is ten minutes, far past every wait here: work and events can only reach
 * the other node through announcements (LISTEN/NOTIFY), which these tests therefore exercise.
 */
class CrossNodeTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Polls that never come within a test: only announcements wake the nodes. */
    private static final QueueSettings NO_POLLING = QueueFixture.FAST.withPollInterval(Duration.ofMinutes(10));

    @RegisterExtension
    final QueueFixture fixture = new QueueFixture(QueueFixture.Store.POSTGRESQL);

    private static JobHandler steps(int count, CountDownLatch hold) {
        return ctx -> {
            for (int i = 1; i <= count; i++) {
                ctx.emit(progress(i, "step " + i));
                if (i == count / 2) hold.await(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
            return Briefs.result(ctx.jobId());
        };
    }

    @Test
    void aJobEnqueuedOnOneNodeRunsOnAnotherAndItsStreamThereSeesEveryEventOnceInOrder() throws Exception {
        var hold = new CountDownLatch(1);
        var worker = fixture.threaded(steps(40, hold), NO_POLLING.withWorkers(1));
        var front = fixture.threaded(ctx -> { throw new AssertionError("the front node has no workers"); },
                NO_POLLING.withWorkers(0));
        worker.start();
        front.start();

        String id = front.enqueue(Briefs.brief("across"), "ada");
        var live = new RecordingListener();
        front.subscribe(id, 0, live);
        // Half the steps are logged by the other node and seen here while the run waits.
        live.awaitEvents(20, WAIT);
        assertThat(front.status(id).orElseThrow().state()).isEqualTo(JobState.RUNNING);
        hold.countDown();

        List<LoggedEvent> events = live.awaitEnd(WAIT);
        assertThat(events).extracting(LoggedEvent::seq).containsExactlyElementsOf(LongStream.rangeClosed(1, 41).boxed().toList());
        assertThat(events.getLast().event()).isInstanceOf(JobEvent.Complete.class);
        assertThat(live.violations()).isEmpty();

        // A reconnecting client (Last-Event-ID: 30) gets the rest, from this node, once.
        var resumed = new RecordingListener();
        front.subscribe(id, 30, resumed);
        assertThat(resumed.awaitEnd(WAIT)).extracting(LoggedEvent::seq).containsExactlyElementsOf(
                LongStream.rangeClosed(31, 41).boxed().toList());
        assertThat(front.listOwnedBy("ada", 10)).extracting(s -> s.jobId()).containsExactly(id);
    }

    @Test
    void aCancelOnOneNodeStopsTheRunOnAnother() throws Exception {
        var started = new CountDownLatch(1);
        var worker = fixture.threaded(ctx -> {
            started.countDown();
            for (int i = 0; ; i++) {
                ctx.emit(progress(1, "working " + i)); // refused once the job is cancelled: the run stops
                Thread.onSpinWait();
            }
        }, NO_POLLING.withWorkers(1));
        var front = fixture.threaded(ctx -> Briefs.result("unused"), NO_POLLING.withWorkers(0));
        worker.start();
        String id = front.enqueue(Briefs.brief("stop me"), null);
        assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        assertThat(front.cancel(id)).isEqualTo(CommandResult.APPLIED);
        assertThat(worker.awaitIdle(WAIT)).as("the other node's run stopped").isTrue();
        var status = front.whenFinished(id).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(status.errorCode()).isEqualTo("CANCELLED");
        // Nothing the run did after the cancel was stored: the log ends with the cancellation.
        List<String> names = fixture.logNames(fixture.database(), id);
        assertThat(names.getLast()).isEqualTo("failed");
        assertThat(names.subList(0, names.size() - 1)).allMatch("progress-update"::equals);
    }

    @Test
    void aNodeThatLostItsListeningConnectionHearsTheOthersAgain() throws Exception {
        SqlDatabase workerDb = fixture.database();
        var worker = fixture.threaded(workerDb, ctx -> Briefs.result(ctx.jobId()), NO_POLLING.withWorkers(1));
        var front = fixture.threaded(ctx -> Briefs.result("unused"), NO_POLLING.withWorkers(0));
        worker.start();
        assertThat(front.whenFinished(front.enqueue(Briefs.brief("before"), null)).get(WAIT.toSeconds(),
                TimeUnit.SECONDS).state()).isEqualTo(JobState.SUCCEEDED);

        // The server drops every listening session (a restart, a failover, a network cut would too).
        int dropped = workerDb.read(sql -> sql.queryOne("""
                SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                WHERE datname = current_database() AND query LIKE 'LISTEN%'""", rs -> rs.getInt(1)).orElseThrow());
        assertThat(dropped).isGreaterThanOrEqualTo(1);

        assertThat(front.whenFinished(front.enqueue(Briefs.brief("after"), null)).get(WAIT.toSeconds(),
                TimeUnit.SECONDS).state()).isEqualTo(JobState.SUCCEEDED);
    }
}
