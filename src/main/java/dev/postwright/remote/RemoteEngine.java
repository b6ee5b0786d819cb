package dev.postwright.remote;

import dev.postwright.jobs.JobService;

/**
 * A team server's jobs, in either dialect ({@link JobApiClient}, {@link BlogSdkClient}), with
 * how the connection stands.
 */
public interface RemoteEngine extends JobService, AutoCloseable {
    /**
     * Asks the server whether it is there, speaks this dialect and takes the token, without
     * starting anything; reports the answer to the {@link #monitor()} too. Blocks on the network.
     */
    Connection check();

    /** Where every call and stream of this client reports how it found the server. */
    ConnectionMonitor monitor();

    /** Ends open subscriptions and stops polling; the shared runtime is not stopped. */
    @Override
    void close();
}
