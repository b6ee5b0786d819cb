package dev.postwright.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.jobs.JobEventListener;
import dev.postwright.jobs.LoggedEvent;
import dev.postwright.model.JobEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Records what a subscription delivers and fails the test on a broken contract: overlapping
 * calls, an event after the end, or a second end. It also notes the threads it was called on,
 * and can hold one delivery until the test releases it (a slow listener).
 */
public final class RecordingListener implements JobEventListener {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition grew = lock.newCondition();
    private final List<LoggedEvent> events = new ArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final AtomicInteger inside = new AtomicInteger();
    private final List<String> violations = new ArrayList<>();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private volatile int holdAt;
    private volatile CountDownLatch held;
    private volatile CountDownLatch release;

    /**
     * Makes the {@code n}-th delivery (from 1) wait inside {@code onEvent} until {@code release}
     * is counted down; {@code held} is counted down when it starts waiting.
     */
    public RecordingListener holdingDelivery(int n, CountDownLatch held, CountDownLatch release) {
        this.holdAt = n;
        this.held = held;
        this.release = release;
        return this;
    }

    @Override
    public void onEvent(LoggedEvent event) {
        threads.add(Thread.currentThread());
        if (inside.incrementAndGet() != 1) violation("onEvent called concurrently");
        if (ended.getCount() == 0) violation("onEvent after onEnd");
        int count;
        lock.lock();
        try {
            events.add(event);
            count = events.size();
            grew.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            if (count == holdAt) {
                held.countDown();
                release.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inside.decrementAndGet();
        }
    }

    @Override
    public void onEnd() {
        threads.add(Thread.currentThread());
        if (inside.get() != 0) violation("onEnd called while onEvent runs");
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

    /** Waits until an event matching {@code wanted} arrived; fails after {@code timeout}. */
    public List<LoggedEvent> awaitEvent(Predicate<JobEvent> wanted, Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (events.stream().noneMatch(e -> wanted.test(e.event()))) {
                if (nanos <= 0) throw new AssertionError("the awaited event did not arrive; got " + events);
                nanos = grew.awaitNanos(nanos);
            }
            return List.copyOf(events);
        } finally {
            lock.unlock();
        }
    }

    /** Waits until an event of {@code type} arrived; fails after {@code timeout}. */
    public List<LoggedEvent> awaitEvent(Class<? extends JobEvent> type, Duration timeout) throws InterruptedException {
        return awaitEvent(type::isInstance, timeout);
    }

    /** Every thread that called this listener. */
    public Set<Thread> threads() {
        return Set.copyOf(threads);
    }

    /** The contract violations seen so far. */
    public synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    /** Waits for the end of the subscription and returns everything delivered. */
    public List<LoggedEvent> awaitEnd(Duration timeout) throws InterruptedException {
        assertThat(ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS))
                .as("subscription ended within %s", timeout).isTrue();
        assertThat(violations()).isEmpty();
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
