package dev.postwright.remote;

import dev.postwright.model.JobEvent;
import dev.postwright.queue.JobEventListener;
import dev.postwright.queue.LoggedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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

    synchronized void awaitEvent(Class<? extends JobEvent> type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (events.stream().noneMatch(e -> type.isInstance(e.event()))) {
            long left = deadline - System.nanoTime();
            if (left <= 0) throw new AssertionError("no " + type.getSimpleName() + " came; got " + events);
            wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
        }
    }

    synchronized List<LoggedEvent> events() {
        return List.copyOf(events);
    }
}
