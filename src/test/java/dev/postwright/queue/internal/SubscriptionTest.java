package dev.postwright.queue.internal;

import static dev.postwright.queue.internal.QueueFixture.progress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postwright.jobs.JobNotFoundException;
import dev.postwright.jobs.LoggedEvent;
import dev.postwright.model.JobEvent;
import dev.postwright.queue.QueueSettings;
import dev.postwright.testing.Briefs;
import dev.postwright.testing.LogCapture;
import dev.postwright.testing.RecordingListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Part of the queue's contract: runs on SQLite and on PostgreSQL. */
@ParameterizedClass
@EnumSource(QueueFixture.Store.class)
class SubscriptionTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final QueueFixture fixture;

    SubscriptionTest(QueueFixture.Store store) {
        fixture = new QueueFixture(store);
    }



    @Test
    void replaysWhatIsLoggedThenContinuesLive() throws Exception {
        var halfway = new CountDownLatch(1);
        var goOn = new CountDownLatch(1);
        var queue = fixture.threaded(ctx -> {
            ctx.emit(progress(10, "one"));
            ctx.emit(progress(20, "two"));
            halfway.countDown();
            goOn.await();
            ctx.emit(progress(30, "three"));
            return Briefs.result("t");
        }, QueueSettings.DEFAULTS.withWorkers(1));
        queue.start();
        String id = queue.enqueue(Briefs.brief("t"), null);
        assertThat(halfway.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        var fromStart = new RecordingListener();
        var fromOne = new RecordingListener();
        queue.subscribe(id, 0, fromStart);
        queue.subscribe(id, 1, fromOne);
        assertThat(fromStart.awaitEvents(2, WAIT)).extracting(LoggedEvent::seq).containsExactly(1L, 2L);
        goOn.countDown();

        assertThat(fromStart.awaitEnd(WAIT)).extracting(e -> QueueFixture.name(e.event()))
                .containsExactly("progress-update", "progress-update", "progress-update", "complete");
        assertThat(fromOne.awaitEnd(WAIT)).extracting(LoggedEvent::seq).containsExactly(2L, 3L, 4L);
        assertThat(((JobEvent.Complete) fromStart.payloads().getLast()).result().post().title()).isEqualTo("t");
    }

    @Test
    void subscribersJoiningWhileEventsAreAppendedMissNothingAndSeeNothingTwice() throws Exception {
        int rounds = 20;
        int perRound = 150;
        var emitted = new Semaphore(0);
        var joined = new Semaphore(0);
        // The worker emits a round, lets the test subscribe, and goes on at once: each subscription
        // starts while that round's events are still being committed and the next are on their way.
        var queue = fixture.threaded(ctx -> {
            int seq = 0;
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < perRound; i++) ctx.emit(new JobEvent.DraftDelta(++seq, "word" + seq + " "));
                emitted.release();
                joined.acquire();
            }
            return Briefs.result("t");
        }, QueueSettings.DEFAULTS.withWorkers(1));
        queue.start();
        String id = queue.enqueue(Briefs.brief("t"), null);

        var db = fixture.database();
        List<RecordingListener> listeners = new ArrayList<>();
        List<Long> starts = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            assertThat(emitted.tryAcquire(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            long end = db.read(sql -> SqlEventLog.lastSeq(sql, id));
            long after = i % 2 == 0 ? end : end / 2;
            var listener = new RecordingListener();
            queue.subscribe(id, after, listener);
            joined.release();
            listeners.add(listener);
            starts.add(after);
        }
        long last = (long) rounds * perRound + 1; // the deltas, then complete
        for (int i = 0; i < listeners.size(); i++) {
            List<Long> seqs = listeners.get(i).awaitEnd(WAIT).stream().map(LoggedEvent::seq).toList();
            assertThat(seqs).as("subscriber %d, after seq %d", i, starts.get(i))
                    .isEqualTo(LongStream.rangeClosed(starts.get(i) + 1, last).boxed().toList());
        }
    }

    @Test
    void aFinishedJobReplaysAndEnds() throws Exception {
        var queue = fixture.manual(ctx -> {
            ctx.emit(progress(50, "half"));
            return Briefs.result("t");
        });
        String id = queue.enqueue(Briefs.brief("t"), null);
        queue.runDueJobs();
        var all = new RecordingListener();
        queue.subscribe(id, 0, all);
        assertThat(all.awaitEnd(WAIT)).extracting(LoggedEvent::seq).containsExactly(1L, 2L);
        var nothingLeft = new RecordingListener();
        queue.subscribe(id, 2, nothingLeft);
        assertThat(nothingLeft.awaitEnd(WAIT)).isEmpty();
    }

    @Test
    void closingASubscriptionEndsItOnce() throws Exception {
        var queue = fixture.manual(ctx -> Briefs.result("t"));
        String id = queue.enqueue(Briefs.brief("t"), null);
        var listener = new RecordingListener();
        var subscription = queue.subscribe(id, 0, listener);
        subscription.close();
        subscription.close();
        assertThat(listener.awaitEnd(WAIT)).isEmpty();
    }

    @Test
    void closingTheQueueWaitsForADeliveryInProgressSoNoneReadsAClosedDatabase() throws Exception {
        var queue = fixture.manual(ctx -> {
            ctx.emit(progress(50, "half"));
            return Briefs.result("t");
        });
        String id = queue.enqueue(Briefs.brief("t"), null);
        queue.runDueJobs();
        var inDelivery = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
        queue.subscribe(id, 0, new dev.postwright.jobs.JobEventListener() {
            @Override
            public void onEvent(LoggedEvent event) {
                inDelivery.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void onEnd() {
                order.add("subscription ended");
            }
        });
        assertThat(inDelivery.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        Thread closer = Thread.ofPlatform().start(() -> {
            queue.close();
            order.add("queue closed");
        });
        // The closer either returns at once (the defect) or parks waiting for the delivery.
        while (closer.getState() != Thread.State.TIMED_WAITING && closer.getState() != Thread.State.TERMINATED) {
            Thread.onSpinWait();
        }
        release.countDown();
        closer.join(WAIT);

        assertThat(order).containsExactly("subscription ended", "queue closed");
    }

    @Test
    void subscribingToAnUnknownJobFails() throws Exception {
        var queue = fixture.manual(ctx -> Briefs.result("t"));
        assertThatThrownBy(() -> queue.subscribe("nope", 0, new RecordingListener()))
                .isInstanceOf(JobNotFoundException.class).hasMessage("There is no job nope.");
    }

    @Test
    void anUnknownOrDamagedEventInTheLogIsSkippedWithAWarning() throws Exception {
        var queue = fixture.manual(ctx -> {
            ctx.emit(progress(10, "before"));
            return Briefs.result("t");
        });
        String id = queue.enqueue(Briefs.brief("t"), null);
        var db = fixture.database();
        queue.runDueJobs();
        // A newer Postwright (or a bad disk) left events this version cannot read.
        long key = db.read(sql -> sql.queryOne("SELECT key FROM jobs WHERE id = ?", rs -> rs.getLong(1), id).orElseThrow());
        db.transaction(sql -> sql.update("UPDATE job_events SET seq = seq + 2 WHERE job_key = ? AND name = 'complete'", key));
        db.transaction(sql -> sql.update("INSERT INTO job_events (job_key, seq, name, data, at) VALUES "
                + "(?, 2, 'quality-prediction', '{}', 0), (?, 3, 'blog-result', '{not json', 0)", key, key));
        try (var log = LogCapture.of(EventPump.class)) {
            var listener = new RecordingListener();
            queue.subscribe(id, 0, listener);
            assertThat(listener.awaitEnd(WAIT)).extracting(LoggedEvent::seq).containsExactly(1L, 4L);
            assertThat(log.messages()).anySatisfy(m -> assertThat(m).startsWith("WARNING")
                    .contains("unknown event name \"quality-prediction\""));
            assertThat(log.messages()).anySatisfy(m -> assertThat(m).startsWith("WARNING")
                    .contains("The \"blog-result\" event is not valid JSON"));
        }
    }

    @Test
    void whenFinishedFollowsARetryToItsNewEnd() throws Exception {
        var runs = new java.util.concurrent.atomic.AtomicInteger();
        var queue = fixture.manual(ctx -> {
            if (runs.incrementAndGet() == 1) throw dev.postwright.jobs.JobFailure.permanent("first run fails", null);
            return Briefs.result("t");
        });
        String id = queue.enqueue(Briefs.brief("t"), null);
        queue.runDueJobs();
        assertThat(queue.whenFinished(id).get(WAIT.toSeconds(), TimeUnit.SECONDS).error()).isEqualTo("first run fails");
        queue.retry(id);
        var finished = queue.whenFinished(id);
        queue.runDueJobs();
        assertThat(finished.get(WAIT.toSeconds(), TimeUnit.SECONDS).result().post().title()).isEqualTo("t");
    }
}
