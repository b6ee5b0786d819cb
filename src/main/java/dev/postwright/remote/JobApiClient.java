package dev.postwright.remote;

import dev.postwright.jobs.Backoff;
import dev.postwright.jobs.CommandResult;
import dev.postwright.jobs.InvalidRequestException;
import dev.postwright.jobs.JobEventListener;
import dev.postwright.jobs.JobService;
import dev.postwright.jobs.Subscription;
import dev.postwright.model.JobRequest;
import dev.postwright.model.JobStatus;
import dev.postwright.wire.BlogSdkCodec;
import dev.postwright.wire.JobRequestCodec;
import dev.postwright.wire.ServerReplies;
import dev.postwright.wire.StatusCodec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A team server speaking the job API (job-stream-protocol.md §1: the Node backend and
 * {@code postwright serve}) as a {@link JobService}: the views work with it as with the local
 * queue. Calls block on HTTP; failures come as {@link RemoteException} (or
 * {@link InvalidRequestException} for a brief the server refused), with sentences a writer can act
 * on and never the token. Each subscription is a {@link RemoteStream}. Thread-safe.
 */
public final class JobApiClient implements RemoteEngine {
    private static final MediaType JSON = MediaType.get("application/json");

    private final ServerCalls calls;
    private final RemoteJobList created;
    private final RemoteStream.Parts streams;
    private final Set<RemoteStream> open = ConcurrentHashMap.newKeySet();

    /**
     * @param jobList where to remember the jobs this app created (null: memory only)
     * @param monitor hears how every call and stream found the server
     */
    public JobApiClient(RemoteServer server, OkHttpClient http, Path jobList, StreamTiming timing, TeamRuntime runtime,
                        ConnectionMonitor monitor) {
        this.calls = new ServerCalls(server, http, monitor);
        this.created = new RemoteJobList(jobList);
        this.streams = new RemoteStream.Parts(calls, this::status, timing,
                new Backoff(timing.firstRetry(), timing.longestRetry(), runtime.random()), runtime);
    }

    @Override
    public ConnectionMonitor monitor() {
        return calls.monitor();
    }

    private String jobs() {
        return calls.server().jobs();
    }

    @Override
    public String enqueue(JobRequest request, String owner) {
        var call = new Request.Builder().url(jobs() + "/content-generation")
                .post(RequestBody.create(JobRequestCodec.encode(request), JSON));
        try (Response response = calls.execute(call)) {
            String body = response.body().string();
            if (response.code() == 201 || response.code() == 200) {
                String id = ServerReplies.createdJobId(body).orElseThrow(() -> new RemoteException(
                        "The server accepted the brief but sent no job id.", 0));
                created.add(id);
                return id;
            }
            if (response.code() == 400) {
                throw new InvalidRequestException(RemoteErrors.scrubbed(ServerReplies.problems(body)));
            }
            throw new RemoteException(RemoteErrors.describe(response.code(), body), response.code());
        } catch (IOException e) {
            throw calls.unreachableException(e);
        }
    }

    @Override
    public Optional<JobStatus> status(String jobId) {
        return calls.get(jobs() + "/" + jobId + "/status").map(StatusCodec::read);
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
        var call = new Request.Builder().url(jobs() + "/" + jobId + "/" + action).post(RequestBody.create("", JSON));
        try (Response response = calls.execute(call)) {
            String body = response.body().string();
            return switch (response.code()) {
                case 200, 201, 202 -> CommandResult.APPLIED;
                case 400 -> CommandResult.NOT_ALLOWED;
                case 404 -> CommandResult.NOT_FOUND;
                default -> throw new RemoteException(RemoteErrors.describe(response.code(), body), response.code());
            };
        } catch (IOException e) {
            throw calls.unreachableException(e);
        }
    }

    @Override
    public Subscription subscribe(String jobId, long afterSeq, JobEventListener listener) {
        var stream = new RemoteStream(streams, jobId, afterSeq, listener, open::remove);
        open.add(stream);
        stream.start();
        return stream;
    }

    /**
     * Asks the server about a job that cannot exist, on its status route and then on its stream
     * route: a 404 shows it is there and took the token, a 401 that it refused the token. A stream
     * route that refuses the header is asked again with the token in the URL, as a stream would be;
     * one that refuses both makes the answer {@code REFUSED}, since no job's progress could be
     * followed. Works on any job API server (no special route needed).
     */
    @Override
    public Optional<Picture> image(String url) {
        return calls.image(url, MAX_PICTURE_BYTES);
    }

    @Override
    public Connection check() {
        String probeJob = jobs() + "/00000000-0000-4000-8000-000000000000";
        var probe = new Request.Builder().url(probeJob + "/status");
        Connection c;
        try (Response response = calls.probe(probe)) {
            String body = response.body().string();
            c = response.code() == 404 && BlogSdkCodec.isFastApiNotFound(body)
                    ? new Connection(Connection.State.WRONG_KIND, "That server speaks the Blog SDK, not the job API: "
                            + "choose " + Dialect.BLOG_SDK.label() + " as the kind of server.")
                    : calls.answered(response.code(), body);
            if (c.state() == Connection.State.CONNECTED) c = checkStreams(HttpUrl.get(probeJob + "/stream"));
        } catch (IOException e) {
            c = calls.unreachable(e);
        }
        calls.monitor().report(c);
        return c;
    }

    /** The stream route's answer (its body is never read: a server may hold a stream open). */
    private Connection checkStreams(HttpUrl stream) throws IOException {
        int code = streamProbe(stream, calls.streamTokenInQuery());
        if ((code == 401 || code == 403) && !calls.streamTokenInQuery() && calls.hasToken()) {
            code = streamProbe(stream, true);
            if (code != 401 && code != 403) calls.streamsTakeTokenInQuery();
        }
        if (code == 401 || code == 403) {
            return new Connection(Connection.State.REFUSED, calls.server().host() + " accepts your token for jobs "
                    + "but refuses it on job streams (HTTP " + code + "), so no job's progress could be followed. "
                    + "Paste a new token in Settings, or ask the server's administrator.");
        }
        return calls.answered(code, null);
    }

    private int streamProbe(HttpUrl stream, boolean tokenInQuery) throws IOException {
        var request = calls.streamRequest(stream, new Request.Builder().header("Accept", "text/event-stream"), tokenInQuery);
        try (Response response = calls.probe(request, false)) {
            return response.code();
        }
    }

    /** Ends every open subscription (each gets its {@code onEnd}); the runtime is its owner's to stop. */
    @Override
    public void close() {
        open.forEach(RemoteStream::close);
    }
}
