package dev.postwright.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postwright.jobs.CommandResult;
import dev.postwright.jobs.InvalidRequestException;
import dev.postwright.jobs.JobEventListener;
import dev.postwright.jobs.JobNotFoundException;
import dev.postwright.jobs.JobService;
import dev.postwright.jobs.Subscription;
import dev.postwright.model.FieldProblem;
import dev.postwright.model.JobEvent;
import dev.postwright.model.JobRequest;
import dev.postwright.model.JobStatus;
import dev.postwright.wire.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

/**
 * The Blog SDK dialect (job-stream-protocol.md §2) as a {@link JobService}. Starting a job opens
 * {@code POST /api/v1/blog/generate-enhanced/stream}; its first message names the job. Stage
 * messages become progress with the stage's name, the final result becomes {@code blog-result},
 * {@code seo-result} and {@code complete}, and an error message {@code failed}. If the stream
 * breaks, the job goes on on the server: it is polled at {@code GET /api/v1/blog/jobs/{id}} until
 * it ends. The SDK has no cancel or retry; those answer "not allowed".
 */
public final class BlogSdkJobs implements RemoteEngine {
    private static final MediaType JSON = MediaType.get("application/json");

    private final RemoteServer server;
    private final OkHttpClient http;
    private final RemoteJobList created;
    private final Duration pollEvery;
    private final Map<String, JobLog> logs = new ConcurrentHashMap<>();
    private volatile java.util.function.Consumer<Connection> watcher;
    private final ScheduledExecutorService polls = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("postwright-blog-sdk-poll").factory());
    private final java.util.concurrent.ExecutorService deliveries = Executors.newCachedThreadPool(
            Thread.ofPlatform().daemon().name("postwright-blog-sdk-delivery-", 1).factory());

    /** @param pollEvery how often a job whose stream broke is asked about (the SDK's clients use 2–3 s) */
    public BlogSdkJobs(RemoteServer server, OkHttpClient http, Path jobList, Duration pollEvery) {
        this.server = server;
        this.http = http;
        this.created = new RemoteJobList(jobList);
        this.pollEvery = pollEvery;
    }

    private String api() {
        return server.baseUrl() + "/api/v1/blog";
    }

    @Override
    public String enqueue(JobRequest request, String owner) {
        var started = new CompletableFuture<String>();
        var call = authorized(new Request.Builder().url(api() + "/generate-enhanced/stream")
                .header("Accept", "text/event-stream").post(RequestBody.create(BlogSdkCodec.request(request), JSON)));
        // Long generations sit silent for minutes; the server's own limit is 600 s.
        var client = http.newBuilder().readTimeout(Duration.ofSeconds(660)).build();
        EventSources.createFactory(client).newEventSource(call.build(), new StreamListener(started));
        try {
            String id = started.get(60, TimeUnit.SECONDS);
            created.add(id);
            return id;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new RemoteException(RemoteErrors.unreachable(server, new IOException(e.getCause())), 0);
        } catch (TimeoutException e) {
            throw new RemoteException("The server did not start the job within a minute.", 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteException("Interrupted while starting the job.", 0);
        }
    }

    /** Reads one job's stream into its log; falls back to polling if it breaks before the end. */
    private final class StreamListener extends EventSourceListener {
        private final CompletableFuture<String> started;
        private JobLog log;

        StreamListener(CompletableFuture<String> started) {
            this.started = started;
        }

        @Override
        public void onEvent(EventSource source, String id, String type, String data) {
            JsonNode message;
            try {
                message = Json.parse(data, "a stage message");
            } catch (RuntimeException malformed) {
                return;
            }
            if (log == null) {
                String jobId = message.path("job_id").asText(null);
                if (jobId == null) return; // the first message names the job; nothing to file this under yet
                log = logs.computeIfAbsent(jobId, BlogSdkJobs.this::newLog);
                started.complete(jobId);
            }
            switch (message.path("stage").asText("")) {
                case "completed" -> BlogSdkCodec.finished(message.path("data").path("result")).forEach(log::append);
                case "error" -> log.append(BlogSdkCodec.failed(message.path("data")));
                default -> log.append(BlogSdkCodec.progress(message));
            }
            if (log.ended()) source.cancel();
        }

        @Override
        public void onClosed(EventSource source) {
            broke();
        }

        @Override
        public void onFailure(EventSource source, Throwable t, Response response) {
            if (!started.isDone()) {
                started.completeExceptionally(refusal(t, response));
                return;
            }
            broke();
        }

        private void broke() {
            if (log != null && !log.ended()) schedulePoll(log.jobId(), log, null);
        }
    }

    private RuntimeException refusal(Throwable t, Response response) {
        if (response == null) {
            return new RemoteException(RemoteErrors.unreachable(server, t instanceof Exception e ? e : new IOException(t)), 0);
        }
        String body;
        try {
            body = response.body() == null ? null : response.body().string();
        } catch (IOException e) {
            body = null;
        }
        if (response.code() == 422 || response.code() == 400) return new InvalidRequestException(problems(body));
        return new RemoteException(RemoteErrors.describe(response.code(), body), response.code());
    }

    /** FastAPI's 422 {@code detail} list ({@code loc}, {@code msg}) as field problems. */
    private static List<FieldProblem> problems(String body) {
        List<FieldProblem> out = new ArrayList<>();
        try {
            JsonNode detail = Json.parse(body, "the server's reply").path("detail");
            if (detail.isArray()) {
                detail.forEach(d -> out.add(new FieldProblem(d.path("loc").path(d.path("loc").size() - 1).asText("brief"),
                        d.path("msg").asText("is not valid"))));
            } else if (detail.isTextual()) {
                out.add(new FieldProblem("brief", detail.asText()));
            }
        } catch (RuntimeException notJson) {
            // below
        }
        if (out.isEmpty()) out.add(new FieldProblem("brief", "The server refused the brief."));
        return out;
    }

    private void schedulePoll(String jobId, JobLog log, Integer lastProgress) {
        try {
            polls.schedule(() -> poll(jobId, log, lastProgress), pollEvery.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // shutting down
        }
    }

    private void poll(String jobId, JobLog log, Integer lastProgress) {
        if (log.ended()) return;
        Integer progress = lastProgress;
        try (Response response = http.newCall(authorized(new Request.Builder().url(api() + "/jobs/" + jobId)).build())
                .execute()) {
            String body = response.body().string();
            if (response.code() == 404) {
                log.append(new JobEvent.Failed(RemoteErrors.describe(404, body), "NOT_FOUND"));
                return;
            }
            if (response.isSuccessful()) {
                JsonNode job = Json.parse(body, "the job");
                switch (job.path("status").asText("")) {
                    case "completed" -> {
                        BlogSdkCodec.finished(job.path("result")).forEach(log::append);
                        return;
                    }
                    case "failed" -> {
                        log.append(BlogSdkCodec.failed(job));
                        return;
                    }
                    default -> {
                        int now = (int) Math.round(job.path("progress_percentage").asDouble());
                        if (progress == null || now != progress) {
                            String stage = job.path("current_stage").asText("processing");
                            log.append(new JobEvent.ProgressUpdate(now, BlogSdkCodec.humanized(stage), null, stage,
                                    null, null));
                            progress = now;
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // the server is away: ask again later
        }
        schedulePoll(jobId, log, progress);
    }

    @Override
    public Optional<JobStatus> status(String jobId) {
        return RemoteHttp.getJson(r -> http.newCall(authorized(r).build()).execute(), server, api() + "/jobs/" + jobId,
                "the job").map(BlogSdkCodec::status);
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
        JobLog log = logs.computeIfAbsent(jobId, id -> {
            if (status(id).isEmpty()) throw new JobNotFoundException(id);
            var fresh = newLog(id);
            schedulePoll(id, fresh, null);
            return fresh;
        });
        return log.subscribe(afterSeq, listener);
    }

    /** Asks for a job that cannot exist: FastAPI's 404 shows a Blog SDK is there. */
    @Override
    public Connection check() {
        String host = server.host();
        var probe = authorized(new Request.Builder().url(api() + "/jobs/00000000-0000-4000-8000-000000000000")).build();
        Connection c;
        try (Response response = http.newCall(probe).execute()) {
            String body = response.body().string();
            if (response.code() == 404 && isFastApiNotFound(body)) {
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
            c = new Connection(Connection.State.UNREACHABLE, RemoteErrors.unreachable(server, e));
        }
        var watching = watcher;
        if (watching != null) watching.accept(c);
        return c;
    }

    @Override
    public void watchConnection(java.util.function.Consumer<Connection> watcher) {
        this.watcher = watcher;
    }

    /** FastAPI answers unknown paths and missing jobs with {@code {"detail": …}} and nothing else. */
    static boolean isFastApiNotFound(String body) {
        try {
            JsonNode node = Json.parse(body, "the server's reply");
            return node.has("detail") && !node.has("success");
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    private Request.Builder authorized(Request.Builder request) {
        return RemoteHttp.authorized(request, server);
    }

    private JobLog newLog(String jobId) {
        return new JobLog(jobId, java.time.Clock.systemUTC(), deliveries);
    }

    @Override
    public void close() {
        polls.shutdownNow();
        deliveries.shutdown();
    }
}
