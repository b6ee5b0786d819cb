package dev.postwright.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The types of a create-job body's fields (protocol 1.1), checked before it is read: a field of
 * the wrong type is refused with its dotted name rather than read as absent. Null is absent,
 * unknown fields are ignored, and a call to action's {@code text} is not checked here (one
 * without a string text is dropped, as the backend does). Stateless.
 */
final class BriefShape {
    private static final List<String> TOPIC_TEXTS = List.of("title", "subheader", "targetAudience", "focusKeyphrase");
    private static final List<String> BUSINESS_TEXTS = List.of("businessType", "targetAudience", "industry", "userId");
    private static final List<String> FLAGS = List.of("includeVisuals", "autoSave", "skipSEOAnalysis");
    private static final List<String> EMBEDS = List.of(EmbedCodec.TWEETS, EmbedCodec.ARTICLES, EmbedCodec.VIDEOS);
    private static final List<String> CTA_TEXTS = List.of("href", "url", "type", "placement");

    private BriefShape() {}

    /** @throws WireFormatException naming the first field of the wrong type */
    static void check(JsonNode root) {
        JsonNode topic = present(root, "topic");
        if (topic != null && !topic.isTextual()) { // the Blog SDK dialect sends the topic as a string
            object(topic, "topic", "an object like {\"title\": …}");
            for (String name : TOPIC_TEXTS) string(topic, name, "topic.");
            JsonNode keywords = present(topic, "keywords");
            if (keywords != null && !keywords.isTextual()) {
                array(keywords, "topic.keywords", "a list of strings");
                for (JsonNode k : keywords) {
                    if (!k.isTextual()) throw wrong("topic.keywords", "a list of strings");
                }
            }
        }
        JsonNode business = present(root, "businessInfo");
        if (business != null) {
            object(business, "businessInfo", "an object like {\"businessType\": …}");
            for (String name : BUSINESS_TEXTS) string(business, name, "businessInfo.");
        }
        string(root, "organizationId", "");
        string(root, "additionalInstructions", "");
        JsonNode options = present(root, "options");
        if (options != null) {
            object(options, "options", "an object");
            for (String name : FLAGS) flag(options, name);
            string(options, "status", "options.");
            JsonNode words = present(options, JobRequestCodec.WORD_COUNT_TARGET);
            if (words != null && !(words.isIntegralNumber() && words.canConvertToInt())) throw wrong("options.wordCountTarget", "a whole number of words");
            for (String name : EMBEDS) objects(options, name, "options.");
        }
        JsonNode ctas = objects(root, "ctas", "");
        if (ctas != null) {
            for (int i = 0; i < ctas.size(); i++) {
                for (String name : CTA_TEXTS) string(ctas.get(i), name, "ctas[" + i + "].");
            }
        }
    }

    private static JsonNode present(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private static void object(JsonNode value, String field, String shape) {
        if (!value.isObject()) throw wrong(field, shape);
    }

    private static void array(JsonNode value, String field, String shape) {
        if (!value.isArray()) throw wrong(field, shape);
    }

    private static void string(JsonNode node, String name, String prefix) {
        JsonNode value = present(node, name);
        if (value != null && !value.isTextual()) throw wrong(prefix + name, "a string");
    }

    /** A boolean; "true" and "false" as text are taken too, as the reader takes them. */
    private static void flag(JsonNode node, String name) {
        JsonNode value = present(node, name);
        if (value == null || value.isBoolean()) return;
        if (value.isTextual() && (value.asText().equalsIgnoreCase("true") || value.asText().equalsIgnoreCase("false"))) {
            return;
        }
        throw wrong("options." + name, "true or false");
    }

    /** A list of objects at {@code name}, or null when absent. */
    private static JsonNode objects(JsonNode node, String name, String prefix) {
        JsonNode value = present(node, name);
        if (value == null) return null;
        String field = prefix + name;
        array(value, field, "a list of objects: [ {…}, {…} ]");
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isObject()) throw wrong(field + "[" + i + "]", "an object");
        }
        return value;
    }

    private static WireFormatException wrong(String field, String shape) {
        return new WireFormatException("In the brief, " + field + " must be " + shape + ".", field);
    }
}
