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

/**
 * The {@code jobs.request} column: the one place that turns either kind of
 * {@link JobInput} into stored text and back ({@link #encode}, {@link #decode}); a blog brief is
 * {@link JobRequestCodec}'s create-job body, an image job's request is its own small object.
 */
public final class JobInputCodec {
    private JobInputCodec() {}

    /** The stored form of either kind of job's request. */
    public static String encode(JobInput input) {
        return switch (input) {
            case JobRequest brief -> JobRequestCodec.encode(brief);
            case ImageJobRequest image -> Json.write(write(image));
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
}
