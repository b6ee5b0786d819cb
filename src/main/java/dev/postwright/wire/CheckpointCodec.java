package dev.postwright.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postwright.model.BlogPost;
import dev.postwright.model.ContextSummary;
import dev.postwright.model.Draft;
import dev.postwright.model.Outline;
import dev.postwright.model.SeoAnalysis;
import dev.postwright.model.VisualSuggestion;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The JSON of one stage's checkpoint: what a finished stage stores so that a re-run of its job
 * can restore the stage instead of running it again. The formats are stored in users' databases,
 * so they only ever gain fields. Immutable and thread-safe.
 *
 * @param <T> the stage's output
 */
public final class CheckpointCodec<T> {
    public static final CheckpointCodec<ContextSummary> CONTEXT =
            new CheckpointCodec<>(ResultCodec::writeContext, ResultCodec::readContext);
    public static final CheckpointCodec<Outline> OUTLINE =
            new CheckpointCodec<>(CheckpointCodec::writeOutline, CheckpointCodec::readOutline);
    public static final CheckpointCodec<Draft> DRAFT =
            new CheckpointCodec<>(CheckpointCodec::writeDraft, CheckpointCodec::readDraft);
    public static final CheckpointCodec<BlogPost> POST = new CheckpointCodec<>(PostCodec::write, PostCodec::read);
    public static final CheckpointCodec<List<VisualSuggestion>> VISUALS =
            new CheckpointCodec<>(CheckpointCodec::writeVisuals, ResultCodec::readVisuals);
    public static final CheckpointCodec<List<dev.postwright.model.StoredImage>> IMAGES =
            new CheckpointCodec<>(ImageCodec::writeListNode, ImageCodec::readList);
    public static final CheckpointCodec<SeoAnalysis> SEO = new CheckpointCodec<>(ResultCodec::writeSeo, ResultCodec::readSeo);

    private final Function<T, JsonNode> writer;
    private final Function<JsonNode, T> reader;

    private CheckpointCodec(Function<T, JsonNode> writer, Function<JsonNode, T> reader) {
        this.writer = writer;
        this.reader = reader;
    }

    public String write(T value) {
        return Json.write(writer.apply(value));
    }

    /** @throws WireFormatException for a damaged checkpoint */
    public T read(String json) {
        return reader.apply(Json.parse(json, "a checkpoint"));
    }

    private static ObjectNode writeOutline(Outline o) {
        ObjectNode node = Json.object().put("title", o.title()).put("kind", o.kind());
        var sections = node.putArray("sections");
        for (Outline.Section s : o.sections()) {
            ObjectNode section = sections.addObject().put("heading", s.heading());
            s.points().forEach(section.putArray("points")::add);
        }
        return node;
    }

    private static Outline readOutline(JsonNode node) {
        List<Outline.Section> sections = new ArrayList<>();
        for (JsonNode s : node.path("sections")) {
            List<String> points = new ArrayList<>();
            s.path("points").forEach(p -> points.add(p.asText()));
            sections.add(new Outline.Section(s.path("heading").asText(), points));
        }
        return new Outline(node.path("title").asText(), node.path("kind").asText(), sections);
    }

    private static ObjectNode writeDraft(Draft d) {
        return Json.object().put("markdown", d.markdown()).put("tokensUsed", d.tokensUsed());
    }

    private static Draft readDraft(JsonNode node) {
        if (!node.path("markdown").isTextual()) throw new WireFormatException("no draft in the checkpoint");
        return new Draft(node.path("markdown").asText(), node.path("tokensUsed").asLong());
    }

    private static ObjectNode writeVisuals(List<VisualSuggestion> visuals) {
        ObjectNode node = Json.object();
        ResultCodec.writeVisuals(node, visuals);
        return node;
    }
}
