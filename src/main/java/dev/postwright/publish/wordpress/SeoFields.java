package dev.postwright.publish.wordpress;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which SEO plugin's post fields the site lets the REST API write: the meta keys in the post
 * schema ({@code OPTIONS /wp/v2/posts}, {@code schema.properties.meta.properties}). Yoast's own
 * {@code yoast_head_json} is read-only, so a site with Yoast but without its keys registered for
 * REST is {@link Plugin#NONE} with {@code yoastReadOnly} true.
 */
public record SeoFields(Plugin plugin, boolean yoastReadOnly) {
    public enum Plugin { YOAST, RANK_MATH, NONE }

    private static final Map<PostDraft.SeoField, String> YOAST = Map.of(
            PostDraft.SeoField.FOCUS_KEYPHRASE, "_yoast_wpseo_focuskw",
            PostDraft.SeoField.TITLE, "_yoast_wpseo_title",
            PostDraft.SeoField.DESCRIPTION, "_yoast_wpseo_metadesc");
    private static final Map<PostDraft.SeoField, String> RANK_MATH = Map.of(
            PostDraft.SeoField.FOCUS_KEYPHRASE, "rank_math_focus_keyword",
            PostDraft.SeoField.TITLE, "rank_math_title",
            PostDraft.SeoField.DESCRIPTION, "rank_math_description");

    static SeoFields of(JsonNode options) {
        JsonNode properties = options.path("schema").path("properties");
        JsonNode meta = properties.path("meta").path("properties");
        boolean yoastHead = properties.has("yoast_head_json");
        if (YOAST.values().stream().allMatch(meta::has)) {
            return new SeoFields(Plugin.YOAST, false);
        }
        if (RANK_MATH.values().stream().allMatch(meta::has)) {
            return new SeoFields(Plugin.RANK_MATH, yoastHead);
        }
        return new SeoFields(Plugin.NONE, yoastHead);
    }

    /** The meta keys and values to send; empty when the site exposes no SEO fields. */
    Map<String, String> keys(Map<PostDraft.SeoField, String> values) {
        Map<PostDraft.SeoField, String> names = switch (plugin) {
            case YOAST -> YOAST;
            case RANK_MATH -> RANK_MATH;
            case NONE -> Map.of();
        };
        Map<String, String> keys = new LinkedHashMap<>();
        values.forEach((field, value) -> {
            if (names.containsKey(field)) {
                keys.put(names.get(field), value);
            }
        });
        return keys;
    }

    /** Said once to the writer when the SEO fields cannot be sent. */
    public String words() {
        return switch (plugin) {
            case YOAST -> "The focus keyphrase, SEO title and meta description go to Yoast SEO's fields.";
            case RANK_MATH -> "The focus keyphrase, SEO title and meta description go to Rank Math's fields.";
            case NONE -> "This site does not let Postwright set SEO fields"
                    + (yoastReadOnly ? " (Yoast SEO is installed, but its fields are read-only over the REST API)" : "")
                    + ", so the focus keyphrase, SEO title and meta description are not sent.";
        };
    }
}
