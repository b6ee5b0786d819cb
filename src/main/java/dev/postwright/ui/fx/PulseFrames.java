package dev.postwright.ui.fx;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * {@link FxFrames} on JavaFX's pulse: an animation timer that runs only while work is waiting,
 * so an idle window costs nothing per frame. Thread-safe.
 */
public final class PulseFrames implements FxFrames {
    private final ConcurrentLinkedQueue<Runnable> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean armed = new AtomicBoolean();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            armed.set(false);
            stop();
            Runnable work;
            while ((work = pending.poll()) != null) work.run();
        }
    };

    @Override
    public void nextFrame(Runnable work) {
        pending.add(work);
        // Animation timers are started on the FX thread.
        if (armed.compareAndSet(false, true)) Platform.runLater(timer::start);
    }
}
