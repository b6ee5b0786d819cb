package dev.postwright.remote;

import dev.postwright.jobs.JobEventListener;
import dev.postwright.jobs.LoggedEvent;
import dev.postwright.model.JobEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Collects a subscription's events and waits for its end or for an event of a type. */
final class CollectingListener implements JobEventListener {
    private final List<LoggedEvent> events = new ArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);

    @Override
    public synchronized void onEvent(LoggedEvent event) {
        events.add(event);
        notifyAll();
    }

    @Override
    public void onEnd() {
        ended.countDown();
    }

    void awaitEnd() throws InterruptedException {
        if (!ended.await(30, TimeUnit.SECONDS)) throw new AssertionError("the stream did not end; got " + events());
    }

    void awaitEvent(Class<? extends JobEvent> type) throws InterruptedException {
        awaitEvent(type::isInstance);
    }

    /** Waits until an event matching {@code wanted} has come. */
    synchronized void awaitEvent(Predicate<JobEvent> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (events.stream().noneMatch(e -> wanted.test(e.event()))) {
            long left = deadline - System.nanoTime();
            if (left <= 0) throw new AssertionError("the awaited event did not come; got " + events);
            wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
        }
    }

    synchronized List<LoggedEvent> events() {
        return List.copyOf(events);
    }
}
