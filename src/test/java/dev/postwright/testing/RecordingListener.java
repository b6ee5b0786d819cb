package dev.postwright.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.jobs.JobEventListener;
import dev.postwright.jobs.LoggedEvent;
import dev.postwright.model.JobEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Records what a subscription delivers and fails the test on a broken contract: overlapping
 * calls, an event after the end, or a second end.
 */
public final class RecordingListener implements JobEventListener {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition grew = lock.newCondition();
    private final List<LoggedEvent> events = new ArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final AtomicInteger inside = new AtomicInteger();
    private final List<String> violations = new ArrayList<>();

    @Override
    public void onEvent(LoggedEvent event) {
        if (inside.incrementAndGet() != 1) violation("onEvent called concurrently");
        if (ended.getCount() == 0) violation("onEvent after onEnd");
        lock.lock();
        try {
            events.add(event);
            grew.signalAll();
        } finally {
            lock.unlock();
            inside.decrementAndGet();
        }
    }

    @Override
    public void onEnd() {
        if (ended.getCount() == 0) violation("onEnd called twice");
        ended.countDown();
        lock.lock();
        try {
            grew.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until at least {@code n} events arrived; fails after {@code timeout}. */
    public List<LoggedEvent> awaitEvents(int n, Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (events.size() < n) {
                if (nanos <= 0) throw new AssertionError("only " + events.size() + " of " + n + " events arrived");
                nanos = grew.awaitNanos(nanos);
            }
            return List.copyOf(events);
        } finally {
            lock.unlock();
        }
    }

    /** Waits for the end of the subscription and returns everything delivered. */
    public List<LoggedEvent> awaitEnd(Duration timeout) throws InterruptedException {
        assertThat(ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS))
                .as("subscription ended within %s", timeout).isTrue();
        assertThat(violations).isEmpty();
        return events();
    }

    public boolean hasEnded() {
        return ended.getCount() == 0;
    }

    public List<LoggedEvent> events() {
        lock.lock();
        try {
            return List.copyOf(events);
        } finally {
            lock.unlock();
        }
    }

    public List<JobEvent> payloads() {
        return events().stream().map(LoggedEvent::event).toList();
    }

    public List<Long> seqs() {
        return events().stream().map(LoggedEvent::seq).toList();
    }

    private synchronized void violation(String what) {
        violations.add(what);
    }
}
