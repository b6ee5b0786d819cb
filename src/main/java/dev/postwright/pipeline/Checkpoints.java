package dev.postwright.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postwright.llm.Draft;
import dev.postwright.llm.Outline;
import dev.postwright.model.ContextSummary;
import dev.postwright.model.VisualSuggestion;
import dev.postwright.wire.Json;
import dev.postwright.wire.ResultCodec;
import java.util.ArrayList;
import java.util.List;

/** The JSON of stage checkpoints. Reading throws {@code WireFormatException} for damaged ones. */
final class Checkpoints {
    private Checkpoints() {}

    static String context(ContextSummary c) {
        return Json.write(ResultCodec.writeContext(c));
    }

    static ContextSummary context(String json) {
        return ResultCodec.readContext(Json.parse(json, "a checkpoint"));
    }

    static String outline(Outline o) {
        ObjectNode node = Json.object().put("title", o.title()).put("kind", o.kind());
        var sections = node.putArray("sections");
        for (Outline.Section s : o.sections()) {
            ObjectNode section = sections.addObject().put("heading", s.heading());
            s.points().forEach(section.putArray("points")::add);
        }
        return Json.write(node);
    }

    static Outline outline(String json) {
        JsonNode node = Json.parse(json, "a checkpoint");
        List<Outline.Section> sections = new ArrayList<>();
        for (JsonNode s : node.path("sections")) {
            List<String> points = new ArrayList<>();
            s.path("points").forEach(p -> points.add(p.asText()));
            sections.add(new Outline.Section(s.path("heading").asText(), points));
        }
        return new Outline(node.path("title").asText(), node.path("kind").asText(), sections);
    }

    static String draft(Draft d) {
        return Json.write(Json.object().put("markdown", d.markdown()).put("tokensUsed", d.tokensUsed()));
    }

    static Draft draft(String json) {
        JsonNode node = Json.parse(json, "a checkpoint");
        if (!node.path("markdown").isTextual()) throw new dev.postwright.wire.WireFormatException("no draft in the checkpoint");
        return new Draft(node.path("markdown").asText(), node.path("tokensUsed").asLong());
    }

    static String visuals(List<VisualSuggestion> visuals) {
        ObjectNode node = Json.object();
        ResultCodec.writeVisuals(node, visuals);
        return Json.write(node);
    }

    static List<VisualSuggestion> visuals(String json) {
        return ResultCodec.readVisuals(Json.parse(json, "a checkpoint"));
    }
}
