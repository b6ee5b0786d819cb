package dev.postwright.wire;

import static dev.postwright.wire.Fields.put;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postwright.model.BlogPost;
import dev.postwright.model.JobOptions;
import dev.postwright.model.LibraryPost;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;

/**
 * The bodies of {@code /api/v1/blog-posts} (job-stream-protocol.md §1.5: how a client saves a post
 * itself when {@code autoSave} is off). A post to save is the {@code blog-result} fields, in the
 * job API's camelCase or the saved post's snake_case ({@code meta_description}); a field of the
 * wrong type is refused by name, unknown fields are ignored. Replies are
 * {@code {"success": true, "data": …}}; a saved post is written as {@code savedPost} is, plus its
 * library fields. Stateless.
 */
public final class BlogPostBodies {
    /** The statuses a writer can give a post, as the desktop's editor offers them. */
    public static final Set<String> STATUSES = Set.of("draft", "published", "scheduled");
    private static final String WHAT = "The post";
    private static final List<String> TEXTS = List.of("title", "content", "subtitle", "metaDescription",
            "meta_description", "estimatedReadTime", "estimated_read_time", "focusKeyphrase", "focus_keyphrase", "status",
            "organizationId", "organization_id", "sourceJobId", "job_id");
    private static final List<String> LISTS = List.of("tags", "seoKeywords", "seo_keywords");

    private BlogPostBodies() {}

    /**
     * A post a client asks to save.
     *
     * @param organizationId the body's, or null when it names none
     * @param status         one of {@link #STATUSES}
     * @param sourceJobId    the job whose result this is, as the client says (not checked against the job)
     */
    public record Submitted(BlogPost post, String organizationId, String focusKeyphrase, String status,
                            String sourceJobId) {
        /** Whether it has the title and content the backend requires (400 {@code TITLE_AND_CONTENT_REQUIRED}). */
        public boolean hasTitleAndContent() {
            return !blank(post.title()) && !blank(post.content());
        }
    }

    /**
     * Reads a body of at most {@code maxBytes}.
     *
     * @throws WireFormatException for malformed JSON, a body over the limit, a field of the wrong
     *                             type or an unknown status, naming the field when one is at fault
     */
    public static Submitted read(InputStream in, int maxBytes) throws IOException {
        JsonNode root = Json.parse(in, maxBytes, WHAT.toLowerCase());
        if (root == null || !root.isObject()) {
            throw new WireFormatException("The post must be a JSON object, like {\"title\": …, \"content\": …}.");
        }
        for (String name : TEXTS) {
            JsonNode value = root.get(name);
            if (value != null && !value.isNull() && !value.isTextual()) throw wrong(name, "a string");
        }
        for (String name : LISTS) {
            JsonNode value = root.get(name);
            if (value == null || value.isNull()) continue;
            if (!value.isArray()) throw wrong(name, "a list of strings");
            for (JsonNode item : value) if (!item.isTextual()) throw wrong(name, "a list of strings");
        }
        String status = Fields.text(root, "status");
        if (status == null || status.isBlank()) status = JobOptions.DEFAULT_STATUS;
        if (!STATUSES.contains(status)) throw wrong("status", "one of draft, published or scheduled");
        BlogPost read = PostCodec.read(root);
        var post = new BlogPost(read.title(), read.subtitle(), read.content(),
                Fields.text(root, "metaDescription", "meta_description"), read.tags(),
                Fields.strings(root, root.hasNonNull("seoKeywords") ? "seoKeywords" : "seo_keywords"),
                Fields.text(root, "estimatedReadTime", "estimated_read_time"), read.internalLinks(),
                read.ctaSuggestions(), read.seoOptimizationScore(), read.generationMetadata(), read.embeds(),
                read.organizationContext());
        return new Submitted(post, Fields.text(root, "organizationId", "organization_id"),
                Fields.text(root, "focusKeyphrase", "focus_keyphrase"), status, Fields.text(root, "sourceJobId", "job_id"));
    }

    /** {@code {"success": true, "data": post}}. */
    public static String saved(LibraryPost post) {
        ObjectNode reply = Json.object().put("success", true);
        reply.set("data", write(post));
        return Json.write(reply);
    }

    /** {@code {"success": true, "data": [post, …], "count": n}}, newest first. */
    public static String list(List<LibraryPost> posts) {
        ObjectNode reply = Json.object().put("success", true);
        var data = reply.putArray("data");
        posts.forEach(p -> data.add(write(p)));
        reply.put("count", posts.size());
        return Json.write(reply);
    }

    /** The backend's refusal of a post without a title or content, with what to do instead. */
    public static String titleAndContentRequired() {
        return Json.write(Json.object().put("success", false).put("error", "Title and content are required")
                .put("code", "TITLE_AND_CONTENT_REQUIRED")
                .put("message", "A post needs a title and content to be saved.")
                .put("hint", "Save after blog-result or complete has arrived, with the post's title and content; "
                        + "with autoSave on, the job saves the post itself (result.savedPost)."));
    }

    /** A saved post as {@code savedPost} has it ({@code id, title, content, meta_description, status, word_count}), and more. */
    private static ObjectNode write(LibraryPost p) {
        ObjectNode o = Json.object();
        put(o, "id", p.id());
        put(o, "title", p.post().title());
        put(o, "content", p.post().content());
        put(o, "meta_description", p.post().metaDescription());
        put(o, "status", p.status());
        put(o, "word_count", p.wordCount());
        put(o, "slug", p.slug());
        put(o, "focus_keyphrase", p.focusKeyphrase());
        put(o, "organization_id", p.organizationId());
        put(o, "source_job_id", p.sourceJobId());
        put(o, "version", p.version());
        put(o, "created_at", p.createdAt().toString());
        put(o, "updated_at", p.updatedAt().toString());
        Fields.putStrings(o, "tags", p.post().tags());
        return o;
    }

    private static WireFormatException wrong(String field, String shape) {
        return new WireFormatException("In the post, " + field + " must be " + shape + ".", field);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
