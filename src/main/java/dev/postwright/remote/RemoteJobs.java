package dev.postwright.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postwright.jobs.CommandResult;
import dev.postwright.jobs.InvalidRequestException;
import dev.postwright.jobs.JobEventListener;
import dev.postwright.jobs.JobService;
import dev.postwright.jobs.Subscription;
import dev.postwright.model.FieldProblem;
import dev.postwright.model.JobRequest;
import dev.postwright.model.JobStatus;
import dev.postwright.wire.JobRequestCodec;
import dev.postwright.wire.Json;
import dev.postwright.wire.StatusCodec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The job API dialect (job-stream-protocol.md §1) of a remote server, as a {@link JobService}: the
 * views work with it as with the local queue. Calls block on HTTP; failures come as
 * {@link RemoteException} (or {@link InvalidRequestException} for a brief the server refused),
 * with sentences a writer can act on and never the token.
 */
public final class RemoteJobs implements RemoteEngine {
    private static final MediaType JSON = MediaType.get("application/json");

    private final RemoteServer server;
    private final OkHttpClient http;
    private final RemoteJobList created;
    private final StreamTiming timing;
    private volatile java.util.function.Consumer<Connection> watcher;
    private volatile Connection lastConnection;
    private final ScheduledExecutorService reconnects = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("postwright-remote-reconnect").factory());
    private final java.util.concurrent.ExecutorService deliveries = Executors.newCachedThreadPool(
            Thread.ofPlatform().daemon().name("postwright-remote-delivery-", 1).factory());

    /**
     * @param jobList where to remember the jobs this app created (null: memory only)
     */
    public RemoteJobs(RemoteServer server, OkHttpClient http, Path jobList, StreamTiming timing) {
        this.server = server;
        this.http = http;
        this.created = new RemoteJobList(jobList);
        this.timing = timing;
    }

    @Override
    public String enqueue(JobRequest request, String owner) {
        var call = new Request.Builder().url(server.jobs() + "/content-generation")
                .post(RequestBody.create(JobRequestCodec.encode(request), JSON));
        try (Response response = execute(call)) {
            String body = response.body().string();
            if (response.code() == 201 || response.code() == 200) {
                String id = Json.parse(body, "the server's reply").path("jobId").asText(null);
                if (id == null || id.isBlank()) throw new RemoteException("The server accepted the brief but sent no job id.", 0);
                created.add(id);
                return id;
            }
            if (response.code() == 400) throw new InvalidRequestException(problems(body));
            throw new RemoteException(RemoteErrors.describe(response.code(), body), response.code());
        } catch (IOException e) {
            throw new RemoteException(RemoteErrors.unreachable(server, e), 0);
        }
    }

    /** The server's 400 as field problems: its {@code problems[]}, or one problem with its message. */
    private static List<FieldProblem> problems(String body) {
        List<FieldProblem> problems = new ArrayList<>();
        try {
            JsonNode node = Json.parse(body, "the server's reply");
            node.path("problems").forEach(p -> problems.add(new FieldProblem(p.path("field").asText("brief"),
                    RemoteErrors.scrub(p.path("message").asText("")))));
            if (problems.isEmpty()) {
                problems.add(new FieldProblem(node.path("field").asText("brief"),
                        RemoteErrors.serverMessage(body, "The server refused the brief.")));
            }
        } catch (RuntimeException notJson) {
            problems.add(new FieldProblem("brief", "The server refused the brief."));
        }
        return problems;
    }

    @Override
    public Optional<JobStatus> status(String jobId) {
        return RemoteHttp.getJson(this::execute, server, server.jobs() + "/" + jobId + "/status", "the job's status")
                .map(StatusCodec::read);
    }

    /** The jobs this app created on the server, newest first; jobs the server no longer has are left out. */
    @Override
    public List<JobStatus> list(int limit) {
        return created.statuses(limit, this::status);
    }

    @Override
    public CommandResult cancel(String jobId) {
        return command(jobId, "cancel");
    }

    @Override
    public CommandResult retry(String jobId) {
        return command(jobId, "retry");
    }

    /** Forgets the job here; the server keeps it (the job API has no delete). */
    @Override
    public CommandResult delete(String jobId) {
        return created.remove(jobId) ? CommandResult.APPLIED : CommandResult.NOT_FOUND;
    }

    private CommandResult command(String jobId, String action) {
        var call = new Request.Builder().url(server.jobs() + "/" + jobId + "/" + action)
                .post(RequestBody.create("", JSON));
        try (Response response = execute(call)) {
            String body = response.body().string();
            return switch (response.code()) {
                case 200, 201, 202 -> CommandResult.APPLIED;
                case 400 -> CommandResult.NOT_ALLOWED;
                case 404 -> CommandResult.NOT_FOUND;
                default -> throw new RemoteException(RemoteErrors.describe(response.code(), body), response.code());
            };
        } catch (IOException e) {
            throw new RemoteException(RemoteErrors.unreachable(server, e), 0);
        }
    }

    @Override
    public Subscription subscribe(String jobId, long afterSeq, JobEventListener listener) {
        var stream = new RemoteStream(this, jobId, afterSeq, listener);
        stream.start();
        return stream;
    }

    /**
     * Asks the server about a job that cannot exist: a 404 shows it is there and took the token,
     * a 401 that it refused the token. Works on any job API server (no special route needed).
     */
    @Override
    public Connection check() {
        var probe = new Request.Builder().url(server.jobs() + "/00000000-0000-4000-8000-000000000000/status");
        try (Response response = execute(probe)) {
            String body = response.body().string();
            if (response.code() == 404 && BlogSdkJobs.isFastApiNotFound(body)) {
                return new Connection(Connection.State.WRONG_KIND, "That server speaks the Blog SDK, not the job API: "
                        + "choose " + Dialect.BLOG_SDK.label() + " as the kind of server.");
            }
            return connection(response.code(), body);
        } catch (IOException e) {
            return unreachable(e);
        }
    }

    /** Tells {@code watcher} how the connection stands whenever a call finds it changed. */
    @Override
    public void watchConnection(java.util.function.Consumer<Connection> watcher) {
        this.watcher = watcher;
    }

    Response execute(Request.Builder request) throws IOException {
        try {
            Response response = http.newCall(authorized(request).build()).execute();
            report(connection(response.code(), null));
            return response;
        } catch (IOException e) {
            report(unreachable(e));
            throw e;
        }
    }

    void report(Connection now) {
        var watching = watcher;
        if (watching == null) return;
        Connection was = lastConnection;
        lastConnection = now;
        if (was == null || was.state() != now.state()) watching.accept(now);
    }

    private Connection connection(int code, String body) {
        String host = server.host();
        if (code == 401 || code == 403) {
            return new Connection(Connection.State.REFUSED, host + " refused the token. Sign in again: paste a new "
                    + "token in Settings.");
        }
        if (code == 503 || code >= 500) {
            return new Connection(Connection.State.UNREACHABLE, RemoteErrors.describe(code, body));
        }
        return new Connection(Connection.State.CONNECTED, "Connected to " + host + "; it accepted your token.");
    }

    /** What a stream learned about the connection: it opened, or it broke ({@code response} null). */
    void reportStream(Response response, Throwable failure) {
        if (response != null) report(connection(response.code(), null));
        else if (failure instanceof IOException e) report(unreachable(e));
    }

    private Connection unreachable(IOException e) {
        return new Connection(Connection.State.UNREACHABLE, RemoteErrors.unreachable(server, e));
    }

    Request.Builder authorized(Request.Builder request) {
        return RemoteHttp.authorized(request, server);
    }

    RemoteServer server() {
        return server;
    }

    OkHttpClient streamClient() {
        // No bytes for twice the keepalive interval means a dead connection: the read times out.
        return http.newBuilder().readTimeout(timing.silence()).build();
    }

    StreamTiming timing() {
        return timing;
    }

    java.util.concurrent.Executor deliveries() {
        return deliveries;
    }

    ScheduledExecutorService reconnects() {
        return reconnects;
    }

    @Override
    public void close() {
        reconnects.shutdownNow();
        deliveries.shutdown();
    }

    /**
     * How streams are watched and retried.
     *
     * @param silence        no bytes for this long and the stream is taken for dead (twice the keepalive)
     * @param firstRetry     the first reconnect delay; doubled each failed attempt, with jitter
     * @param longestRetry   the cap on the reconnect delay
     */
    public record StreamTiming(Duration silence, Duration firstRetry, Duration longestRetry) {
        public static final StreamTiming DEFAULTS = new StreamTiming(Duration.ofSeconds(30), Duration.ofMillis(500),
                Duration.ofSeconds(30));
    }
}
