package dev.postwright.server;

import dev.postwright.jobs.InvalidRequestException;
import dev.postwright.jobs.JobNotFoundException;
import dev.postwright.model.JobKind;
import dev.postwright.model.JobState;
import dev.postwright.model.JobStatus;
import dev.postwright.queue.JobQueue;
import dev.postwright.wire.BlogSdkCodec;
import dev.postwright.wire.Sizes;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The Blog SDK's blog routes (job-stream-protocol.md §2, decision 0023) over the same queue as the
 * job API, so a frontend written for the SDK can use {@code postwright serve} unchanged:
 * {@code POST /api/v1/blog/generate-enhanced} (queued, or with {@code async_mode=false} the result
 * once written), {@code POST …/generate-enhanced/stream} ({@link BlogSdkStream}) and
 * {@code GET /api/v1/blog/jobs/{id}}. Errors are FastAPI's {@code {"detail": …}}, a refused body a
 * 422 naming each field. Auth is the job API's: a Bearer token in the {@code Authorization} header
 * (never a cookie or the query: these routes can send headers), and a job is its creator's alone
 * (404 for anyone else). Only when the operator named a {@link ServeSettings#blogSdkUser()} does a
 * request without the header act as that user; a header with a bad token is refused all the same.
 * Requests elsewhere are left to the next handler.
 */
final class BlogSdkHandler extends Handler.Abstract {
    static final String BASE = "/api/v1/blog";
    private static final System.Logger LOG = System.getLogger(BlogSdkHandler.class.getName());

    private final JobQueue queue;
    private final Tokens tokens;
    private final ServeSettings settings;
    private final Set<BlogSdkStream> streams = ConcurrentHashMap.newKeySet();

    BlogSdkHandler(JobQueue queue, Tokens tokens, ServeSettings settings) {
        this.queue = queue;
        this.tokens = tokens;
        this.settings = settings;
    }

    /** Ends every open stream (the server is stopping); their clients poll the job. */
    void endStreams() {
        streams.forEach(BlogSdkStream::end);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (!path.equals(BASE) && !path.startsWith(BASE + "/")) return false;
        String method = request.getMethod();
        Optional<String> user = user(request);
        if (user.isEmpty()) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
            detail(response, callback, HttpStatus.UNAUTHORIZED_401, "Not authenticated: send Authorization: Bearer "
                    + "<token> (postwright serve token makes one).");
            return true;
        }
        request.setAttribute(JobApiHandler.USER_ATTRIBUTE, user.get());
        try {
            route(request, response, callback, path.substring(BASE.length()), method, user.get());
        } catch (RuntimeException e) {
            Optional<String> diskFull = queue.writeFault();
            if (diskFull.isPresent()) {
                LOG.log(Level.WARNING, "A request could not be served: {0}", e.getMessage());
                fail(response, callback, HttpStatus.INSUFFICIENT_STORAGE_507, diskFull.get(), e);
            } else {
                LOG.log(Level.ERROR, "Request " + method + " " + path + " failed", e);
                fail(response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500,
                        "Something went wrong on the server; the job's data is safe. Try again.", e);
            }
        }
        return true;
    }

    /** The token's user; without an Authorization header, the operator's Blog SDK user if named. */
    private Optional<String> user(Request request) {
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (header == null || header.isBlank()) return Optional.ofNullable(settings.blogSdkUser());
        String token = Credentials.token(request, false); // null for a header that is not a Bearer token
        return token == null ? Optional.empty() : tokens.user(token);
    }

    private void route(Request request, Response response, Callback callback, String rest, String method, String user)
            throws IOException {
        switch (rest) {
            case "/generate-enhanced" -> {
                if (allowed(method, "POST", response, callback)) generate(request, response, callback, user);
            }
            case "/generate-enhanced/stream" -> {
                if (allowed(method, "POST", response, callback)) stream(request, response, callback, user);
            }
            default -> {
                String[] parts = rest.split("/", -1);
                if (parts.length == 3 && parts[1].equals("jobs") && !parts[2].isEmpty()) {
                    if (allowed(method, "GET", response, callback)) job(response, callback, parts[2], user);
                } else {
                    detail(response, callback, HttpStatus.NOT_FOUND_404, "Not Found");
                }
            }
        }
    }

    /** {@code generate-enhanced}: queued, or with {@code async_mode=false} the result once the job ends. */
    private void generate(Request request, Response response, Callback callback, String user) throws IOException {
        String query = Request.extractQueryParameters(request).getValue("async_mode");
        Boolean queryAsync = null;
        if (query != null) {
            queryAsync = switch (query.strip().toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes", "on" -> true;
                case "false", "0", "no", "off" -> false;
                default -> null;
            };
            if (queryAsync == null) {
                unprocessable(response, callback, List.of(new BlogSdkCodec.Problem("bool_parsing",
                        List.of("query", "async_mode"), "Input should be a valid boolean, unable to interpret input")));
                return;
            }
        }
        BlogSdkCodec.Parsed parsed = parse(request, response, callback, user);
        if (parsed == null) return;
        boolean async = queryAsync != null ? queryAsync : parsed.asyncMode() == null || parsed.asyncMode();
        String id = enqueue(parsed, user, response, callback);
        if (id == null) return;
        if (async) {
            Replies.json(response, callback, HttpStatus.OK_200, BlogSdkCodec.queued(id));
            return;
        }
        JobStatus finished;
        try {
            finished = queue.whenFinished(id).get(settings.streamMaxAge().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            detail(response, callback, HttpStatus.GATEWAY_TIMEOUT_504, "Job " + id + " is still running; follow it at "
                    + "GET /api/v1/blog/jobs/" + id + ".");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            detail(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, "The server is stopping; job " + id
                    + " goes on at the next start.");
            return;
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for job " + id, e.getCause());
        }
        JobStatus done = finished.state() == JobState.SUCCEEDED && finished.result() == null
                ? queue.status(id).orElse(finished) : finished;
        if (done.state() == JobState.SUCCEEDED && done.result() != null) {
            Replies.json(response, callback, HttpStatus.OK_200, BlogSdkCodec.result(done.result()));
        } else {
            detail(response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500, "Blog generation failed: "
                    + (done.error() != null ? done.error() : "the job did not finish") + " (job " + id + ").");
        }
    }

    /** {@code generate-enhanced/stream}: always queued, then the job's stage messages until it ends. */
    private void stream(Request request, Response response, Callback callback, String user) throws IOException {
        BlogSdkCodec.Parsed parsed = parse(request, response, callback, user);
        if (parsed == null) return;
        String id = enqueue(parsed, user, response, callback);
        if (id == null) return;
        var queuedAt = queue.status(id).map(JobStatus::createdAt).orElseThrow(() -> new JobNotFoundException(id));
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        response.getHeaders().put("X-Accel-Buffering", "no");
        var stream = new BlogSdkStream(id, settings);
        streams.add(stream);
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            stream.run(queue, queuedAt, out);
        } catch (JobNotFoundException deletedMeanwhile) {
            // the job went before the subscription: end the stream
        } catch (IOException clientLeft) {
            callback.failed(clientLeft); // the job goes on; the client may poll it
            return;
        } finally {
            streams.remove(stream);
        }
        callback.succeeded();
    }

    /** {@code GET /api/v1/blog/jobs/{id}}: status and progress_updates, the caller's jobs only. */
    private void job(Response response, Callback callback, String id, String user) {
        Optional<JobStatus> status = queue.status(id).filter(s -> user.equals(s.owner()) && s.kind() == JobKind.BLOG);
        if (status.isEmpty()) {
            detail(response, callback, HttpStatus.NOT_FOUND_404, "Job " + id + " not found");
            return;
        }
        List<BlogSdkCodec.Logged> log;
        try {
            log = queue.events(id, 0).stream().map(e -> new BlogSdkCodec.Logged(e.event(), e.at())).toList();
        } catch (JobNotFoundException deletedMeanwhile) {
            detail(response, callback, HttpStatus.NOT_FOUND_404, "Job " + id + " not found");
            return;
        }
        Replies.json(response, callback, HttpStatus.OK_200, BlogSdkCodec.job(status.get(), log));
    }

    /** The body as a brief, or null after answering 413, 415 or 422. */
    private BlogSdkCodec.Parsed parse(Request request, Response response, Callback callback, String user)
            throws IOException {
        if (!JsonBodies.isJson(request.getHeaders().get(HttpHeader.CONTENT_TYPE))) {
            // As on the job API: a browser sends a cross-site form without asking first, never JSON.
            detail(response, callback, HttpStatus.UNSUPPORTED_MEDIA_TYPE_415, "Send the body as JSON, with "
                    + "Content-Type: application/json.");
            return null;
        }
        byte[] body = Content.Source.asInputStream(request).readNBytes(settings.maxBodyBytes() + 1);
        if (body.length > settings.maxBodyBytes()) {
            detail(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413, "The request is larger than the limit of "
                    + Sizes.describe(settings.maxBodyBytes()) + ".");
            return null;
        }
        BlogSdkCodec.Parsed parsed = BlogSdkCodec.brief(body, user);
        if (!parsed.problems().isEmpty()) {
            unprocessable(response, callback, parsed.problems());
            return null;
        }
        return parsed;
    }

    /** The job's id, or null after answering 422 (our brief's own limits) or 503. */
    private String enqueue(BlogSdkCodec.Parsed parsed, String user, Response response, Callback callback) {
        try {
            return queue.enqueue(parsed.brief(), user);
        } catch (InvalidRequestException e) {
            unprocessable(response, callback, BlogSdkCodec.briefProblems(e.problems()));
        } catch (IllegalStateException closed) {
            detail(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, "The job queue is not running; try again "
                    + "shortly.");
        }
        return null;
    }

    private static boolean allowed(String method, String allowed, Response response, Callback callback) {
        if (method.equals(allowed)) return true;
        response.getHeaders().put(HttpHeader.ALLOW, allowed);
        detail(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "Method Not Allowed");
        return false;
    }

    private static void unprocessable(Response response, Callback callback, List<BlogSdkCodec.Problem> problems) {
        Replies.json(response, callback, HttpStatus.UNPROCESSABLE_ENTITY_422, BlogSdkCodec.validationError(problems));
    }

    private static void detail(Response response, Callback callback, int status, String message) {
        Replies.json(response, callback, status, BlogSdkCodec.detail(message));
    }

    private static void fail(Response response, Callback callback, int status, String message, RuntimeException e) {
        if (response.isCommitted()) callback.failed(e);
        else detail(response, callback, status, message);
    }
}
