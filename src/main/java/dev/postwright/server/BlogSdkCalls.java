package dev.postwright.server;

import dev.postwright.jobs.InvalidRequestException;
import dev.postwright.jobs.JobNotFoundException;
import dev.postwright.model.FieldProblem;
import dev.postwright.model.JobInput;
import dev.postwright.model.JobStatus;
import dev.postwright.queue.JobQueue;
import dev.postwright.wire.BlogSdkCodec;
import dev.postwright.wire.Sizes;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * What every Blog SDK route of {@code serve} shares, its blog routes' ({@link BlogSdkHandler}) and
 * its image routes' ({@link BlogSdkImageRoutes}): who the caller is (a Bearer token in the
 * {@code Authorization} header, never a cookie or the query; without the header, the operator's
 * {@link ServeSettings#blogSdkUser()} if named; a bad token is refused all the same), FastAPI's
 * error bodies, the JSON body rules (415, 413), queueing with 422s in the SDK's field names, the
 * streams (ended together at shutdown), and failures as 507 (full disk) or 500 without details.
 * Thread-safe.
 */
final class BlogSdkCalls {
    /** A route's work, as {@code user}. */
    interface Route {
        void serve(String user) throws IOException;
    }

    private static final System.Logger LOG = System.getLogger(BlogSdkCalls.class.getName());

    private final JobQueue queue;
    private final Tokens tokens;
    private final ServeSettings settings;
    private final Set<BlogSdkStream> streams = ConcurrentHashMap.newKeySet();

    BlogSdkCalls(JobQueue queue, Tokens tokens, ServeSettings settings) {
        this.queue = queue;
        this.tokens = tokens;
        this.settings = settings;
    }

    JobQueue queue() {
        return queue;
    }

    ServeSettings settings() {
        return settings;
    }

    /** Ends every open stream (the server is stopping); their clients poll the job. */
    void endStreams() {
        streams.forEach(BlogSdkStream::end);
    }

    /**
     * Runs {@code route} as the caller, or answers 401; a failure is a 507 or a 500.
     *
     * @throws IOException reading the request or writing the response failed (the client left)
     */
    void serve(Request request, Response response, Callback callback, Route route) throws IOException {
        Optional<String> user = user(request);
        if (user.isEmpty()) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
            detail(response, callback, HttpStatus.UNAUTHORIZED_401, "Not authenticated: send Authorization: Bearer "
                    + "<token> (postwright serve token makes one).");
            return;
        }
        request.setAttribute(JobApiHandler.USER_ATTRIBUTE, user.get());
        try {
            route.serve(user.get());
        } catch (RuntimeException e) {
            Optional<String> diskFull = queue.writeFault();
            if (diskFull.isPresent()) {
                LOG.log(Level.WARNING, "A request could not be served: {0}", e.getMessage());
                fail(response, callback, HttpStatus.INSUFFICIENT_STORAGE_507, diskFull.get(), e);
            } else {
                LOG.log(Level.ERROR, "Request " + request.getMethod() + " " + Request.getPathInContext(request)
                        + " failed", e);
                fail(response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500,
                        "Something went wrong on the server; the job's data is safe. Try again.", e);
            }
        }
    }

    /** The token's user; without an Authorization header, the operator's Blog SDK user if named. */
    private Optional<String> user(Request request) {
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (header == null || header.isBlank()) return Optional.ofNullable(settings.blogSdkUser());
        String token = Credentials.token(request, false); // null for a header that is not a Bearer token
        return token == null ? Optional.empty() : tokens.user(token);
    }

    /** The body of a JSON POST, or null after answering 415 (not JSON) or 413 (too large). */
    byte[] jsonBody(Request request, Response response, Callback callback) throws IOException {
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
        return body;
    }

    /**
     * The job's id, or null after answering 422 (the queue's own limits, named by {@code naming}) or
     * 503 (the queue is not running).
     */
    String enqueue(JobInput input, String user, Response response, Callback callback,
                   Function<List<FieldProblem>, List<BlogSdkCodec.Problem>> naming) {
        try {
            return queue.enqueue(input, user);
        } catch (InvalidRequestException e) {
            unprocessable(response, callback, naming.apply(e.problems()));
        } catch (IllegalStateException closed) {
            detail(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, "The job queue is not running; try again "
                    + "shortly.");
        }
        return null;
    }

    /** Streams the stage messages of job {@code id}, just queued, for at most {@code maxAge}. */
    void stream(Response response, Callback callback, String id, Duration maxAge, BlogSdkStream.Messages messages)
            throws IOException {
        var queuedAt = queue.status(id).map(JobStatus::createdAt).orElseThrow(() -> new JobNotFoundException(id));
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        response.getHeaders().put("X-Accel-Buffering", "no");
        var stream = new BlogSdkStream(id, settings, maxAge, messages);
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

    /** Whether the request's method is {@code allowed}; else answers 405. */
    static boolean allowed(String method, String allowed, Response response, Callback callback) {
        if (method.equals(allowed)) return true;
        response.getHeaders().put(HttpHeader.ALLOW, allowed);
        detail(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "Method Not Allowed");
        return false;
    }

    static void unprocessable(Response response, Callback callback, List<BlogSdkCodec.Problem> problems) {
        Replies.json(response, callback, HttpStatus.UNPROCESSABLE_ENTITY_422, BlogSdkCodec.validationError(problems));
    }

    static void detail(Response response, Callback callback, int status, String message) {
        Replies.json(response, callback, status, BlogSdkCodec.detail(message));
    }

    private static void fail(Response response, Callback callback, int status, String message, RuntimeException e) {
        if (response.isCommitted()) callback.failed(e);
        else detail(response, callback, status, message);
    }
}
