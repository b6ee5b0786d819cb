package dev.postwright.wire;

import static dev.postwright.wire.Fields.put;
import static dev.postwright.wire.Fields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postwright.model.ContextSummary;
import dev.postwright.model.JobResult;
import dev.postwright.model.SavedPost;
import dev.postwright.model.SeoAnalysis;
import dev.postwright.model.VisualSuggestion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result envelope (protocol 1.5) and the partial results inside it. The backend's docs put
 * the post at {@code result.*}, its code at {@code result.data.*}: data is read first, the top
 * level is the fallback, and Postwright writes both: {@code data} with every post field, and the
 * documented top level ({@code title}, {@code content}, the three embed lists, {@code savedPost},
 * {@code metadata}, {@code imageGeneration}: null unless the job made images, see {@link ImageCodec}).
 */
public final class ResultCodec {
    static final List<String> SEO_SECTIONS = List.of("titleAnalysis", "contentFlow", "engagementUX", "technicalSEO");

    private ResultCodec() {}

    public static JobResult readResult(JsonNode envelope) {
        JsonNode data = Fields.object(envelope, "data");
        JsonNode post = data != null && data.has("content") ? data : envelope.has("content") ? envelope : null;
        JsonNode parts = data != null ? data : envelope;
        JsonNode seo = Fields.object(parts, "seoAnalysis");
        JsonNode saved = Fields.object(envelope, "savedPost");
        JsonNode metadata = Fields.object(envelope, "metadata");
        return new JobResult(post == null ? null : PostCodec.read(post), readVisuals(parts),
                seo == null ? null : readSeo(seo), saved == null ? null : readSavedPost(saved),
                metadata == null ? null : readMetadata(metadata),
                Fields.objects(parts, "ctas", JobRequestCodec::readCta), images(Fields.object(envelope, "imageGeneration")));
    }

    /** A finished job's result as stored with the job, and as the {@code complete} event's data. */
    public record Completion(String result, String completeData) {}

    /** Encodes the result once: the stored result and the complete event carry the same envelope. */
    public static Completion completion(JobResult r) {
        ObjectNode envelope = writeResult(r);
        return new Completion(Json.write(envelope), Json.write(Json.object().set("result", envelope)));
    }

    public static ObjectNode writeResult(JobResult r) {
        ObjectNode envelope = Json.object();
        envelope.put("success", true);
        ObjectNode data = envelope.putObject("data");
        if (r.post() != null) PostCodec.writeEvent(data, r.post()); // an image job's result has images only
        writeVisuals(data, r.visuals());
        if (r.seo() == null) data.putNull("seoAnalysis");
        else data.set("seoAnalysis", writeSeo(r.seo()));
        Fields.putObjects(data, "ctas", r.ctas(), JobRequestCodec::writeCta);
        if (r.savedPost() == null) envelope.putNull("savedPost");
        else envelope.set("savedPost", writeSavedPost(r.savedPost()));
        if (r.metadata() == null) envelope.putNull("metadata");
        else envelope.set("metadata", writeMetadata(r.metadata()));
        // The documented top level (the backend's docs read result.content): the post beside data.
        if (r.post() != null) {
            put(envelope, "title", r.post().title());
            put(envelope, "content", r.post().content());
            EmbedCodec.writeEmbeds(envelope, r.post().embeds());
        }
        envelope.set("imageGeneration", ImageCodec.imageGeneration(r)); // null without images
        return envelope;
    }

    private static List<dev.postwright.model.StoredImage> images(JsonNode imageGeneration) {
        return imageGeneration == null ? List.of() : ImageCodec.readList(imageGeneration);
    }

    /** Reads {@code visualContentSuggestions}; producers name the kind {@code type} or {@code contentType}. */
    public static List<VisualSuggestion> readVisuals(JsonNode n) {
        return Fields.objects(n, "visualContentSuggestions", v -> new VisualSuggestion(
                text(v, "type", "contentType"), text(v, "title"), text(v, "description"), text(v, "placement"),
                text(v, "prompt"), text(v, "altText"), text(v, "priority")));
    }

    public static void writeVisuals(ObjectNode out, List<VisualSuggestion> visuals) {
        Fields.putObjects(out, "visualContentSuggestions", visuals, v -> {
            ObjectNode o = Json.object();
            put(o, "type", v.type());
            put(o, "title", v.title());
            put(o, "description", v.description());
            put(o, "placement", v.placement());
            put(o, "prompt", v.prompt());
            put(o, "altText", v.altText());
            put(o, "priority", v.priority());
            return o;
        });
    }

    public static SeoAnalysis readSeo(JsonNode n) {
        Map<String, SeoAnalysis.Section> sections = new LinkedHashMap<>();
        for (String name : SEO_SECTIONS) {
            JsonNode s = Fields.object(n, name);
            if (s != null) sections.put(name, new SeoAnalysis.Section(Fields.integer(s, "score"), text(s, "explanation")));
        }
        List<SeoAnalysis.Check> checks = Fields.objects(n, "checks", c -> new SeoAnalysis.Check(
                text(c, "id"), text(c, "group"), orZero(Fields.integer(c, "score")), text(c, "explanation")));
        return new SeoAnalysis(Fields.integer(n, "overallScore"), Fields.strings(n, "topStrengths"),
                Fields.strings(n, "topImprovements"), text(n, "aiSummary"), sections, checks);
    }

    public static ObjectNode writeSeo(SeoAnalysis s) {
        ObjectNode o = Json.object();
        put(o, "overallScore", s.overallScore());
        Fields.putStrings(o, "topStrengths", s.topStrengths());
        Fields.putStrings(o, "topImprovements", s.topImprovements());
        put(o, "aiSummary", s.aiSummary());
        s.sections().forEach((name, section) -> {
            ObjectNode so = o.putObject(name);
            put(so, "score", section.score());
            put(so, "explanation", section.explanation());
        });
        if (!s.checks().isEmpty()) {
            Fields.putObjects(o, "checks", s.checks(), c -> {
                ObjectNode co = Json.object();
                put(co, "id", c.id());
                put(co, "group", c.group());
                co.put("score", c.score());
                put(co, "explanation", c.explanation());
                return co;
            });
        }
        return o;
    }

    public static ContextSummary readContext(JsonNode n) {
        JsonNode a = Fields.object(n, "availability");
        Double score = Fields.number(n, "completenessScore");
        if (score == null && a != null) score = Fields.number(a, "completeness_score");
        return new ContextSummary(text(n, "organizationId"), score == null ? 0 : score,
                a == null ? null : Fields.optionalBool(a, "has_blog_content"),
                a == null ? null : Fields.optionalBool(a, "has_cta_data"),
                a == null ? null : Fields.optionalBool(a, "has_internal_links"));
    }

    public static ObjectNode writeContext(ContextSummary c) {
        ObjectNode o = Json.object();
        put(o, "organizationId", c.organizationId());
        put(o, "completenessScore", c.completenessScore());
        ObjectNode a = o.putObject("availability");
        put(a, "has_blog_content", c.hasBlogContent());
        put(a, "has_cta_data", c.hasCtaData());
        put(a, "has_internal_links", c.hasInternalLinks());
        put(a, "completeness_score", c.completenessScore());
        return o;
    }

    private static SavedPost readSavedPost(JsonNode n) {
        return new SavedPost(text(n, "id"), text(n, "title"), text(n, "content"), text(n, "meta_description"),
                text(n, "status"), Fields.integer(n, "word_count"));
    }

    private static ObjectNode writeSavedPost(SavedPost s) {
        ObjectNode o = Json.object();
        put(o, "id", s.id());
        put(o, "title", s.title());
        put(o, "content", s.content());
        put(o, "meta_description", s.metaDescription());
        put(o, "status", s.status());
        put(o, "word_count", s.wordCount());
        return o;
    }

    private static JobResult.Metadata readMetadata(JsonNode n) {
        return new JobResult.Metadata(Fields.whole(n, "generationTime"), Fields.whole(n, "tokensUsed"),
                Fields.number(n, "dataCompleteness"), Fields.integer(n, "visualSuggestions"));
    }

    private static ObjectNode writeMetadata(JobResult.Metadata m) {
        ObjectNode o = Json.object();
        put(o, "generationTime", m.generationTimeMillis());
        put(o, "tokensUsed", m.tokensUsed());
        put(o, "dataCompleteness", m.dataCompleteness());
        put(o, "visualSuggestions", m.visualSuggestions());
        return o;
    }

    private static int orZero(Integer i) {
        return i == null ? 0 : i;
    }
}
