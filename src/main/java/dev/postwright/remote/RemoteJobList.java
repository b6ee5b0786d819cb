package dev.postwright.remote;

import dev.postwright.model.JobStatus;
import dev.postwright.store.AtomicFiles;
import dev.postwright.wire.JobIdLists;
import dev.postwright.wire.WireFormatException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The ids of the jobs this app created on a server, newest first, so the Jobs list can show them
 * (the job API has no "my jobs" route everywhere). Kept in a small JSON file per server; a damaged
 * file is logged and started afresh, losing only the list, never a job. Thread-safe.
 */
final class RemoteJobList {
    private static final System.Logger LOG = System.getLogger(RemoteJobList.class.getName());
    private static final int KEEP = 500;

    private final Path file;
    private final List<String> ids = new ArrayList<>();

    /** @param file where the list lives; null keeps it in memory only */
    RemoteJobList(Path file) {
        this.file = file;
        if (file != null && Files.exists(file)) load();
    }

    private void load() {
        try {
            ids.addAll(JobIdLists.read(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException | WireFormatException e) {
            LOG.log(Level.WARNING, "The list of remote jobs in {0} could not be read ({1}); starting a new one", file,
                    e.getMessage());
        }
    }

    synchronized void add(String jobId) {
        ids.remove(jobId);
        ids.addFirst(jobId);
        while (ids.size() > KEEP) ids.removeLast();
        save();
    }

    synchronized boolean remove(String jobId) {
        boolean removed = ids.remove(jobId);
        if (removed) save();
        return removed;
    }

    synchronized List<String> newestFirst(int limit) {
        return List.copyOf(ids.subList(0, Math.min(limit, ids.size())));
    }

    /** The statuses of the newest {@code limit} jobs; jobs the server no longer has are left out. */
    List<JobStatus> statuses(int limit, Function<String, Optional<JobStatus>> status) {
        List<JobStatus> out = new ArrayList<>();
        for (String id : newestFirst(limit)) status.apply(id).ifPresent(out::add);
        return out;
    }

    private void save() {
        if (file == null) return;
        try {
            AtomicFiles.writeString(file, JobIdLists.write(ids));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "The list of remote jobs could not be saved to {0}: {1}", file, e.getMessage());
        }
    }
}
