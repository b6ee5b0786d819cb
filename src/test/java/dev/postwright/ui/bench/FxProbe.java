package dev.postwright.ui.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Watches the FX thread from outside. Every 2 ms a probe is posted to it; how late the probe
 * runs is how long the thread was busy with something else (the longest late probe bounds the
 * longest task). An animation timer records the time between pulses (a frame is 16.7 ms; a
 * longer gap is a dropped frame).
 */
final class FxProbe implements AutoCloseable {
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("fx-probe").factory());
    private final ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> gaps = new ConcurrentLinkedQueue<>();
    private final AnimationTimer pulses = new AnimationTimer() {
        private long last;

        @Override
        public void handle(long now) {
            if (last != 0) gaps.add(now - last);
            last = now;
        }
    };

    FxProbe() {
        Platform.runLater(pulses::start);
        ticker.scheduleAtFixedRate(() -> {
            long posted = System.nanoTime();
            Platform.runLater(() -> lags.add(System.nanoTime() - posted));
        }, 2, 2, TimeUnit.MILLISECONDS);
    }

    /** Starts a new measurement window. */
    void reset() {
        lags.clear();
        gaps.clear();
    }

    /** The window so far: probe lateness and pulse gaps, in ms. */
    Stats stats() {
        return new Stats(millis(lags), millis(gaps));
    }

    record Stats(double[] lags, double[] gaps) {
        String line(String what) {
            return String.format(Locale.ROOT, "%-22s FX thread busy (probe lateness): p50 %5.1f  p99 %5.1f  max %6.1f ms"
                    + " | pulse gaps: p50 %5.1f  p99 %5.1f  max %6.1f ms  (%d probes, %d pulses, %d gaps > 50 ms)",
                    what, pct(lags, 50), pct(lags, 99), pct(lags, 100), pct(gaps, 50), pct(gaps, 99), pct(gaps, 100),
                    lags.length, gaps.length, Arrays.stream(gaps).filter(g -> g > 50).count());
        }
    }

    static double pct(double[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.clamp(i, 0, sorted.length - 1)];
    }

    private static double[] millis(ConcurrentLinkedQueue<Long> nanos) {
        return nanos.stream().mapToDouble(n -> n / 1e6).sorted().toArray();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        Platform.runLater(pulses::stop);
    }
}
