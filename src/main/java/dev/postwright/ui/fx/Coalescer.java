package dev.postwright.ui.fx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Gathers items offered from any thread and hands them to the FX thread as one batch per frame,
 * in the order each thread offered them. However fast events arrive (2,000 draft tokens a
 * second), the FX thread does one piece of work per frame for them. Thread-safe.
 */
public final class Coalescer<T> {
    private final FxFrames frames;
    private final Consumer<List<T>> apply;
    private final ConcurrentLinkedQueue<T> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    /** @param apply called on the FX thread with every item offered since the last frame */
    public Coalescer(FxFrames frames, Consumer<List<T>> apply) {
        this.frames = frames;
        this.apply = apply;
    }

    public void offer(T item) {
        waiting.add(item);
        if (scheduled.compareAndSet(false, true)) frames.nextFrame(this::drain);
    }

    private void drain() {
        scheduled.set(false); // anything offered from here on gets the next frame
        List<T> batch = new ArrayList<>();
        T item;
        while ((item = waiting.poll()) != null) batch.add(item);
        if (!batch.isEmpty()) apply.accept(batch);
    }
}
