package dev.postwright.testing;

import dev.postwright.ui.fx.FxFrames;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Frames run by the test thread, standing in for the FX thread: view models are exercised
 * without a stage, with the same hand-off their views get.
 */
public final class ManualFrames implements FxFrames {
    private final LinkedBlockingQueue<Runnable> due = new LinkedBlockingQueue<>();

    @Override
    public void nextFrame(Runnable work) {
        due.add(work);
    }

    /** Runs the frames already due (not those they schedule); returns how many ran. */
    public int runDue() {
        int due = this.due.size();
        for (int i = 0; i < due; i++) this.due.remove().run();
        return due;
    }

    /** Runs frames as they come until {@code done} holds; fails after 30 s. */
    public void runUntil(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not done after 30 s");
            Runnable work = due.poll(20, TimeUnit.MILLISECONDS); // wakes as soon as work arrives
            if (work != null) work.run();
        }
    }
}
