package dev.postwright.server;

import dev.postwright.jobs.CommandResult;
import dev.postwright.jobs.InvalidRequestException;
import dev.postwright.jobs.JobNotFoundException;
import dev.postwright.model.JobRequest;
import dev.postwright.model.JobStatus;
import dev.postwright.queue.JobQueue;
import dev.postwright.store.ImageStore;
import dev.postwright.store.PostLibrary;
import dev.postwright.wire.JobApiReplies;
import dev.postwright.wire.JobRequestCodec;
import dev.postwright.wire.WireFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The job API (job-stream-protocol.md §1 and §1.6) over the local queue, and its library routes
 * ({@link BlogPostRoutes}, {@link ImageRoutes}). Every {@code /api/v1/jobs}, {@code /api/v1/blog-posts}
 * and {@code /api/v1/images} route needs a valid token; a job belongs to the user who created it, and anyone else is told it
 * does not exist (404). Errors are {@code {"success": false, "error", "message"}}, plus
 * {@code field} for a brief's problem.
 */
final class JobApiHandler extends Handler.Abstract {
    static final String BASE = "/api/v1/jobs";
    /** The request attribute the access log reads the caller from. */
    static final String USER_ATTRIBUTE = "postwright.user";
    private static final int LIST_LIMIT = 200;
    private static final System.Logger LOG = System.getLogger(JobApiHandler.class.getName());

    private final JobQueue queue;
    private final Tokens tokens;
    private final ServeSettings settings;
    private final BlogPostRoutes posts;
    private final ImageRoutes images;
    private final Set<EventStream> streams = ConcurrentHashMap.newKeySet();

    JobApiHandler(JobQueue queue, PostLibrary library, ImageStore imageStore, Tokens tokens, ServeSettings settings) {
        this.queue = queue;
        this.posts = new BlogPostRoutes(library, settings);
        this.images = new ImageRoutes(imageStore);
        this.tokens = tokens;
        this.settings = settings;
    }

    /** Ends every open stream (the server is stopping); clients reconnect with Last-Event-ID. */
    void endStreams() {
        streams.forEach(EventStream::end);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        if (path.equals("/healthz")) {
            if (!method.equals("GET")) return Replies.methodNotAllowed(response, callback, "GET");
            health(response, callback);
            return true;
        }
        boolean posts = BlogPostRoutes.owns(path);
        boolean pictures = ImageRoutes.owns(path);
        if (!posts && !pictures && !path.equals(BASE) && !path.startsWith(BASE + "/")) {
            Replies.error(response, callback, HttpStatus.NOT_FOUND_404, "Not found", "There is nothing at " + path + ".");
            return true;
        }
        String token;
        try {
            token = Credentials.token(request, isStreamRoute(path));
        } catch (QueryParameters.BadQueryException e) {
            Replies.error(response, callback, HttpStatus.BAD_REQUEST_400, "Invalid query", e.getMessage());
            return true;
        }
        Optional<String> user = tokens.user(token);
        if (user.isEmpty()) {
            Replies.error(response, callback, HttpStatus.UNAUTHORIZED_401, "Unauthorized",
                    "Sign in again: the token is missing, expired or not valid.");
            return true;
        }
        request.setAttribute(USER_ATTRIBUTE, user.get());
        try {
            if (posts) this.posts.route(request, response, callback, user.get());
            else if (pictures) images.route(request, response, callback, user.get());
            else route(request, response, callback, path.substring(BASE.length()), method, user.get());
        } catch (RuntimeException e) {
            Optional<String> diskFull = queue.writeFault();
            if (diskFull.isPresent()) {
                diskFull(response, callback, diskFull.get(), e);
                return true;
            }
            LOG.log(Level.ERROR, "Request " + method + " " + path + " failed", e);
            if (!response.isCommitted()) {
                Replies.error(response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500, "Server error",
                        "Something went wrong on the server; the job's data is safe. Try again.");
            } else {
                callback.failed(e);
            }
        }
        return true;
    }

    /** {@code /api/v1/jobs/{id}/stream}: the only routes that take {@code ?token=}. */
    private static boolean isStreamRoute(String path) {
        String[] parts = path.substring(BASE.length()).split("/", -1);
        return parts.length == 3 && parts[0].isEmpty() && !parts[1].isEmpty() && parts[2].equals("stream");
    }

    /** 200 while the queue's database takes writes; 503 with the reason while it does not (a full disk). */
    private void health(Response response, Callback callback) {
        Optional<String> problem = queue.databaseProblem();
        Replies.json(response, callback, problem.isEmpty() ? HttpStatus.OK_200 : HttpStatus.SERVICE_UNAVAILABLE_503,
                JobApiReplies.health(queue.databaseKind(), problem));
    }

    /**
     * A request failed while the disk is full: 507 with the queue's sentence (it passes by itself
     * once there is room), and a line in the log rather than a stack trace.
     */
    private static void diskFull(Response response, Callback callback, String sentence, RuntimeException e) {
        LOG.log(Level.WARNING, "A request could not be served: {0}", e.getMessage());
        if (response.isCommitted()) {
            callback.failed(e);
        } else {
            Replies.error(response, callback, HttpStatus.INSUFFICIENT_STORAGE_507, "Disk full", sentence);
        }
    }

    private void route(Request request, Response response, Callback callback, String rest, String method, String user)
            throws IOException {
        if (rest.isEmpty() || rest.equals("/")) {
            if (!method.equals("GET")) { Replies.methodNotAllowed(response, callback, "GET"); return; }
            Replies.json(response, callback, HttpStatus.OK_200, JobApiReplies.jobs(queue.listOwnedBy(user, LIST_LIMIT)));
            return;
        }
        if (rest.equals("/content-generation")) {
            if (!method.equals("POST")) { Replies.methodNotAllowed(response, callback, "POST"); return; }
            if (!JsonBodies.accepted(request, response, callback, true)) return;
            create(request, response, callback, user);
            return;
        }
        String[] parts = rest.substring(1).split("/", -1);
        if (parts.length != 2) {
            Replies.error(response, callback, HttpStatus.NOT_FOUND_404, "Not found", "There is no such job route.");
            return;
        }
        String jobId = parts[0];
        String action = parts[1];
        String allowed = switch (action) {
            case "stream", "status" -> "GET";
            case "cancel", "retry" -> "POST";
            default -> null;
        };
        if (allowed == null) {
            Replies.error(response, callback, HttpStatus.NOT_FOUND_404, "Not found", "There is no such job route.");
            return;
        }
        if (!method.equals(allowed)) { Replies.methodNotAllowed(response, callback, allowed); return; }
        if (method.equals("POST") && !JsonBodies.accepted(request, response, callback, false)) return;
        Optional<JobStatus> status = queue.status(jobId).filter(s -> user.equals(s.owner()));
        if (status.isEmpty()) {
            Replies.error(response, callback, HttpStatus.NOT_FOUND_404, "Not found",
                    "Job not found: it may have been deleted, or it belongs to someone else.");
            return;
        }
        switch (action) {
            case "status" -> Replies.json(response, callback, HttpStatus.OK_200, JobApiReplies.status(status.get()));
            case "cancel" -> command(response, callback, queue.cancel(jobId), JobApiReplies.cancelled(),
                    "Job is not cancellable", "Only a queued or running job can be cancelled.");
            case "retry" -> command(response, callback, queue.retry(jobId), JobApiReplies.jobId(jobId),
                    "Job is not in failed state", "Only a failed or cancelled job can be retried.");
            default -> stream(request, response, callback, jobId);
        }
    }

    private void create(Request request, Response response, Callback callback, String user) throws IOException {
        byte[] body = JsonBodies.readCapped(request, response, callback, settings.maxBodyBytes(), "The brief");
        if (body == null) return;
        JobRequest brief;
        try {
            brief = JobRequestCodec.decode(new ByteArrayInputStream(body));
        } catch (WireFormatException e) {
            Replies.json(response, callback, HttpStatus.BAD_REQUEST_400, JobApiReplies.unreadable(e));
            return;
        }
        TextlessCtas.Dropped dropped = TextlessCtas.drop(brief);
        try {
            String id = queue.enqueue(dropped.brief(), user);
            Replies.json(response, callback, HttpStatus.CREATED_201, JobApiReplies.created(id, dropped.warnings()));
        } catch (InvalidRequestException e) {
            Replies.json(response, callback, HttpStatus.BAD_REQUEST_400,
                    JobApiReplies.invalidBrief(e.getMessage(), e.problems()));
        } catch (IllegalStateException closed) {
            Replies.error(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, "Queue unavailable",
                    "The job queue is not running; try again shortly.");
        }
    }

    private static void command(Response response, Callback callback, CommandResult result, String done,
                                String refusal, String why) {
        switch (result) {
            case APPLIED -> Replies.json(response, callback, HttpStatus.OK_200, done);
            case NOT_ALLOWED -> Replies.error(response, callback, HttpStatus.BAD_REQUEST_400, refusal, why);
            case NOT_FOUND -> Replies.error(response, callback, HttpStatus.NOT_FOUND_404, "Not found", "Job not found.");
        }
    }

    private void stream(Request request, Response response, Callback callback, String jobId) throws IOException {
        long afterSeq;
        try {
            afterSeq = LastEventId.afterSeq(request, jobId);
        } catch (IllegalArgumentException | QueryParameters.BadQueryException e) {
            Replies.error(response, callback, HttpStatus.BAD_REQUEST_400, "Invalid Last-Event-ID", e.getMessage());
            return;
        }
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        response.getHeaders().put("X-Accel-Buffering", "no"); // proxies must not hold events back
        var stream = new EventStream(jobId, settings);
        streams.add(stream);
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            stream.run(queue, afterSeq, out);
        } catch (JobNotFoundException deletedMeanwhile) {
            // the job went between the ownership check and the subscription: end the stream
        } catch (IOException clientLeft) {
            callback.failed(clientLeft);
            return;
        } finally {
            streams.remove(stream);
        }
        callback.succeeded();
    }
}
