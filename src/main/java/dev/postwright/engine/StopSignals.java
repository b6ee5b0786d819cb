package dev.postwright.engine;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl+C (SIGINT) and SIGTERM as a request to stop, not a crash. The JVM's own handling runs the
 * shutdown hooks and halts with 130 or 143 as soon as they return, while the engine is still
 * winding down: running jobs stay {@code running} with their attempt counted, and three such
 * stops fail a job as abandoned. Here a signal only runs {@code onStop} (wake the command's
 * thread, close the window), and whoever listens stops as usual: the engine's close hands its
 * jobs back, and the process ends with its own exit code.
 *
 * <p>A shutdown begun some other way (SIGHUP, the system going down) runs {@code onStop} too and
 * waits, up to {@link #GRACE}, for {@link #close}.
 */
public final class StopSignals implements AutoCloseable {
    /** How long a shutdown hook waits for the command to hand its jobs back. */
    static final Duration GRACE = Duration.ofSeconds(10);

    private final Runnable onStop;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread hook = Thread.ofPlatform().name("postwright-stop").unstarted(this::stopAndWait);
    private final Map<Signal, SignalHandler> previous = new HashMap<>();

    private StopSignals(Runnable onStop) {
        this.onStop = onStop;
    }

    /**
     * Runs {@code onStop} on SIGINT, SIGTERM or a JVM shutdown, until {@link #close}. It may run
     * more than once (a second Ctrl+C), on a thread of the JVM's; it must not block.
     */
    public static StopSignals listen(Runnable onStop) {
        var signals = new StopSignals(onStop);
        for (String name : List.of("INT", "TERM")) {
            try {
                var signal = new Signal(name);
                signals.previous.put(signal, Signal.handle(signal, s -> onStop.run()));
            } catch (IllegalArgumentException notOnThisSystem) {
                // The JVM's default stays: the shutdown hook below still waits for the stop.
            }
        }
        Runtime.getRuntime().addShutdownHook(signals.hook);
        return signals;
    }

    /**
     * The command has stopped: a waiting shutdown hook may let the JVM go, and the signals get
     * their earlier handlers back (a test's JVM runs the command in-process).
     */
    @Override
    public void close() {
        stopped.countDown();
        previous.forEach(Signal::handle);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running and has just been released
        }
    }

    private void stopAndWait() {
        onStop.run();
        try {
            stopped.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
