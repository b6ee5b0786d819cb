package dev.postwright.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postwright.model.BusinessInfo;
import dev.postwright.model.FieldProblem;
import dev.postwright.model.JobOptions;
import dev.postwright.model.JobRequest;
import dev.postwright.model.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a Blog SDK request body ({@code BlogGenerationRequest}, job-stream-protocol.md §2.1) as
 * the SDK's own server validates it, and maps it onto a brief. Every problem is collected, as
 * Pydantic does, each naming its field by {@code loc}. The SDK's fields that our brief has no
 * field for (tone, length, word count, post type, link targets) become sentences of the brief's
 * additional instructions, before the caller's custom instructions. Unknown fields are ignored.
 */
final class BlogSdkBriefs {
    static final Set<String> TONES = Set.of("professional", "casual", "friendly", "authoritative", "conversational",
            "technical", "creative");
    static final Set<String> LENGTHS = Set.of("short", "medium", "long", "extended");
    private static final int MIN_TOPIC = 3;
    private static final int MAX_TOPIC = 200;
    private static final int MAX_INSTRUCTIONS = 5_000;
    private static final int MAX_SHORT = 500;

    private final JsonNode body;
    private final List<BlogSdkCodec.Problem> problems = new ArrayList<>();
    private final PydanticFields fields;

    private BlogSdkBriefs(JsonNode body) {
        this.body = body;
        this.fields = new PydanticFields(body, List.of("body"), problems);
    }

    static BlogSdkCodec.Parsed read(byte[] bytes, String user) {
        JsonNode body;
        try {
            body = Json.readOne(bytes);
        } catch (java.io.IOException | RuntimeException e) {
            return invalid(new BlogSdkCodec.Problem("json_invalid", List.of("body"), "JSON decode error"));
        }
        if (body == null || !body.isObject()) {
            return invalid(new BlogSdkCodec.Problem("model_attributes_type", List.of("body"),
                    "Input should be a valid dictionary or object to extract fields from"));
        }
        return new BlogSdkBriefs(body).brief(user);
    }

    private static BlogSdkCodec.Parsed invalid(BlogSdkCodec.Problem problem) {
        return new BlogSdkCodec.Parsed(null, null, List.of(problem));
    }

    private BlogSdkCodec.Parsed brief(String user) {
        String topic = fields.string("topic", true, MIN_TOPIC, MAX_TOPIC);
        List<String> keywords = keywords();
        String audience = fields.string("target_audience", false, 0, MAX_SHORT);
        String tone = fields.choice("tone", TONES);
        String length = fields.choice("length", LENGTHS);
        String blogType = fields.string("blog_type", false, 1, 50);
        String custom = fields.string("custom_instructions", false, 0, MAX_INSTRUCTIONS);
        Integer words = fields.integer("word_count_target", 100, 10_000);
        Integer maxLinks = fields.integer("max_internal_links", 0, 10);
        List<String> links = linkTargets();
        Boolean async = fields.bool("async_mode");
        if (!problems.isEmpty()) return new BlogSdkCodec.Parsed(null, null, List.copyOf(problems));

        List<String> guidance = new ArrayList<>();
        if (tone != null) guidance.add("Write in a " + tone + " tone.");
        if (blogType != null) guidance.add("Make it a " + blogType.replace('_', '-').toLowerCase(Locale.ROOT) + " post.");
        if (!links.isEmpty() && (maxLinks == null || maxLinks > 0)) {
            guidance.add("Link to these pages of the site where they fit" + (maxLinks != null ? " (at most " + maxLinks
                    + ")" : "") + ": " + String.join("; ", links) + ".");
        }
        if (custom != null && !custom.isBlank()) guidance.add(custom.strip());
        var brief = new JobRequest(new Topic(topic.strip(), null, audience, keywords.getFirst(),
                keywords.subList(1, keywords.size())), new BusinessInfo(null, audience, null, user), user,
                guidance.isEmpty() ? null : String.join("\n\n", guidance), new JobOptions(true, true, null, false,
                words != null ? words : wordsOf(length)), List.of(), null);
        return new BlogSdkCodec.Parsed(brief, async, List.of());
    }

    /** The word count target a {@code length} stands for, as {@link JobOptions#lengthName()} reads it back; null for none. */
    private static Integer wordsOf(String length) {
        if (length == null) return null;
        return switch (length) {
            case "short" -> 600;
            case "medium" -> 1_200;
            case "long" -> 2_000;
            default -> 3_000;
        };
    }

    /** Our brief's problems (its own limits) in the SDK's terms, named by the SDK field they came from. */
    static List<BlogSdkCodec.Problem> fromBrief(List<FieldProblem> problems) {
        return problems.stream().map(p -> new BlogSdkCodec.Problem("value_error", List.of("body", sdkField(p.field())),
                p.message())).toList();
    }

    private static String sdkField(String ours) {
        return switch (ours) {
            case "topic.title" -> "topic";
            case "topic.targetAudience", "businessInfo.targetAudience" -> "target_audience";
            case "topic.focusKeyphrase", "topic.keywords" -> "keywords";
            case "additionalInstructions" -> "custom_instructions";
            default -> ours;
        };
    }

    private List<String> keywords() {
        JsonNode value = body.get("keywords");
        if (value == null || value.isNull()) {
            problems.add(new BlogSdkCodec.Problem("missing", List.of("body", "keywords"), "Field required"));
            return List.of("");
        }
        if (!value.isArray()) {
            problems.add(new BlogSdkCodec.Problem("list_type", List.of("body", "keywords"), "Input should be a valid list"));
            return List.of("");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode k = value.get(i);
            if (!k.isTextual() || k.asText().isBlank()) {
                problems.add(new BlogSdkCodec.Problem("string_type", List.of("body", "keywords", i),
                        "Input should be a valid string"));
            } else {
                out.add(k.asText().strip());
            }
        }
        if (value.isEmpty()) {
            problems.add(new BlogSdkCodec.Problem("too_short", List.of("body", "keywords"),
                    "List should have at least 1 item after validation, not 0"));
        }
        return out.isEmpty() ? List.of("") : out;
    }

    /** {@code internal_link_targets}: [{title, url, keywords?}], as "Title (url)". */
    private List<String> linkTargets() {
        JsonNode value = body.get("internal_link_targets");
        if (value == null || value.isNull()) return List.of();
        if (!value.isArray()) {
            problems.add(new BlogSdkCodec.Problem("list_type", List.of("body", "internal_link_targets"),
                    "Input should be a valid list"));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode target = value.get(i);
            String title = target.path("title").isTextual() ? target.path("title").asText() : null;
            String url = target.path("url").isTextual() ? target.path("url").asText() : null;
            if (!target.isObject() || title == null || url == null) {
                problems.add(new BlogSdkCodec.Problem("missing", List.of("body", "internal_link_targets", i,
                        title == null ? "title" : "url"), "Field required"));
                continue;
            }
            out.add(title.strip() + " (" + url.strip() + ")");
        }
        return out;
    }
}
