package dev.postwright.remote;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import okhttp3.OkHttpClient;

/** The kinds of team server Postwright can use (job-stream-protocol.md §1 and §2). */
public enum Dialect {
    /** Named events over {@code GET …/stream}, JWT auth: the Node backend and {@code postwright serve}. */
    JOB_API("job-api", "Job API (Postwright serve, Node backend)"),
    /** Stage messages over {@code POST …/generate-enhanced/stream}: the Python Blog SDK. */
    BLOG_SDK("blog-sdk", "Blog SDK (Python backend)");

    private final String id;
    private final String label;

    Dialect(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The name in settings and on the command line. */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** The dialect called {@code id}; the job API for null or anything unknown. */
    public static Dialect of(String id) {
        if (id != null) {
            for (Dialect d : values()) if (d.id.equals(id.strip().toLowerCase(Locale.ROOT))) return d;
        }
        return JOB_API;
    }

    /** A client for {@code server} in this dialect. */
    public RemoteEngine open(RemoteServer server, OkHttpClient http, Path jobList) {
        return switch (this) {
            case JOB_API -> new RemoteJobs(server, http, jobList, RemoteJobs.StreamTiming.DEFAULTS);
            case BLOG_SDK -> new BlogSdkJobs(server, http, jobList, Duration.ofMillis(2_500));
        };
    }
}
