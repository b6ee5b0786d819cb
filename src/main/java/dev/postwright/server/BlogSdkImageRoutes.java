package dev.postwright.server;

import static dev.postwright.server.BlogSdkCalls.allowed;
import static dev.postwright.server.BlogSdkCalls.detail;
import static dev.postwright.server.BlogSdkCalls.unprocessable;

import dev.postwright.images.ImageMaker;
import dev.postwright.images.ImageSize;
import dev.postwright.images.offline.OfflineImageMaker;
import dev.postwright.jobs.CommandResult;
import dev.postwright.jobs.JobNotFoundException;
import dev.postwright.model.ImageJobRequest;
import dev.postwright.model.ImageQuality;
import dev.postwright.model.JobKind;
import dev.postwright.model.JobStatus;
import dev.postwright.queue.JobQueue;
import dev.postwright.wire.BlogSdkCodec;
import dev.postwright.wire.BlogSdkImages;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The Blog SDK's image routes (job-stream-protocol.md §2.1, §2.3; decision 0029) as image jobs in
 * the same queue: {@code POST /api/v1/images/generate} (alias {@code /generate-async}: queued),
 * {@code POST /api/v1/images/generate/stream} (the job's stage messages, {@link BlogSdkStream}),
 * {@code GET /api/v1/images/jobs/{id}} and {@code POST /api/v1/images/batch-generate}. Auth and
 * errors are {@link BlogSdkCalls}'s, as on the SDK's blog routes; a job is its creator's alone, and
 * a blog job is not an image job (404 both). A size the server's maker cannot draw is refused when
 * the request comes (422 with the maker's rule), never queued to fail. Every other
 * {@code /api/v1/images} path (an image's bytes, {@link ImageRoutes}) is left to the next handler.
 */
final class BlogSdkImageRoutes extends Handler.Abstract {
    static final String BASE = "/api/v1/images";
    private static final System.Logger LOG = System.getLogger(BlogSdkImageRoutes.class.getName());
    private final BlogSdkCalls calls;
    private final JobQueue queue;
    private final Supplier<? extends ImageMaker> makers;
    /** @param makers the maker the engine's image jobs use, asked at each request */
    BlogSdkImageRoutes(BlogSdkCalls calls, Supplier<? extends ImageMaker> makers) {
        this.calls = calls;
        this.queue = calls.queue();
        this.makers = makers;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (!path.startsWith(BASE + "/")) return false;
        String rest = path.substring(BASE.length());
        String[] parts = rest.split("/", -1);
        boolean job = parts.length == 3 && parts[1].equals("jobs") && !parts[2].isEmpty();
        if (!job && !List.of("/generate", "/generate-async", "/generate/stream", "/batch-generate").contains(rest)) {
            return false;
        }
        String method = request.getMethod();
        calls.serve(request, response, callback, user -> {
            if (job) {
                if (allowed(method, "GET", response, callback)) job(response, callback, parts[2], user);
            } else if (allowed(method, "POST", response, callback)) {
                switch (rest) {
                    case "/generate/stream" -> stream(request, response, callback, user);
                    case "/batch-generate" -> batch(request, response, callback, user);
                    default -> generate(request, response, callback, user);
                }
            }
        });
        return true;
    }

    /** {@code generate} and {@code generate-async}: the job queued. */
    private void generate(Request request, Response response, Callback callback, String user) throws IOException {
        BlogSdkImages.Entry entry = one(request, response, callback, user);
        if (entry == null) return;
        String id = enqueue(entry, user, List.of("body"), response, callback);
        if (id != null) Replies.json(response, callback, HttpStatus.OK_200, BlogSdkImages.queued(id, entry.draft()));
    }

    /** {@code generate/stream}: queued, then the job's stage messages until it ends. */
    private void stream(Request request, Response response, Callback callback, String user) throws IOException {
        BlogSdkImages.Entry entry = one(request, response, callback, user);
        if (entry == null) return;
        String id = enqueue(entry, user, List.of("body"), response, callback);
        if (id != null) {
            calls.stream(response, callback, id, calls.settings().imageStreamMaxAge(), BlogSdkStream.IMAGE);
        }
    }

    /** {@code batch-generate}: every request checked, then each queued as a job of its own. */
    private void batch(Request request, Response response, Callback callback, String user) throws IOException {
        byte[] body = calls.jsonBody(request, response, callback);
        if (body == null) return;
        BlogSdkImages.Parsed parsed = BlogSdkImages.batch(body, user, maker());
        if (!answeredRefusal(parsed, response, callback)) return;
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < parsed.entries().size(); i++) {
                String id = enqueue(parsed.entries().get(i), user, List.of("body", "images", i), response, callback);
                if (id == null) {
                    withdraw(ids);
                    return;
                }
                ids.add(id);
            }
        } catch (RuntimeException e) {
            withdraw(ids);
            throw e;
        }
        Replies.json(response, callback, HttpStatus.OK_200, BlogSdkImages.batchQueued(UUID.randomUUID().toString(), ids));
    }

    /** A batch that could not be queued whole leaves nothing behind: its jobs so far are cancelled and deleted. */
    private void withdraw(List<String> ids) {
        for (String id : ids) {
            try {
                queue.cancel(id);
                CommandResult deleted = queue.delete(id);
                if (deleted != CommandResult.APPLIED) {
                    LOG.log(Level.WARNING, "Image job {0} of a refused batch was cancelled but could not be deleted "
                            + "({1}); it stays in its owner''s list as cancelled", id, deleted);
                }
            } catch (RuntimeException e) {
                // the queue refuses writes (a full disk): the job stays queued and will run
                LOG.log(Level.WARNING, "Image job {0} of a refused batch could not be withdrawn: {1}", id, e.getMessage());
            }
        }
    }


    /** {@code GET /api/v1/images/jobs/{id}}: the caller's image jobs only. */
    private void job(Response response, Callback callback, String id, String user) {
        Optional<JobStatus> status = queue.status(id).filter(s -> user.equals(s.owner()) && s.kind() == JobKind.IMAGE);
        List<BlogSdkCodec.Logged> log = null;
        if (status.isPresent()) {
            try {
                log = queue.events(id, 0).stream().map(e -> new BlogSdkCodec.Logged(e.event(), e.at())).toList();
            } catch (JobNotFoundException deletedMeanwhile) {
                // answered below
            }
        }
        if (log == null) {
            detail(response, callback, HttpStatus.NOT_FOUND_404, "Job " + id + " not found");
            return;
        }
        Replies.json(response, callback, HttpStatus.OK_200, BlogSdkImages.job(status.get(), log, isDraft(id)));
    }

    /** {@code is_draft}: the job was asked for at draft quality (as stored with it, so it survives a restart). */
    private boolean isDraft(String id) {
        return queue.input(id).filter(ImageJobRequest.class::isInstance).map(ImageJobRequest.class::cast)
                .map(r -> r.quality() == ImageQuality.DRAFT).orElse(false);
    }

    /** The one request of the body, or null after answering 413, 415 or 422. */
    private BlogSdkImages.Entry one(Request request, Response response, Callback callback, String user)
            throws IOException {
        byte[] body = calls.jsonBody(request, response, callback);
        if (body == null) return null;
        BlogSdkImages.Parsed parsed = BlogSdkImages.request(body, user, maker());
        return answeredRefusal(parsed, response, callback) ? parsed.entries().getFirst() : null;
    }

    /** True for an accepted body; otherwise answers 400 (a batch's size) or 422 and returns false. */
    private static boolean answeredRefusal(BlogSdkImages.Parsed parsed, Response response, Callback callback) {
        if (parsed.refusal() != null) {
            detail(response, callback, HttpStatus.BAD_REQUEST_400, parsed.refusal());
            return false;
        }
        if (!parsed.problems().isEmpty()) {
            unprocessable(response, callback, parsed.problems());
            return false;
        }
        return true;
    }

    private String enqueue(BlogSdkImages.Entry entry, String user, List<Object> at, Response response,
                           Callback callback) {
        String id = calls.enqueue(entry.request(), user, response, callback,
                problems -> BlogSdkImages.requestProblems(at, problems));
        return id;
    }

    /** The server's image maker as the request reader sees it: the sizes it draws, whether it reads prompts. */
    private BlogSdkImages.Maker maker() {
        ImageMaker maker = makers.get();
        return new BlogSdkImages.Maker() {
            @Override
            public boolean accepts(int width, int height) {
                return maker.accepts(new ImageSize(width, height));
            }

            @Override
            public String sizeRule() {
                return maker.sizeRule();
            }

            @Override
            public boolean readsPrompts() {
                return !OfflineImageMaker.SOURCE.equals(maker.source());
            }
        };
    }
}
