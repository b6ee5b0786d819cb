package dev.postwright.remote;

import java.util.Locale;

/**
 * The kinds of team server Postwright can use (job-stream-protocol.md §1 and §2), by the names
 * settings and the command line use; {@code engine.JobRouter} opens the client for each.
 */
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
}
