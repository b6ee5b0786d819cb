package dev.postwright.queue.internal;

import dev.postwright.wire.Json;
import java.util.HashSet;
import java.util.Set;

/**
 * The jobs an engine claims before any other due job: those it was started for (the command
 * line's own job), so jobs that earlier runs left in the file do not delay them. A job stays
 * preferred until a run of it here finishes it. Thread-safe.
 */
final class PreferredJobs {
    private final Set<String> ids = new HashSet<>();
    /** The ids as the claim statement takes them; null when there are none (its lookup then finds nothing at once). */
    private volatile String json;

    synchronized void add(String jobId) {
        if (ids.add(jobId)) update();
    }

    synchronized void remove(String jobId) {
        if (ids.remove(jobId)) update();
    }

    boolean contains(String jobId) {
        if (json == null) return false; // the usual case, without taking the lock
        synchronized (this) {
            return ids.contains(jobId);
        }
    }

    /** A JSON array of the ids, or null for none. */
    String json() {
        return json;
    }

    private void update() {
        if (ids.isEmpty()) {
            json = null;
            return;
        }
        json = Json.stringArray(ids);
    }
}
