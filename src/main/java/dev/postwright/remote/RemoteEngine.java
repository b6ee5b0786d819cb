package dev.postwright.remote;

import dev.postwright.jobs.JobService;
import java.util.function.Consumer;

/** A team server's jobs, in either dialect, with how the connection stands. */
public interface RemoteEngine extends JobService, AutoCloseable {
    /**
     * Asks the server whether it is there, speaks this dialect and takes the token, without
     * starting anything. Blocks on the network.
     */
    Connection check();

    /** Tells {@code watcher} how the connection stands whenever a call finds it changed. */
    void watchConnection(Consumer<Connection> watcher);

    @Override
    void close();
}
