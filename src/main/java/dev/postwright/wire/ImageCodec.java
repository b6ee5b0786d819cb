package dev.postwright.wire;

import static dev.postwright.wire.Fields.put;
import static dev.postwright.wire.Fields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postwright.model.ImageRefs;
import dev.postwright.model.JobResult;
import dev.postwright.model.StoredImage;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Images as results carry them: the {@code images-result} event, the envelope's
 * {@code imageGeneration} (§1.5, with Postwright's {@code images} list) and the images stage's
 * checkpoint. {@code url} is the route {@code serve} gives the bytes at, relative to the server
 * (the owner's token is needed to read it); locally an image is found by its {@code id}.
 */
public final class ImageCodec {
    static final String IMAGES = "images";
    /** A placeholder the writer left for a visual that no image replaced. */
    private static final Pattern PLACEHOLDER = Pattern.compile("!\\[(?:IMAGE|CHART):[^\\]]*]");

    private ImageCodec() {}

    /** The route of an image's bytes on {@code serve}. */
    public static String url(String imageId) {
        return "/api/v1/images/" + imageId + "/file";
    }

    public static ObjectNode write(StoredImage i) {
        ObjectNode o = Json.object();
        put(o, "id", i.id());
        put(o, "url", url(i.id()));
        put(o, "ref", ImageRefs.of(i.id()));
        put(o, "placement", i.placement());
        put(o, "alt", i.altText());
        put(o, "prompt", i.prompt());
        o.put("width", i.width());
        o.put("height", i.height());
        put(o, "mediaType", i.mediaType());
        o.put("size", i.size());
        put(o, "source", i.source());
        put(o, "sha256", i.sha256());
        put(o, "postId", i.postId());
        put(o, "jobId", i.jobId());
        put(o, "createdAt", i.createdAt().toString());
        return o;
    }

    /** An image as {@link #write} wrote it; one without an id, size or hash is no image (null). */
    public static StoredImage read(JsonNode n) {
        String id = text(n, "id");
        Integer width = Fields.integer(n, "width");
        Integer height = Fields.integer(n, "height");
        String sha256 = text(n, "sha256");
        if (id == null || width == null || height == null || sha256 == null) return null;
        Long size = Fields.whole(n, "size");
        return new StoredImage(id, text(n, "postId"), text(n, "jobId"), orDefault(text(n, "placement"), "inline"),
                orDefault(text(n, "prompt"), ""), orDefault(text(n, "alt"), ""), orDefault(text(n, "mediaType"), "image/png"),
                width, height, size == null ? 0 : size, orDefault(text(n, "source"), ""), sha256, instant(text(n, "createdAt")));
    }

    /** {@code {"images": [...]}}: the {@code images-result} event's data and the images checkpoint. */
    public static void writeList(ObjectNode out, List<StoredImage> images) {
        Fields.putObjects(out, IMAGES, images, ImageCodec::write);
    }

    public static List<StoredImage> readList(JsonNode n) {
        return Fields.objects(n, IMAGES, ImageCodec::read).stream().filter(java.util.Objects::nonNull).toList();
    }

    static ObjectNode writeListNode(List<StoredImage> images) {
        ObjectNode o = Json.object();
        writeList(o, images);
        return o;
    }

    /**
     * The envelope's {@code imageGeneration}: null when the job made no images (as the backend
     * sends it for a post it did not illustrate), else the backend's fields and the images.
     */
    static JsonNode imageGeneration(JobResult r) {
        if (r.images().isEmpty()) return null;
        ObjectNode o = Json.object();
        var post = r.post(); // null for an image job's result, which has its images only
        boolean placeholders = post != null && post.content() != null && PLACEHOLDER.matcher(post.content()).find();
        o.put("hasPlaceholders", placeholders);
        o.put("needsImageGeneration", placeholders);
        put(o, "blogPostId", r.savedPost() == null ? null : r.savedPost().id());
        put(o, "topic", post == null ? null : post.title());
        put(o, "organizationId", post == null || post.organizationContext() == null ? null
                : post.organizationContext().organizationId());
        writeList(o, r.images());
        return o;
    }

    private static Instant instant(String text) {
        if (text == null) return Instant.EPOCH;
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
