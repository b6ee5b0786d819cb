package dev.postwright.jobs;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tasks one at a time, in the order they were submitted, on a backing executor: a drain
 * (as in the queue's event pump) is scheduled when the first task arrives and runs every task
 * submitted before it finishes. {@link #execute} never blocks and never runs a task on the
 * caller's thread, so it may be called under a lock or from a network library's callback thread.
 * Thread-safe.
 */
public final class SerialExecutor implements Executor {
    private final Executor backing;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();

    public SerialExecutor(Executor backing) {
        this.backing = backing;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        if (pending.getAndIncrement() == 0) backing.execute(this::drain);
    }

    private void drain() {
        int missed = 1;
        do {
            for (int i = 0; i < missed; i++) {
                Runnable task = tasks.poll();
                if (task != null) task.run(); // tasks handle their own failures (see Delivery)
            }
            missed = pending.addAndGet(-missed);
        } while (missed != 0);
    }
}
