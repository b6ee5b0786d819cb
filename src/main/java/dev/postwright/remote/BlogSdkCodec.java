package dev.postwright.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postwright.model.BlogPost;
import dev.postwright.model.Embeds;
import dev.postwright.model.JobEvent;
import dev.postwright.model.JobRequest;
import dev.postwright.model.JobResult;
import dev.postwright.model.JobState;
import dev.postwright.model.JobStatus;
import dev.postwright.model.SeoAnalysis;
import dev.postwright.wire.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Blog SDK dialect (job-stream-protocol.md §2) in Postwright's terms: a brief as its request,
 * its stage messages as {@code progress-update} (with the stage name), its result as
 * {@code blog-result}, {@code seo-result} and {@code complete}, its job as a status.
 */
final class BlogSdkCodec {
    private static final int MAX_TOPIC = 200;
    private static final int MAX_INSTRUCTIONS = 5_000;

    private BlogSdkCodec() {}

    static String request(JobRequest brief) {
        ObjectNode out = Json.object();
        String title = brief.topic().title().strip();
        out.put("topic", title.length() > MAX_TOPIC ? title.substring(0, MAX_TOPIC) : title);
        var keywords = out.putArray("keywords");
        if (brief.topic().focusKeyphrase() != null) keywords.add(brief.topic().focusKeyphrase());
        brief.topic().keywords().forEach(keywords::add);
        if (keywords.isEmpty()) keywords.add(title);
        String audience = brief.topic().targetAudience() != null ? brief.topic().targetAudience()
                : brief.businessInfo() == null ? null : brief.businessInfo().targetAudience();
        if (audience != null) out.put("target_audience", audience);
        String instructions = brief.additionalInstructions();
        if (instructions != null && !instructions.isBlank()) {
            out.put("custom_instructions", instructions.length() > MAX_INSTRUCTIONS
                    ? instructions.substring(0, MAX_INSTRUCTIONS) : instructions);
        }
        out.put("tone", "professional");
        return Json.write(out);
    }

    /** A stage message as progress, named after its stage. */
    static JobEvent.ProgressUpdate progress(JsonNode message) {
        String stage = message.path("stage").asText("processing");
        String words = message.path("message").asText(null);
        return new JobEvent.ProgressUpdate((int) Math.round(message.path("progress").asDouble(0)),
                words != null && !words.isBlank() ? words : humanized(stage), null, stage, null, null);
    }

    /** What a finished job's result shows: the post, its scores, and the end. */
    static List<JobEvent> finished(JsonNode result) {
        BlogPost post = post(result);
        SeoAnalysis seo = seo(result);
        var metadata = new JobResult.Metadata(millis(result.path("generation_time")),
                result.path("total_tokens").canConvertToLong() ? result.path("total_tokens").asLong() : null, null, null);
        List<JobEvent> events = new ArrayList<>();
        events.add(new JobEvent.BlogResult(post));
        if (seo != null) events.add(new JobEvent.SeoResult(seo));
        events.add(new JobEvent.Complete(new JobResult(post, List.of(), seo, null, metadata, List.of())));
        return events;
    }

    static JobEvent.Failed failed(JsonNode data) {
        String error = data.path("error").asText(data.path("error_message").asText("The server could not write the post."));
        return new JobEvent.Failed(error, "BLOG_SDK_ERROR");
    }

    /** {@code GET /api/v1/blog/jobs/{id}} as a status. */
    static JobStatus status(JsonNode job) {
        JobState state = switch (job.path("status").asText("").toLowerCase(Locale.ROOT)) {
            case "completed", "succeeded" -> JobState.SUCCEEDED;
            case "failed", "error" -> JobState.FAILED;
            case "queued", "pending" -> JobState.QUEUED;
            default -> JobState.RUNNING;
        };
        JobResult result = null;
        if (state == JobState.SUCCEEDED && job.path("result").isObject()) {
            var complete = (JobEvent.Complete) finished(job.path("result")).getLast();
            result = complete.result();
        }
        String stage = job.path("current_stage").asText(null);
        Instant created = instant(job.path("created_at").asText(null));
        Instant done = instant(job.path("completed_at").asText(null));
        return new JobStatus(job.path("job_id").asText(), state, (int) Math.round(job.path("progress_percentage").asDouble()),
                stage == null ? null : humanized(stage), job.path("estimated_time_remaining").canConvertToInt()
                ? job.path("estimated_time_remaining").asInt() : null, job.path("error_message").asText(null),
                state == JobState.FAILED ? "BLOG_SDK_ERROR" : null, result, created, done != null ? done : created, 0,
                null, null, done);
    }

    private static BlogPost post(JsonNode r) {
        List<String> keywords = new ArrayList<>();
        r.path("semantic_keywords").forEach(k -> keywords.add(k.asText()));
        Double score = r.path("seo_score").isNumber() ? r.path("seo_score").asDouble() : null;
        Long tokens = r.path("total_tokens").canConvertToLong() ? r.path("total_tokens").asLong() : null;
        return new BlogPost(r.path("meta_title").asText(r.path("title").asText(null)), r.path("excerpt").asText(null),
                r.path("content").asText(""), r.path("meta_description").asText(null), List.of(), keywords, null,
                List.of(), List.of(), score, new BlogPost.GenerationMetadata(null, millis(r.path("generation_time")), tokens),
                Embeds.NONE);
    }

    private static SeoAnalysis seo(JsonNode r) {
        if (!r.path("seo_score").isNumber() && !r.path("readability_score").isNumber()) return null;
        Map<String, SeoAnalysis.Section> sections = new LinkedHashMap<>();
        if (r.path("readability_score").isNumber()) {
            sections.put("readability", new SeoAnalysis.Section((int) Math.round(r.path("readability_score").asDouble()),
                    "Readability as the server scored it."));
        }
        List<String> warnings = new ArrayList<>();
        r.path("warnings").forEach(w -> warnings.add(w.asText()));
        Integer overall = r.path("seo_score").isNumber() ? (int) Math.round(r.path("seo_score").asDouble()) : null;
        return new SeoAnalysis(overall, List.of(), warnings, null, sections, List.of());
    }

    private static Long millis(JsonNode seconds) {
        return seconds.isNumber() ? Math.round(seconds.asDouble() * 1000) : null;
    }

    private static Instant instant(String text) {
        if (text == null) return null;
        try {
            return Instant.parse(text.endsWith("Z") || text.contains("+") ? text : text + "Z");
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** {@code draft_generation} → "Draft generation". */
    static String humanized(String stage) {
        String words = stage.replace('_', ' ').strip();
        return words.isEmpty() ? "Working" : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
