package dev.postwright.engine;

import dev.postwright.jobs.CommandResult;
import dev.postwright.jobs.JobEventListener;
import dev.postwright.jobs.JobService;
import dev.postwright.jobs.Subscription;
import dev.postwright.model.JobKind;
import dev.postwright.model.JobRequest;
import dev.postwright.model.JobStatus;
import dev.postwright.model.OrganizationProfile;
import dev.postwright.remote.BlogSdkClient;
import dev.postwright.remote.Connection;
import dev.postwright.remote.ConnectionMonitor;
import dev.postwright.remote.Dialect;
import dev.postwright.remote.JobApiClient;
import dev.postwright.remote.RemoteEngine;
import dev.postwright.remote.RemoteServer;
import dev.postwright.remote.StreamTiming;
import dev.postwright.remote.TeamRuntime;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * Where jobs run: this computer's queue, or a team server in either dialect. The one
 * {@link JobService} the window uses, and the one place a {@link Dialect} becomes a client
 * ({@link #open}). A switch applies to what happens next (new jobs, lists, streams opened
 * afterwards); a stream already open stays with the engine it came from until that engine is
 * switched away from, which ends it. The posts of remote jobs are kept in this computer's library
 * ({@link RemoteResults}). Watchers hear where jobs run and how the connection stands
 * ({@link Place}). Thread-safe; calls may block on the network.
 */
public final class JobRouter implements JobService, AutoCloseable {
    /**
     * Where new jobs go.
     *
     * @param host       the team server's host, or null for this computer
     * @param connection how the connection stands; null on this computer and until a call finds out
     */
    public record Place(String host, Connection connection) {
        public static final Place THIS_COMPUTER = new Place(null, null);
    }

    private final JobService local;
    private final RemoteResults keep;
    private final Supplier<OkHttpClient> http;
    private final Path remoteLists;
    private final TeamRuntime runtime;
    private final List<Consumer<Place>> watchers = new CopyOnWriteArrayList<>();
    private volatile JobService current;
    private volatile RemoteEngine remote;
    private volatile Place place = Place.THIS_COMPUTER;

    /**
     * @param keep        keeps the posts of remote jobs in this computer's library
     * @param remoteLists the folder where the ids of jobs created on each server are remembered
     * @param runtime     the clients' clock, timers, delivery threads and jitter; its owner stops it
     */
    public JobRouter(JobService local, RemoteResults keep, Supplier<OkHttpClient> http, Path remoteLists,
                     TeamRuntime runtime) {
        this.local = local;
        this.keep = keep;
        this.http = http;
        this.remoteLists = remoteLists;
        this.runtime = runtime;
        this.current = local;
    }

    /** A client for {@code server} in {@code dialect}; no network yet. */
    public static RemoteEngine open(RemoteServer server, Dialect dialect, OkHttpClient http, Path jobList,
                                    TeamRuntime runtime, ConnectionMonitor monitor) {
        return open(server, dialect, http, jobList, runtime, monitor, id -> Optional.empty());
    }

    /**
     * As above, with the organization profiles kept here: the Blog SDK's request takes a brief's tone
     * and link targets from them (the job API's server keeps its own).
     */
    public static RemoteEngine open(RemoteServer server, Dialect dialect, OkHttpClient http, Path jobList,
                                    TeamRuntime runtime, ConnectionMonitor monitor,
                                    Function<String, Optional<OrganizationProfile>> profiles) {
        return switch (dialect) {
            case JOB_API -> new JobApiClient(server, http, jobList, StreamTiming.DEFAULTS, runtime, monitor);
            case BLOG_SDK -> new BlogSdkClient(server, http, jobList, BlogSdkClient.PollTiming.DEFAULTS, runtime, monitor,
                    profiles);
        };
    }

    /** The file in {@code folder} where the jobs created on {@code server} are remembered. */
    public static Path jobList(Path folder, RemoteServer server) {
        URI uri = URI.create(server.baseUrl());
        String name = (uri.getHost() + (uri.getPort() > 0 ? "-" + uri.getPort() : "")).replaceAll("[^A-Za-z0-9.-]", "_");
        return folder.resolve(name + ".json");
    }

    /** Tells {@code watcher} of every later change of place or connection, on the thread that found it. */
    public void watch(Consumer<Place> watcher) {
        watchers.add(watcher);
    }

    public Place place() {
        return place;
    }

    /** New jobs run on this computer. */
    public synchronized void runLocally() {
        current = local;
        closeRemote();
        publish(Place.THIS_COMPUTER);
    }

    /** New jobs run on {@code server}; checks it and returns how the connection stands. Blocks on the network. */
    public Connection runOn(RemoteServer server, Dialect dialect) {
        RemoteEngine jobs = open(server, dialect, http.get(), jobList(remoteLists, server), runtime,
                new ConnectionMonitor());
        use(jobs, server.host());
        return jobs.check();
    }

    /**
     * Sends new jobs to {@code jobs} from now on, without waiting for the network; its calls and
     * {@link RemoteEngine#check()} tell the watchers how the connection stands.
     */
    public synchronized void use(RemoteEngine jobs, String host) {
        closeRemote();
        remote = jobs;
        current = jobs;
        publish(new Place(host, jobs.monitor().last().orElse(null)));
        jobs.monitor().watch(c -> {
            if (remote == jobs) publish(new Place(host, c));
        });
    }

    /** Checks {@code server} and its token without switching to it. Blocks on the network. */
    public Connection check(RemoteServer server, Dialect dialect) {
        try (var probe = open(server, dialect, http.get(), null, runtime, new ConnectionMonitor())) {
            return probe.check();
        }
    }

    private void publish(Place now) {
        place = now;
        watchers.forEach(w -> w.accept(now));
    }

    private void closeRemote() {
        RemoteEngine was = remote;
        remote = null;
        if (was != null) was.close();
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
    public List<JobStatus> list(int limit, JobKind kind) {
        return current.list(limit, kind);
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
        JobService engine = current; // this computer's queue, or a RemoteEngine (use)
        return engine instanceof RemoteEngine server
                ? server.subscribe(jobId, afterSeq, keep.keeping(jobId, server, listener))
                : engine.subscribe(jobId, afterSeq, listener);
    }

    /** Closes the team server's client (its streams end); the local queue and the runtime are their owners'. */
    @Override
    public synchronized void close() {
        closeRemote();
    }
}
