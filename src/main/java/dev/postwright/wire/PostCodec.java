package dev.postwright.wire;

import static dev.postwright.wire.Fields.put;
import static dev.postwright.wire.Fields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postwright.model.BlogPost;
import dev.postwright.model.BlogPost.CtaSuggestion;
import dev.postwright.model.BlogPost.GenerationMetadata;
import dev.postwright.model.BlogPost.InternalLink;
import java.util.ArrayList;
import java.util.List;

/** The post fields of {@code blog-result}, also found inside the result envelope. */
public final class PostCodec {
    private PostCodec() {}

    /** Reads the post fields of {@code n}; missing title or content read as null. */
    public static BlogPost read(JsonNode n) {
        return new BlogPost(text(n, "title"), text(n, "subtitle"), text(n, "content"), text(n, "metaDescription"),
                Fields.strings(n, "tags"), Fields.strings(n, "seoKeywords"), text(n, "estimatedReadTime"),
                Fields.objects(n, "internalLinks", PostCodec::readLink),
                Fields.objects(n, "ctaSuggestions", PostCodec::readCtaSuggestion),
                Fields.number(n, "seoOptimizationScore"), readMetadata(Fields.object(n, "generationMetadata")),
                EmbedCodec.readEmbeds(n), context(Fields.object(n, "organizationContext")));
    }

    private static dev.postwright.model.ContextSummary context(JsonNode n) {
        return n == null ? null : ResultCodec.readContext(n);
    }

    public static ObjectNode write(BlogPost p) {
        ObjectNode o = Json.object();
        writeInto(o, p);
        return o;
    }

    /** Writes the post's fields into {@code o}, as blog-result and the envelope's data carry them. */
    static void writeInto(ObjectNode o, BlogPost p) {
        put(o, "title", p.title());
        put(o, "subtitle", p.subtitle());
        put(o, "content", p.content());
        put(o, "metaDescription", p.metaDescription());
        Fields.putStrings(o, "tags", p.tags());
        Fields.putStrings(o, "seoKeywords", p.seoKeywords());
        put(o, "estimatedReadTime", p.estimatedReadTime());
        Fields.putObjects(o, "internalLinks", p.internalLinks(), PostCodec::writeLink);
        Fields.putObjects(o, "ctaSuggestions", p.ctaSuggestions(), PostCodec::writeCtaSuggestion);
        put(o, "seoOptimizationScore", p.seoOptimizationScore());
        if (p.generationMetadata() != null) o.set("generationMetadata", writeMetadata(p.generationMetadata()));
        EmbedCodec.writeEmbeds(o, p.embeds());
        if (p.organizationContext() != null) o.set("organizationContext", ResultCodec.writeContext(p.organizationContext()));
    }

    /**
     * The post fields of {@code blog-result} and the envelope's data: {@link #writeInto}, with
     * {@code seoOptimizationScore} and {@code organizationContext} always present (null when not known).
     */
    static void writeEvent(ObjectNode o, BlogPost p) {
        writeInto(o, p);
        if (!o.has("seoOptimizationScore")) o.putNull("seoOptimizationScore");
        if (!o.has("organizationContext")) o.putNull("organizationContext");
    }

    private static InternalLink readLink(JsonNode n) {
        return new InternalLink(text(n, "anchorText"), text(n, "suggestedUrl", "url"), text(n, "context"));
    }

    private static ObjectNode writeLink(InternalLink l) {
        ObjectNode o = Json.object();
        put(o, "anchorText", l.anchorText());
        put(o, "suggestedUrl", l.suggestedUrl());
        put(o, "context", l.context());
        return o;
    }

    private static CtaSuggestion readCtaSuggestion(JsonNode n) {
        return new CtaSuggestion(text(n, "text"), text(n, "placement"), text(n, "type"), text(n, "context"));
    }

    private static ObjectNode writeCtaSuggestion(CtaSuggestion c) {
        ObjectNode o = Json.object();
        put(o, "text", c.text());
        put(o, "placement", c.placement());
        put(o, "type", c.type());
        put(o, "context", c.context());
        return o;
    }

    private static GenerationMetadata readMetadata(JsonNode n) {
        if (n == null) return null;
        List<BlogPost.Citation> citations = new ArrayList<>();
        n.path("citations").forEach(c -> citations.add(new BlogPost.Citation(text(c, "title"), text(c, "url"),
                text(c, "source"), text(c, "excerpt"))));
        List<BlogPost.ImagePosition> images = new ArrayList<>();
        n.path("imagePositions").forEach(i -> images.add(new BlogPost.ImagePosition(text(i, "position"),
                text(i, "suggestedAlt"), text(i, "context"))));
        return new GenerationMetadata(text(n, "model"), Fields.whole(n, "duration"), Fields.whole(n, "tokensUsed"),
                Fields.bool(n, "scaffold", false), Fields.number(n, "costUsd"), citations, images);
    }

    private static ObjectNode writeMetadata(GenerationMetadata m) {
        ObjectNode o = Json.object();
        put(o, "model", m.model());
        put(o, "duration", m.durationMillis());
        put(o, "tokensUsed", m.tokensUsed());
        if (m.scaffold()) o.put("scaffold", true); // a Postwright addition, sent only when true
        // Postwright additions from a Blog SDK backend, sent only when it gave them
        put(o, "costUsd", m.costUsd());
        if (!m.citations().isEmpty()) {
            var list = o.putArray("citations");
            m.citations().forEach(c -> {
                ObjectNode e = list.addObject();
                put(e, "title", c.title());
                put(e, "url", c.url());
                put(e, "source", c.source());
                put(e, "excerpt", c.excerpt());
            });
        }
        if (!m.imagePositions().isEmpty()) {
            var list = o.putArray("imagePositions");
            m.imagePositions().forEach(i -> {
                ObjectNode e = list.addObject();
                put(e, "position", i.position());
                put(e, "suggestedAlt", i.suggestedAlt());
                put(e, "context", i.context());
            });
        }
        return o;
    }
}
