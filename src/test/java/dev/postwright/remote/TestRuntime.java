package dev.postwright.remote;

import java.nio.file.Path;
import okhttp3.OkHttpClient;

/** One runtime (system clock, daemon timer and delivery threads) for the remote tests, and clients on it. */
final class TestRuntime {
    static final TeamRuntime SHARED = TeamRuntime.daemon();

    private TestRuntime() {}

    /** A job API client with its own connection monitor; {@code jobList} null keeps its list in memory. */
    static JobApiClient jobApi(RemoteServer server, Path jobList, StreamTiming timing) {
        return new JobApiClient(server, new OkHttpClient(), jobList, timing, SHARED, new ConnectionMonitor());
    }
}
