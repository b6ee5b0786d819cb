package dev.postwright.server;

import dev.postwright.model.LibraryPost;
import dev.postwright.render.Slugs;
import dev.postwright.seo.text.PostTexts;
import dev.postwright.store.PostLibrary;
import dev.postwright.wire.BlogPostBodies;
import dev.postwright.wire.JobApiReplies;
import dev.postwright.wire.WireFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The job API's library routes (job-stream-protocol.md §1.5): {@code POST /api/v1/blog-posts} saves
 * a post in the caller's library (how a client saves when {@code autoSave} is off),
 * {@code GET /api/v1/blog-posts} lists the caller's posts and {@code GET /api/v1/blog-posts/{id}}
 * reads one. A post belongs to the user who saved it or whose job wrote it; anyone else is told it
 * does not exist (404). {@link JobApiHandler} authenticates first and answers faults.
 */
final class BlogPostRoutes {
    static final String BASE = "/api/v1/blog-posts";
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 200;
    /** The organization of a post whose body names none: the desktop's own. */
    private static final String DEFAULT_ORGANIZATION = "local";

    private final PostLibrary library;
    private final ServeSettings settings;

    BlogPostRoutes(PostLibrary library, ServeSettings settings) {
        this.library = library;
        this.settings = settings;
    }

    static boolean owns(String path) {
        return path.equals(BASE) || path.startsWith(BASE + "/");
    }

    void route(Request request, Response response, Callback callback, String user) throws IOException {
        String rest = Request.getPathInContext(request).substring(BASE.length());
        String method = request.getMethod();
        if (rest.isEmpty() || rest.equals("/")) {
            switch (method) {
                case "POST" -> {
                    if (JsonBodies.accepted(request, response, callback, true)) create(request, response, callback, user);
                }
                case "GET" -> list(request, response, callback, user);
                default -> Replies.methodNotAllowed(response, callback, "GET, POST");
            }
            return;
        }
        String id = rest.substring(1);
        if (id.contains("/")) {
            Replies.error(response, callback, HttpStatus.NOT_FOUND_404, "Not found", "There is no such post route.");
            return;
        }
        if (!method.equals("GET")) { Replies.methodNotAllowed(response, callback, "GET"); return; }
        Optional<LibraryPost> post = library.findOwned(id, user);
        if (post.isEmpty()) {
            Replies.error(response, callback, HttpStatus.NOT_FOUND_404, "Not found",
                    "Post not found: it may have been deleted, or it belongs to someone else.");
            return;
        }
        Replies.json(response, callback, HttpStatus.OK_200, BlogPostBodies.saved(post.get()));
    }

    private void create(Request request, Response response, Callback callback, String user) throws IOException {
        byte[] body = JsonBodies.readCapped(request, response, callback, settings.maxBodyBytes(), "The post");
        if (body == null) return;
        BlogPostBodies.Submitted submitted;
        try {
            submitted = BlogPostBodies.read(new ByteArrayInputStream(body), settings.maxBodyBytes());
        } catch (WireFormatException e) {
            Replies.json(response, callback, HttpStatus.BAD_REQUEST_400, JobApiReplies.unreadable(e));
            return;
        }
        if (!submitted.hasTitleAndContent()) {
            Replies.json(response, callback, HttpStatus.BAD_REQUEST_400, BlogPostBodies.titleAndContentRequired());
            return;
        }
        var post = submitted.post();
        String organization = submitted.organizationId() == null || submitted.organizationId().isBlank()
                ? DEFAULT_ORGANIZATION : submitted.organizationId();
        // Never the job's own save key: a client's copy of a job's result is a second post, not the job's.
        LibraryPost saved = library.save(new PostLibrary.NewPost(post, organization, Slugs.of(post.title()),
                submitted.focusKeyphrase(), submitted.status(), PostTexts.wordCount(post.content()), null, user));
        Replies.json(response, callback, HttpStatus.CREATED_201, BlogPostBodies.saved(saved));
    }

    private void list(Request request, Response response, Callback callback, String user) {
        int limit;
        int offset;
        try {
            limit = QueryParameters.integer(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
            offset = QueryParameters.integer(request, "offset", 0, 0, Integer.MAX_VALUE);
        } catch (QueryParameters.BadQueryException e) {
            Replies.error(response, callback, HttpStatus.BAD_REQUEST_400, "Invalid query", e.getMessage());
            return;
        }
        Replies.json(response, callback, HttpStatus.OK_200, BlogPostBodies.list(library.ownedBy(user, limit, offset)));
    }
}
