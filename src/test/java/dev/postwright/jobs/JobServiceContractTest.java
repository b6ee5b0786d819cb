package dev.postwright.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.postwright.testing.RecordingListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link JobService} promises a {@link JobEventListener}, checked the same way for the
 * local queue and for both team-server clients: replay then live, in order, without gaps or
 * repeats; the terminal event ends the subscription; {@code onEnd} exactly once, after the last
 * delivery and never alongside one; {@code close()} ends it once, returns without waiting for a
 * busy listener, and nothing is delivered after it; listeners are never called on the thread that
 * subscribed or closed.
 */
public abstract class JobServiceContractTest {
    protected static final Duration WAIT = Duration.ofSeconds(30);

    /** The implementation under test, ready to use. */
    protected abstract JobService jobs();

    /**
     * Starts a job that delivers at least {@link #early()} events and then waits until
     * {@link #letJobsFinish()}; it then sends at least one more event and succeeds.
     */
    protected abstract String startJobThatWaits() throws Exception;

    protected abstract void letJobsFinish();

    /** How many events a started job has delivered before it waits. */
    protected int early() {
        return 2;
    }

    private static List<String> seen(RecordingListener listener) {
        return listener.events().stream().map(e -> e.seq() + " " + e.event()).toList();
    }

    private static List<Long> oneTo(int n) {
        return LongStream.rangeClosed(1, n).boxed().toList();
    }

    @Test
    void replaysWhatHappenedThenDeliversLiveInOrderWithoutGapsOrRepeats() throws Exception {
        String id = startJobThatWaits();
        var first = new RecordingListener();
        jobs().subscribe(id, 0, first);
        first.awaitEvents(early(), WAIT);
        var late = new RecordingListener();
        var fromOne = new RecordingListener();
        jobs().subscribe(id, 0, late);
        jobs().subscribe(id, 1, fromOne);
        late.awaitEvents(early(), WAIT);
        letJobsFinish();

        var all = first.awaitEnd(WAIT);
        assertThat(all.size()).isGreaterThan(early());
        assertThat(first.seqs()).containsExactlyElementsOf(oneTo(all.size()));
        assertThat(all.getLast().event().isTerminal()).as("the last event ends the job").isTrue();
        assertThat(all.subList(0, all.size() - 1)).noneMatch(e -> e.event().isTerminal());
        late.awaitEnd(WAIT);
        assertThat(seen(late)).isEqualTo(seen(first));
        fromOne.awaitEnd(WAIT);
        assertThat(seen(fromOne)).isEqualTo(seen(first).subList(1, all.size()));
        Thread me = Thread.currentThread();
        assertThat(first.threads()).doesNotContain(me);
        assertThat(late.threads()).doesNotContain(me);
    }

    @Test
    void aFinishedJobReplaysFromAnySequenceNumberAndEndsBySelf() throws Exception {
        String id = startJobThatWaits();
        var whole = new RecordingListener();
        jobs().subscribe(id, 0, whole);
        whole.awaitEvents(early(), WAIT);
        letJobsFinish();
        int n = whole.awaitEnd(WAIT).size();

        var fromTwo = new RecordingListener();
        jobs().subscribe(id, 2, fromTwo);
        assertThat(fromTwo.awaitEnd(WAIT)).extracting(LoggedEvent::seq).containsExactlyElementsOf(oneTo(n).subList(2, n));
        var pastTheEnd = new RecordingListener();
        jobs().subscribe(id, n, pastTheEnd);
        assertThat(pastTheEnd.awaitEnd(WAIT)).isEmpty();
        assertThat(pastTheEnd.threads()).doesNotContain(Thread.currentThread());
    }

    @Test
    void closeReturnsWhileTheListenerIsBusyThenEndsOnceAndDeliversNothingMore() throws Exception {
        String id = startJobThatWaits();
        var held = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var busy = new RecordingListener().holdingDelivery(1, held, release);
        var subscription = new AtomicReference<Subscription>();
        // Neither subscribing nor closing may wait for a listener (nor call it on the caller's thread).
        assertTimeoutPreemptively(WAIT, () -> subscription.set(jobs().subscribe(id, 0, busy)));
        held.await();
        assertTimeoutPreemptively(WAIT, () -> {
            subscription.get().close();
            subscription.get().close();
        });
        assertThat(busy.hasEnded()).as("onEnd waits for the delivery in progress").isFalse();
        release.countDown();
        assertThat(busy.awaitEnd(WAIT)).extracting(LoggedEvent::seq).containsExactly(1L);
        assertThat(busy.threads()).doesNotContain(Thread.currentThread());

        letJobsFinish();
        var watcher = new RecordingListener();
        jobs().subscribe(id, 0, watcher);
        watcher.awaitEnd(WAIT);
        assertThat(busy.events()).hasSize(1);
        assertThat(busy.violations()).isEmpty();
    }

    @Test
    void closingALiveSubscriptionEndsItOnTheDeliveryThread() throws Exception {
        String id = startJobThatWaits();
        var listener = new RecordingListener();
        var subscription = jobs().subscribe(id, 0, listener);
        listener.awaitEvents(early(), WAIT);
        subscription.close();
        var events = listener.awaitEnd(WAIT);
        assertThat(events).extracting(LoggedEvent::seq).containsExactlyElementsOf(oneTo(events.size()));
        assertThat(listener.threads()).doesNotContain(Thread.currentThread());
        letJobsFinish();
        var watcher = new RecordingListener();
        jobs().subscribe(id, 0, watcher);
        watcher.awaitEnd(WAIT);
        assertThat(listener.events()).hasSize(events.size());
    }
}
