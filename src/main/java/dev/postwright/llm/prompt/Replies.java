package dev.postwright.llm.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postwright.llm.Brief;
import dev.postwright.llm.PostMetadata;
import dev.postwright.model.Outline;
import dev.postwright.model.VisualSuggestion;
import dev.postwright.wire.ResultCodec;
import dev.postwright.wire.WireFormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a model's JSON replies to the {@link Prompts} for the outline, the metadata and the
 * visuals into the pipeline's types, the same for every writer that uses a model. Fields that
 * can be done without get defaults; what a post cannot be made without is a
 * {@link WireFormatException} saying what is missing.
 */
public final class Replies {
    private Replies() {}

    public static Outline outline(JsonNode node, Brief brief) {
        List<Outline.Section> sections = new ArrayList<>();
        for (JsonNode s : node.path("sections")) {
            List<String> points = new ArrayList<>();
            s.path("points").forEach(p -> points.add(p.asText()));
            if (s.path("heading").isTextual()) sections.add(new Outline.Section(s.path("heading").asText(), points));
        }
        if (sections.isEmpty()) throw new WireFormatException("The outline has no sections.");
        String title = node.path("title").isTextual() && !node.path("title").asText().isBlank()
                ? node.path("title").asText() : brief.title();
        return new Outline(title, node.path("kind").asText("article"), sections);
    }

    public static PostMetadata metadata(JsonNode node, Outline outline, String markdown) {
        String title = node.path("title").asText(outline.title());
        String meta = node.path("metaDescription").asText(null);
        if (meta == null || meta.isBlank()) throw new WireFormatException("The reply has no metaDescription.");
        int words = markdown.split("\\s+").length;
        return new PostMetadata(title, node.path("subtitle").asText(null), meta, strings(node.path("tags")),
                strings(node.path("seoKeywords")), node.path("estimatedReadTime")
                .asText(Math.max(1, (int) Math.ceil(words / 238.0)) + " min read"));
    }

    public static List<VisualSuggestion> visuals(JsonNode node) {
        return ResultCodec.readVisuals(node);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> {
            if (n.isValueNode()) out.add(n.asText());
        });
        return out;
    }
}
