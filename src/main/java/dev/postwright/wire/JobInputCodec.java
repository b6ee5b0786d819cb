package dev.postwright.wire;

import static dev.postwright.wire.Fields.put;
import static dev.postwright.wire.Fields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postwright.model.ImageJobRequest;
import dev.postwright.model.ImageQuality;
import dev.postwright.model.JobInput;
import dev.postwright.model.JobKind;
import dev.postwright.model.JobRequest;
import dev.postwright.model.PublishRequest;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

/**
 * The {@code jobs.request} column: the one place that turns each kind of {@link JobInput} into
 * stored text and back ({@link #encode}, {@link #decode}); a blog brief is
 * {@link JobRequestCodec}'s create-job body, an image or publish job's request its own small object.
 */
public final class JobInputCodec {
    private JobInputCodec() {}

    /** The stored form of either kind of job's request. */
    public static String encode(JobInput input) {
        return switch (input) {
            case JobRequest brief -> JobRequestCodec.encode(brief);
            case ImageJobRequest image -> Json.write(write(image));
            case PublishRequest publish -> Json.write(write(publish));
        };
    }

    /**
     * A request as {@link #encode} stored it.
     *
     * @throws WireFormatException when it cannot be read as a request of that kind
     */
    public static JobInput decode(JobKind kind, String stored) {
        return switch (kind) {
            case BLOG -> JobRequestCodec.decode(stored);
            case IMAGE -> read(Json.parse(stored, "the image job's request"));
            case PUBLISH -> readPublish(Json.parse(stored, "the publish job's request"));
        };
    }

    static ObjectNode write(ImageJobRequest r) {
        ObjectNode o = Json.object();
        put(o, "prompt", r.prompt());
        put(o, "altText", r.altText());
        if (r.width() != null) o.put("width", r.width());
        if (r.height() != null) o.put("height", r.height());
        put(o, "quality", r.quality().wireName());
        put(o, "placement", r.placement());
        put(o, "postId", r.postId());
        put(o, "organizationId", r.organizationId());
        return o;
    }

    static ImageJobRequest read(JsonNode n) {
        if (n == null || !n.isObject()) throw new WireFormatException("An image job's request must be a JSON object.");
        String quality = text(n, "quality");
        ImageQuality q;
        try {
            q = quality == null ? null : ImageQuality.ofWireName(quality);
        } catch (IllegalArgumentException e) {
            throw new WireFormatException(e.getMessage());
        }
        return new ImageJobRequest(text(n, "prompt"), text(n, "altText"), Fields.integer(n, "width"),
                Fields.integer(n, "height"), q, text(n, "placement"), text(n, "postId"), text(n, "organizationId"));
    }

    static ObjectNode write(PublishRequest r) {
        ObjectNode o = Json.object();
        put(o, "postId", r.postId());
        put(o, "site", r.site());
        put(o, "status", r.status());
        if (r.publishAt() != null) put(o, "publishAt", r.publishAt().toString());
        Fields.putStrings(o, "categories", r.categories());
        Fields.putStrings(o, "tags", r.tags());
        if (r.replaceSiteChanges()) o.put("replaceSiteChanges", true);
        return o;
    }

    static PublishRequest readPublish(JsonNode n) {
        if (n == null || !n.isObject()) throw new WireFormatException("A publish job's request must be a JSON object.");
        String at = text(n, "publishAt");
        LocalDateTime publishAt;
        try {
            publishAt = at == null ? null : LocalDateTime.parse(at);
        } catch (DateTimeParseException e) {
            throw new WireFormatException("The publish date \"" + at + "\" is not a date and time.");
        }
        return new PublishRequest(text(n, "postId"), text(n, "site"), text(n, "status"), publishAt,
                Fields.strings(n, "categories"), Fields.strings(n, "tags"), Fields.bool(n, "replaceSiteChanges", false));
    }
}
