package dev.postwright.wire;

import static dev.postwright.wire.Fields.put;
import static dev.postwright.wire.Fields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postwright.model.BusinessInfo;
import dev.postwright.model.Cta;
import dev.postwright.model.JobOptions;
import dev.postwright.model.JobRequest;
import dev.postwright.model.Topic;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The create-job body (protocol 1.1). Unknown fields are ignored and null reads as absent, but a
 * field of the wrong type ({@code ctas} as an object, {@code preloadedTweets} as a string) is an
 * error naming it ({@link BriefShape}), as is anything after the JSON value; whether the brief is
 * complete is for {@link JobRequest#problems()} to say.
 */
public final class JobRequestCodec {
    /** The largest brief accepted: generous for 50 embeds of each kind, far below memory trouble. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    private static final String WHAT = "the brief";

    /** Postwright's own option: about how many words the post should have (absent: the writer's choice). */
    static final String WORD_COUNT_TARGET = "wordCountTarget";

    private JobRequestCodec() {}

    /** Reads a brief of at most {@link #MAX_BYTES}; throws {@link WireFormatException} otherwise. */
    public static JobRequest decode(InputStream in) throws IOException {
        return fromTree(Json.parse(in, MAX_BYTES, WHAT));
    }

    public static JobRequest decode(String json) {
        try {
            return decode(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JobRequest fromTree(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new WireFormatException("The brief must be a JSON object, like {\"topic\": {\"title\": …}}.");
        }
        BriefShape.check(root);
        JsonNode options = Fields.object(root, "options");
        return new JobRequest(readTopic(root.get("topic")), readBusiness(Fields.object(root, "businessInfo")),
                text(root, "organizationId"), text(root, "additionalInstructions"), readOptions(options),
                Fields.objects(root, "ctas", JobRequestCodec::readCta), EmbedCodec.readEmbeds(options));
    }

    public static String encode(JobRequest request) {
        return Json.write(toTree(request));
    }

    public static ObjectNode toTree(JobRequest r) {
        ObjectNode root = Json.object();
        if (r.topic() != null) root.set("topic", writeTopic(r.topic()));
        if (r.businessInfo() != null) root.set("businessInfo", writeBusiness(r.businessInfo()));
        put(root, "organizationId", r.organizationId());
        put(root, "additionalInstructions", r.additionalInstructions());
        ObjectNode options = root.putObject("options");
        options.put("includeVisuals", r.options().includeVisuals());
        options.put("autoSave", r.options().autoSave());
        options.put("status", r.options().status());
        EmbedCodec.writeEmbeds(options, r.embeds());
        options.put("skipSEOAnalysis", r.options().skipSeoAnalysis());
        put(options, WORD_COUNT_TARGET, r.options().wordCountTarget());
        Fields.putObjects(root, "ctas", r.ctas(), JobRequestCodec::writeCta);
        return root;
    }

    private static Topic readTopic(JsonNode node) {
        if (node == null || node.isNull()) return null;
        // The Blog SDK dialect sends the topic as a plain string.
        if (node.isTextual()) return Topic.titled(node.asText());
        if (!node.isObject()) return null;
        return new Topic(text(node, "title"), text(node, "subheader"), text(node, "targetAudience"),
                text(node, "focusKeyphrase"), Fields.strings(node, "keywords"));
    }

    private static ObjectNode writeTopic(Topic t) {
        ObjectNode o = Json.object();
        put(o, "title", t.title());
        put(o, "subheader", t.subheader());
        put(o, "targetAudience", t.targetAudience());
        put(o, "focusKeyphrase", t.focusKeyphrase());
        if (!t.keywords().isEmpty()) Fields.putStrings(o, "keywords", t.keywords());
        return o;
    }

    private static BusinessInfo readBusiness(JsonNode n) {
        if (n == null) return null;
        return new BusinessInfo(text(n, "businessType"), text(n, "targetAudience"), text(n, "industry"), text(n, "userId"));
    }

    private static ObjectNode writeBusiness(BusinessInfo b) {
        ObjectNode o = Json.object();
        put(o, "businessType", b.businessType());
        put(o, "targetAudience", b.targetAudience());
        put(o, "industry", b.industry());
        put(o, "userId", b.userId());
        return o;
    }

    private static JobOptions readOptions(JsonNode n) {
        if (n == null) return JobOptions.DEFAULTS;
        return new JobOptions(Fields.bool(n, "includeVisuals", true), Fields.bool(n, "autoSave", true),
                text(n, "status"), Fields.bool(n, "skipSEOAnalysis", false), Fields.integer(n, WORD_COUNT_TARGET));
    }

    static Cta readCta(JsonNode n) {
        JsonNode textNode = n.get("text");
        // The protocol only counts a string as CTA text.
        String text = textNode != null && textNode.isTextual() ? textNode.asText() : null;
        return new Cta(text, text(n, "href", "url"), text(n, "type"), text(n, "placement"));
    }

    static ObjectNode writeCta(Cta c) {
        ObjectNode o = Json.object();
        put(o, "text", c.text());
        put(o, "href", c.href());
        put(o, "type", c.type());
        put(o, "placement", c.placement());
        return o;
    }
}
