package dev.postwright.remote;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * How the connection to one team server stands, as every call and stream of its client finds
 * it: each reports here, and the watchers hear of each change of state (not of every call).
 * Thread-safe; watchers are called on the reporting thread, in order, and must not block.
 */
public final class ConnectionMonitor {
    private final List<Consumer<Connection>> watchers = new CopyOnWriteArrayList<>();
    private Connection last;

    /** Tells {@code watcher} of every later change of state. */
    public void watch(Consumer<Connection> watcher) {
        watchers.add(watcher);
    }

    /** The last state reported, if any. */
    public synchronized Optional<Connection> last() {
        return Optional.ofNullable(last);
    }

    /** What a call or stream found; watchers hear of it if the state changed. */
    public synchronized void report(Connection now) {
        Connection was = last;
        last = now;
        // Under the lock, so watchers see changes in the order they happened; they only post.
        if (was == null || was.state() != now.state()) watchers.forEach(w -> w.accept(now));
    }
}
