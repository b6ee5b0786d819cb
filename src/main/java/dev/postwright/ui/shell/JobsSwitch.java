package dev.postwright.ui.shell;

import dev.postwright.engine.RemoteResults;
import dev.postwright.jobs.CommandResult;
import dev.postwright.jobs.JobEventListener;
import dev.postwright.jobs.JobService;
import dev.postwright.jobs.Subscription;
import dev.postwright.model.JobRequest;
import dev.postwright.model.JobStatus;
import dev.postwright.remote.Connection;
import dev.postwright.remote.Dialect;
import dev.postwright.remote.RemoteEngine;
import dev.postwright.remote.RemoteServer;
import dev.postwright.ui.fx.FxFrames;
import dev.postwright.ui.settings.JobPlace;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import okhttp3.OkHttpClient;

/**
 * The jobs every view uses: this computer's queue, or a team server's, as Settings say. A switch
 * applies to what happens next (new jobs, lists, streams opened afterwards); a stream already
 * open stays with the engine it came from. Also the header's indicator of where jobs run and how
 * the connection stands. Thread-safe; properties change on the FX thread.
 */
public final class JobsSwitch implements JobService, JobPlace, AutoCloseable {
    private final JobService local;
    private final RemoteResults keep;
    private final Supplier<OkHttpClient> http;
    private final Path remoteLists;
    private final FxFrames frames;
    private final ReadOnlyStringWrapper place = new ReadOnlyStringWrapper("Jobs run on this computer");
    private final ReadOnlyObjectWrapper<Connection.State> state = new ReadOnlyObjectWrapper<>();
    private volatile JobService current;
    private RemoteEngine remote;

    /**
     * @param keep        keeps the posts of remote jobs in this computer's library
     * @param remoteLists the folder where the ids of jobs created on each server are remembered
     */
    public JobsSwitch(JobService local, RemoteResults keep, Supplier<OkHttpClient> http, Path remoteLists,
                      FxFrames frames) {
        this.local = local;
        this.keep = keep;
        this.current = local;
        this.http = http;
        this.remoteLists = remoteLists;
        this.frames = frames;
    }

    @Override
    public synchronized void runLocally() {
        current = local;
        closeRemote();
        frames.nextFrame(() -> {
            place.set("Jobs run on this computer");
            state.set(null);
        });
    }

    @Override
    public Connection runOn(RemoteServer server, Dialect dialect) {
        RemoteEngine jobs = open(server, dialect, http.get(), remoteLists);
        use(jobs, server.host());
        Connection now = jobs.check();
        show(server.host(), now);
        return now;
    }

    /** A client for {@code server}, remembering its jobs in {@code remoteLists}; no network yet. */
    static RemoteEngine open(RemoteServer server, Dialect dialect, OkHttpClient http, Path remoteLists) {
        return dialect.open(server, http, remoteLists.resolve(fileName(server) + ".json"));
    }

    /**
     * Sends new jobs to {@code jobs} from now on, without waiting for the network; the header says
     * "connecting" until a call or {@link RemoteEngine#check()} finds out more.
     */
    synchronized void use(RemoteEngine jobs, String host) {
        closeRemote();
        jobs.watchConnection(c -> show(host, c));
        remote = jobs;
        current = jobs;
        frames.nextFrame(() -> place.set("Team server " + host + " · connecting…"));
    }

    @Override
    public Connection check(RemoteServer server, Dialect dialect) {
        try (var probe = dialect.open(server, http.get(), null)) {
            return probe.check();
        }
    }

    private void show(String host, Connection c) {
        String text = switch (c.state()) {
            case CONNECTED -> "Team server " + host + " · connected";
            case REFUSED -> "Team server " + host + " · sign in again";
            case UNREACHABLE -> "Team server " + host + " · cannot reach";
            case WRONG_KIND -> "Team server " + host + " · wrong kind of server";
        };
        frames.nextFrame(() -> {
            place.set(text);
            state.set(c.state());
        });
    }

    private static String fileName(RemoteServer server) {
        URI uri = URI.create(server.baseUrl());
        return (uri.getHost() + (uri.getPort() > 0 ? "-" + uri.getPort() : "")).replaceAll("[^A-Za-z0-9.-]", "_");
    }

    private void closeRemote() {
        if (remote != null) remote.close();
        remote = null;
    }

    /** Where jobs run, and the connection: "Team server blog.example.com · connected". */
    public ReadOnlyStringProperty placeProperty() {
        return place.getReadOnlyProperty();
    }

    /** The team server connection's state; null while jobs run on this computer. */
    public ReadOnlyObjectProperty<Connection.State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    @Override
    public String enqueue(JobRequest request, String owner) {
        return current.enqueue(request, owner);
    }

    @Override
    public Optional<JobStatus> status(String jobId) {
        return current.status(jobId);
    }

    @Override
    public List<JobStatus> list(int limit) {
        return current.list(limit);
    }

    @Override
    public CommandResult cancel(String jobId) {
        return current.cancel(jobId);
    }

    @Override
    public CommandResult retry(String jobId) {
        return current.retry(jobId);
    }

    @Override
    public CommandResult delete(String jobId) {
        return current.delete(jobId);
    }

    @Override
    public Subscription subscribe(String jobId, long afterSeq, JobEventListener listener) {
        JobService engine = current;
        return engine == local ? local.subscribe(jobId, afterSeq, listener)
                : engine.subscribe(jobId, afterSeq, keep.keeping(jobId, listener));
    }

    @Override
    public synchronized void close() {
        closeRemote();
    }
}
