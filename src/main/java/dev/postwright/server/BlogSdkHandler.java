package dev.postwright.server;

import static dev.postwright.server.BlogSdkCalls.allowed;
import static dev.postwright.server.BlogSdkCalls.detail;
import static dev.postwright.server.BlogSdkCalls.unprocessable;

import dev.postwright.jobs.JobNotFoundException;
import dev.postwright.model.JobKind;
import dev.postwright.model.JobState;
import dev.postwright.model.JobStatus;
import dev.postwright.queue.JobQueue;
import dev.postwright.wire.BlogSdkCodec;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpStatus;
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
 * 422 naming each field. Auth is {@link BlogSdkCalls}'s, shared with the image routes, and a job is
 * its creator's alone (404 for anyone else). Requests elsewhere are left to the next handler.
 */
final class BlogSdkHandler extends Handler.Abstract {
    static final String BASE = "/api/v1/blog";

    private final BlogSdkCalls calls;
    private final JobQueue queue;
    private final ServeSettings settings;

    BlogSdkHandler(BlogSdkCalls calls) {
        this.calls = calls;
        this.queue = calls.queue();
        this.settings = calls.settings();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (!path.equals(BASE) && !path.startsWith(BASE + "/")) return false;
        String method = request.getMethod();
        calls.serve(request, response, callback,
                user -> route(request, response, callback, path.substring(BASE.length()), method, user));
        return true;
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
        String id = calls.enqueue(parsed.brief(), user, response, callback, BlogSdkCodec::briefProblems);
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
        String id = calls.enqueue(parsed.brief(), user, response, callback, BlogSdkCodec::briefProblems);
        if (id == null) return;
        calls.stream(response, callback, id, settings.streamMaxAge(), BlogSdkStream.BLOG);
    }

    /** {@code GET /api/v1/blog/jobs/{id}}: status and progress_updates, the caller's blog jobs only. */
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
        byte[] body = calls.jsonBody(request, response, callback);
        if (body == null) return null;
        BlogSdkCodec.Parsed parsed = BlogSdkCodec.brief(body, user);
        if (!parsed.problems().isEmpty()) {
            unprocessable(response, callback, parsed.problems());
            return null;
        }
        return parsed;
    }
}
