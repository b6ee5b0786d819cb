package dev.postwright.remote;

import dev.postwright.jobs.CommandResult;
import dev.postwright.jobs.InvalidRequestException;
import dev.postwright.jobs.JobEventListener;
import dev.postwright.jobs.JobNotFoundException;
import dev.postwright.jobs.JobService;
import dev.postwright.jobs.Subscription;
import dev.postwright.model.JobRequest;
import dev.postwright.model.JobStatus;
import dev.postwright.model.OrganizationProfile;
import dev.postwright.wire.BlogSdkCodec;
import dev.postwright.wire.WireFormatException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;

/**
 * A team server speaking the Blog SDK (job-stream-protocol.md §2: the Python backend) as a
 * {@link JobService}. Starting a job opens {@code POST /api/v1/blog/generate-enhanced/stream}; its
 * first message names the job. A server without that route (404) gets its jobs on the queued
 * route, {@code POST /api/v1/blog/generate-enhanced}, from then on, and they are polled. Stage messages become progress with the stage's name, the final
 * result becomes {@code blog-result}, {@code seo-result} and {@code complete}, and an error message
 * {@code failed}. If the stream breaks, the job goes on on the server: it is polled at
 * {@code GET /api/v1/blog/jobs/{id}} until it ends ({@link BlogSdkPolls}: a job always ends, with
 * a {@code failed} event in words if the server refuses or stays away). The SDK has no cancel or
 * retry; those answer "not allowed". What this app saw of a job is kept in a {@link JobLog}, which
 * replays it to each subscriber. Thread-safe.
 */
public final class BlogSdkClient implements RemoteEngine {
    private static final System.Logger LOG = System.getLogger(BlogSdkClient.class.getName());
    private static final MediaType JSON = MediaType.get("application/json");
    /** The job's server could not be reached (or made no sense) for too long. */
    public static final String SERVER_UNREACHABLE = BlogSdkPolls.SERVER_UNREACHABLE;
    /** The server refused to tell about the job (a 4xx other than 404). */
    public static final String SERVER_REFUSED = BlogSdkPolls.SERVER_REFUSED;

    /**
     * How a job whose stream broke is followed.
     *
     * @param every       how often it is asked about (the SDK's own clients use 2–3 s)
     * @param giveUpAfter how long polls may fail in a row before the job ends failed
     */
    public record PollTiming(Duration every, Duration giveUpAfter) {
        public static final PollTiming DEFAULTS = new PollTiming(Duration.ofMillis(2_500), Duration.ofMinutes(10));
    }

    private final Function<String, Optional<OrganizationProfile>> profiles;
    private final ServerCalls calls;
    private final RemoteJobList created;
    private final TeamRuntime runtime;
    private final BlogSdkPolls polls;
    private final Map<String, JobLog> logs = new ConcurrentHashMap<>();
    private final Set<EventSource> streams = ConcurrentHashMap.newKeySet();
    /** Set once the server answered the stream route 404: its jobs are started queued and polled. */
    private volatile boolean noStreamRoute;

    /**
     * @param jobList where to remember the jobs this app created (null: memory only)
     * @param monitor hears how every call and stream found the server
     */
    public BlogSdkClient(RemoteServer server, OkHttpClient http, Path jobList, PollTiming timing, TeamRuntime runtime,
                         ConnectionMonitor monitor) {
        this(server, http, jobList, timing, runtime, monitor, id -> Optional.empty());
    }

    /**
     * @param profiles the organization profiles kept here, by id: a brief's tone and link targets
     *                 come from its organization's (asked on the calling thread)
     */
    public BlogSdkClient(RemoteServer server, OkHttpClient http, Path jobList, PollTiming timing, TeamRuntime runtime,
                         ConnectionMonitor monitor, Function<String, Optional<OrganizationProfile>> profiles) {
        this.profiles = profiles;
        this.calls = new ServerCalls(server, http, monitor);
        this.created = new RemoteJobList(jobList);
        this.runtime = runtime;
        this.polls = new BlogSdkPolls(calls, api(), timing, runtime);
    }

    @Override
    public ConnectionMonitor monitor() {
        return calls.monitor();
    }

    private String api() {
        return calls.server().baseUrl() + "/api/v1/blog";
    }

    @Override
    public String enqueue(JobRequest request, String owner) {
        if (noStreamRoute) return enqueueQueued(request);
        var started = new CompletableFuture<String>();
        var call = new Request.Builder().url(api() + "/generate-enhanced/stream").header("Accept", "text/event-stream")
                .post(RequestBody.create(body(request), JSON));
        // Long generations sit silent for minutes; the server's own limit is 600 s.
        streams.add(calls.stream(call, Duration.ofSeconds(660), new StreamListener(started)));
        try {
            String id = started.get(60, TimeUnit.SECONDS);
            created.add(id);
            return id;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof NoStreamRoute) {
                LOG.log(Level.INFO, "The server has no Blog SDK stream route; starting jobs queued and polling them");
                noStreamRoute = true;
                return enqueueQueued(request);
            }
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw calls.unreachableException(new IOException(e.getCause()));
        } catch (TimeoutException e) {
            throw new RemoteException("The server did not start the job within a minute.", 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteException("Interrupted while starting the job.", 0);
        }
    }

    /**
     * {@code POST /generate-enhanced} (queued, the SDK's default {@code async_mode}): for a server
     * without the stream route. The job is then polled; its {@code progress_updates} fill the stages.
     */
    private String enqueueQueued(JobRequest request) {
        var call = new Request.Builder().url(api() + "/generate-enhanced")
                .post(RequestBody.create(body(request), JSON));
        try (Response response = calls.execute(call)) {
            String body = response.body().string();
            if (response.code() == 422 || response.code() == 400) {
                throw new InvalidRequestException(RemoteErrors.scrubbed(BlogSdkCodec.problems(body)));
            }
            if (!response.isSuccessful()) {
                throw new RemoteException(RemoteErrors.describe(response.code(), body), response.code());
            }
            String id = BlogSdkCodec.queuedJobId(body).orElseThrow(() -> new RemoteException(
                    "The server accepted the brief but sent no job id.", 0));
            JobLog fresh = newLog(id);
            if (logs.putIfAbsent(id, fresh) == null) polls.follow(fresh);
            created.add(id);
            return id;
        } catch (IOException e) {
            throw calls.unreachableException(e);
        }
    }

    /** The stream route answered 404: this server only queues. */
    private static final class NoStreamRoute extends RuntimeException {
        NoStreamRoute() {
            super(null, null, false, false);
        }
    }

    private String body(JobRequest request) {
        OrganizationProfile profile = request.organizationId() == null ? null
                : profiles.apply(request.organizationId()).orElse(null);
        return BlogSdkCodec.request(request, profile);
    }

    /** Reads one job's stream into its log (on OkHttp's thread); falls back to polling if it breaks before the end. */
    private final class StreamListener extends EventSourceListener {
        private final CompletableFuture<String> started;
        private JobLog log;

        StreamListener(CompletableFuture<String> started) {
            this.started = started;
        }

        @Override
        public void onOpen(EventSource source, Response response) {
            calls.reportStream(response, null);
        }

        @Override
        public void onEvent(EventSource source, String id, String type, String data) {
            BlogSdkCodec.Message message;
            try {
                message = BlogSdkCodec.message(data);
            } catch (WireFormatException malformed) {
                LOG.log(Level.WARNING, "Skipping a malformed stage message: {0}", malformed.getMessage());
                return;
            }
            if (log == null) {
                if (message.jobId() == null) return; // the first message names the job; nothing to file this under yet
                log = logs.computeIfAbsent(message.jobId(), BlogSdkClient.this::newLog);
                started.complete(message.jobId());
            }
            message.events().forEach(log::append);
            if (log.ended()) {
                source.cancel();
                streams.remove(source);
            }
        }

        @Override
        public void onClosed(EventSource source) {
            streams.remove(source);
            broke();
        }

        @Override
        public void onFailure(EventSource source, Throwable t, Response response) {
            streams.remove(source);
            calls.reportStream(response, t);
            if (!started.isDone()) {
                started.completeExceptionally(response != null && response.code() == 404 ? new NoStreamRoute()
                        : refusal(t, response));
                return;
            }
            broke();
        }

        private void broke() {
            if (log != null && !log.ended()) polls.follow(log);
        }
    }

    private RuntimeException refusal(Throwable t, Response response) {
        if (response == null) return calls.unreachableException(t instanceof Exception e ? e : new IOException(t));
        String body;
        try {
            body = response.body() == null ? null : response.body().string();
        } catch (IOException e) {
            body = null;
        }
        if (response.code() == 422 || response.code() == 400) {
            return new InvalidRequestException(RemoteErrors.scrubbed(BlogSdkCodec.problems(body)));
        }
        return new RemoteException(RemoteErrors.describe(response.code(), body), response.code());
    }

    @Override
    public Optional<JobStatus> status(String jobId) {
        return calls.get(api() + "/jobs/" + jobId).map(BlogSdkCodec::status);
    }

    @Override
    public List<JobStatus> list(int limit) {
        return created.statuses(limit, this::status);
    }

    /** The Blog SDK cannot cancel a job. */
    @Override
    public CommandResult cancel(String jobId) {
        return CommandResult.NOT_ALLOWED;
    }

    /** The Blog SDK cannot re-run a job; start a new one. */
    @Override
    public CommandResult retry(String jobId) {
        return CommandResult.NOT_ALLOWED;
    }

    @Override
    public CommandResult delete(String jobId) {
        logs.remove(jobId);
        return created.remove(jobId) ? CommandResult.APPLIED : CommandResult.NOT_FOUND;
    }

    /** Replays what this app saw of the job, then live; a job it did not start here is polled. */
    @Override
    public Subscription subscribe(String jobId, long afterSeq, JobEventListener listener) {
        JobLog log = logs.get(jobId);
        if (log == null) {
            // Asked outside any lock: a slow server holds up only this caller.
            if (status(jobId).isEmpty()) throw new JobNotFoundException(jobId);
            JobLog fresh = newLog(jobId);
            log = logs.putIfAbsent(jobId, fresh);
            if (log == null) {
                log = fresh;
                polls.follow(fresh);
            }
        }
        return log.subscribe(afterSeq, listener);
    }

    private JobLog newLog(String jobId) {
        return new JobLog(jobId, runtime.clock(), runtime.deliveries());
    }

    /** Asks for a job that cannot exist: FastAPI's 404 shows a Blog SDK is there. */
    @Override
    public Connection check() {
        String host = calls.server().host();
        var probe = new Request.Builder().url(api() + "/jobs/00000000-0000-4000-8000-000000000000");
        Connection c;
        try (Response response = calls.probe(probe)) {
            String body = response.body().string();
            if (response.code() == 404 && BlogSdkCodec.isFastApiNotFound(body)) {
                c = new Connection(Connection.State.CONNECTED, "Connected to " + host + " (Blog SDK).");
            } else if (response.code() == 401 || response.code() == 403) {
                c = new Connection(Connection.State.REFUSED, host + " refused the request. Check the token in Settings.");
            } else if (response.code() == 404) {
                c = new Connection(Connection.State.WRONG_KIND, "That server does not speak the Blog SDK; if it is "
                        + "Postwright serve or a Node backend, choose " + Dialect.JOB_API.label() + ".");
            } else {
                c = new Connection(Connection.State.UNREACHABLE, RemoteErrors.describe(response.code(), body));
            }
        } catch (IOException e) {
            c = calls.unreachable(e);
        }
        calls.monitor().report(c);
        return c;
    }

    /** Stops polling and reading streams; every open subscription ends. The runtime is its owner's to stop. */
    @Override
    public void close() {
        polls.close();
        streams.forEach(EventSource::cancel);
        streams.clear();
        logs.values().forEach(JobLog::endSubscribers);
    }
}
