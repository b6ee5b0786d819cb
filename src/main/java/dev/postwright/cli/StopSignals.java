package dev.postwright.cli;

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
 * shutdown hooks and halts with 130 or 143 as soon as they return, while the command's thread is
 * still winding down: running jobs stay {@code running} with their attempt counted, and three such
 * stops fail a job as abandoned. Here the signals only wake the command's thread, which hands its
 * jobs back and returns its exit code as usual.
 *
 * <p>A shutdown begun some other way (SIGHUP, the system going down) still waits, up to
 * {@link #GRACE}, for the command to finish stopping.
 */
final class StopSignals implements AutoCloseable {
    /** How long a shutdown hook waits for the command to hand its jobs back. */
    static final Duration GRACE = Duration.ofSeconds(10);

    private final CountDownLatch requested;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread hook = Thread.ofPlatform().name("postwright-stop").unstarted(this::stopAndWait);
    private final Map<Signal, SignalHandler> previous = new HashMap<>();

    private StopSignals(CountDownLatch requested) {
        this.requested = requested;
    }

    /** Counts {@code requested} down on SIGINT, SIGTERM or a JVM shutdown, until {@link #close}. */
    static StopSignals listen(CountDownLatch requested) {
        var signals = new StopSignals(requested);
        for (String name : List.of("INT", "TERM")) {
            try {
                var signal = new Signal(name);
                signals.previous.put(signal, Signal.handle(signal, s -> requested.countDown()));
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
        requested.countDown();
        try {
            stopped.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
