package dev.postwright.wire;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postwright.model.BlogPost;
import dev.postwright.model.JobEvent;
import dev.postwright.model.JobResult;
import dev.postwright.model.JobStatus;
import dev.postwright.model.SeoAnalysis;
import dev.postwright.model.VisualSuggestion;
import java.time.Instant;
import java.util.List;

/**
 * What {@code postwright serve} writes in the Blog SDK dialect ({@link BlogSdkCodec}'s server
 * direction): stage messages, the blog result, and the job of {@code GET /blog/jobs/{id}}.
 */
final class BlogSdkReplies {
    private BlogSdkReplies() {}

    /** The stream message for a logged event; null when the SDK has none for it. */
    static ObjectNode message(String jobId, JobEvent event, Instant at, int reached) {
        String stage = BlogSdkCodec.stageOf(event);
        if (stage == null) return null;
        return switch (event) {
            case JobEvent.StepChange s -> messageNode(stage, s.progress(), at, s.currentStep(), jobId, BlogSdkCodec.PROCESSING);
            case JobEvent.ProgressUpdate p -> messageNode(stage, p.progress(), at, p.currentStep(), jobId, BlogSdkCodec.PROCESSING);
            case JobEvent.Complete c -> {
                ObjectNode node = messageNode(stage, 100, at, "Blog post generated", jobId, BlogSdkCodec.COMPLETED);
                node.putObject("data").set("result", result(c.result(), null));
                yield node;
            }
            case JobEvent.Failed f -> {
                ObjectNode node = messageNode(stage, reached, at, f.error(), jobId, "failed");
                ObjectNode data = node.putObject("data").put("error", f.error());
                if (f.errorCode() != null) data.put("error_details", f.errorCode());
                yield node;
            }
            default -> null;
        };
    }

    static ObjectNode messageNode(String stage, double progress, Instant at, String message, String jobId,
                              String status) {
        ObjectNode node = Json.object().put("stage", stage).put("progress", progress)
                .put("timestamp", at.toEpochMilli() / 1000.0);
        if (message != null) node.put("message", message);
        return node.put("job_id", jobId).put("status", status);
    }

    /** The blog result, with {@code updates} as its {@code progress_updates} (null: an empty list). */
    static ObjectNode result(JobResult r, ArrayNode updates) {
        BlogPost post = r.post();
        ObjectNode out = Json.object().put("title", post.title()).put("content", post.content());
        Fields.put(out, "excerpt", post.subtitle());
        out.put("meta_title", post.title());
        Fields.put(out, "meta_description", post.metaDescription());
        SeoAnalysis seo = r.seo();
        var readability = seo == null ? null : seo.sections().get("readability");
        if (readability != null && readability.score() != null) out.put("readability_score", readability.score());
        Double score = seo != null && seo.overallScore() != null ? Double.valueOf(seo.overallScore())
                : post.seoOptimizationScore();
        Fields.put(out, "seo_score", score);
        out.putArray("citations");
        var links = out.putArray("internal_links");
        post.internalLinks().forEach(l -> {
            ObjectNode link = links.addObject();
            Fields.put(link, "anchor_text", l.anchorText());
            Fields.put(link, "url", l.suggestedUrl());
            Fields.put(link, "context", l.context());
        });
        Fields.putStrings(out, "semantic_keywords", post.seoKeywords());
        var images = out.putArray("image_positions");
        for (VisualSuggestion v : r.visuals()) {
            ObjectNode image = images.addObject();
            Fields.put(image, "position", v.placement());
            Fields.put(image, "suggested_alt", v.altText() != null ? v.altText() : v.title());
            Fields.put(image, "context", v.description() != null ? v.description() : v.prompt());
        }
        var generation = post.generationMetadata();
        Long tokens = r.metadata() != null && r.metadata().tokensUsed() != null ? r.metadata().tokensUsed()
                : generation == null ? null : generation.tokensUsed();
        out.put("total_tokens", tokens == null ? 0 : tokens);
        out.put("total_cost", 0.0); // the local engine does not price its work
        Long millis = r.metadata() != null && r.metadata().generationTimeMillis() != null
                ? r.metadata().generationTimeMillis() : generation == null ? null : generation.durationMillis();
        if (millis != null) out.put("generation_time", millis / 1000.0);
        var warnings = out.putArray("warnings");
        if (generation != null && generation.scaffold()) {
            warnings.add("Written by the offline drafting engine: a structured starting point, not finished prose.");
        }
        if (updates != null) out.set("progress_updates", updates);
        else out.putArray("progress_updates");
        if (r.savedPost() != null) out.put("saved_post_id", r.savedPost().id()); // Postwright: the library's copy
        return out;
    }

    /**
     * {@code GET /api/v1/blog/jobs/{id}}: the job's status, with {@code progress_updates} made from
     * its log ({@code log}, oldest first) exactly as the stream sent them after {@code queued}.
     */
    static ObjectNode job(JobStatus status, List<BlogSdkCodec.Logged> log) {
        var updates = Json.array();
        updates.add(messageNode(BlogSdkCodec.QUEUED, 0, status.createdAt(), "Job queued", status.jobId(), BlogSdkCodec.QUEUED));
        String stage = BlogSdkCodec.QUEUED;
        int reached = 0;
        Instant started = null;
        for (BlogSdkCodec.Logged logged : log) {
            if (started == null && logged.event() instanceof JobEvent.StepChange) started = logged.at();
            ObjectNode message = message(status.jobId(), logged.event(), logged.at(), reached);
            if (message == null) continue;
            if (logged.event() instanceof JobEvent.Complete) message.remove("data"); // the result is beside
            updates.add(message);
            stage = message.path("stage").asText();
            reached = Math.max(reached, message.path("progress").asInt());
        }
        String state = switch (status.state()) {
            case QUEUED -> BlogSdkCodec.QUEUED;
            case RUNNING -> BlogSdkCodec.PROCESSING;
            case SUCCEEDED -> BlogSdkCodec.COMPLETED;
            case FAILED, CANCELLED -> "failed";
        };
        ObjectNode out = Json.object().put("job_id", status.jobId()).put("status", state)
                .put("progress_percentage", (double) status.progress()).put("current_stage", stage);
        out.set("progress_updates", updates);
        out.put("created_at", status.createdAt().toString());
        if (started != null) out.put("started_at", started.toString());
        if (status.finishedAt() != null) out.put("completed_at", status.finishedAt().toString());
        if (status.result() != null) out.set("result", result(status.result(), updates.deepCopy()));
        if (status.error() != null) out.put("error_message", status.error());
        if (status.estimatedTimeRemaining() != null) out.put("estimated_time_remaining", status.estimatedTimeRemaining());
        return out;
    }
}
