package dev.postwright.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postwright.model.BlogPost;
import dev.postwright.model.FieldProblem;
import dev.postwright.model.Embeds;
import dev.postwright.model.JobEvent;
import dev.postwright.model.JobRequest;
import dev.postwright.model.PostKind;
import dev.postwright.model.JobResult;
import dev.postwright.model.JobKind;
import dev.postwright.model.JobState;
import dev.postwright.model.JobStatus;
import dev.postwright.model.OrganizationProfile;
import dev.postwright.model.SeoAnalysis;
import dev.postwright.model.Stage;
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
 * {@code blog-result}, {@code seo-result} and {@code complete}, its job as a status, and
 * FastAPI's error bodies ({@code detail}) as sentences and field problems; and the other way, for
 * {@code postwright serve} speaking the SDK: its request as a brief, a job's logged events as
 * stage messages (the table in docs/protocol-notes.md), its result and job, and its 422s.
 */
public final class BlogSdkCodec {
    /** The error code of a job the Blog SDK reported failed. */
    public static final String ERROR_CODE = "BLOG_SDK_ERROR";

    /**
     * One stage message of the stream: the job it names (the first message does), and what it
     * means: one progress update, the finished job's events, or its failure.
     */
    public record Message(String jobId, List<JobEvent> events) {}

    /**
     * What a poll of {@code GET /blog/jobs/{id}} found: the stages its {@code progress_updates}
     * list (in order; the SDK keeps every message it streamed), how far the job is, and, once it has
     * ended, the events that end it (empty while it runs).
     */
    public record Snapshot(List<JobEvent.ProgressUpdate> updates, JobEvent.ProgressUpdate progress,
                           List<JobEvent> ending) {
        public boolean ended() {
            return !ending.isEmpty();
        }
    }

    /** The SDK's blog stages, in order (§2.2); {@code processing} and {@code error} are beside them. */
    public static final List<String> STAGES = List.of("queued", "initialization", "keyword_analysis",
            "competitor_analysis", "intent_analysis", "length_optimization", "research_outline", "draft_generation",
            "enhancement", "seo_polish", "semantic_integration", "quality_scoring", "citation_generation",
            "finalization", "completed");
    public static final String QUEUED = "queued";
    public static final String PROCESSING = "processing";
    public static final String COMPLETED = "completed";
    public static final String ERROR = "error";

    /**
     * One thing FastAPI would refuse in a request: {@code loc} is the path to the field
     * ({@code ["body", "topic"]}; list positions are Integers), {@code type} Pydantic's error type.
     */
    public record Problem(String type, List<Object> loc, String msg) {
        public Problem {
            loc = List.copyOf(loc);
        }
    }

    /** A request read: the brief and {@code async_mode} if the body set it, or else the problems (never both). */
    public record Parsed(JobRequest brief, Boolean asyncMode, List<Problem> problems) {}

    /** A logged event of a job and when it was logged. */
    public record Logged(JobEvent event, Instant at) {}

    private static final int MAX_TOPIC = 200;
    private static final int MAX_INSTRUCTIONS = 5_000;

    private BlogSdkCodec() {}

    /** {@link #request(JobRequest, OrganizationProfile)} without a profile. */
    public static String request(JobRequest brief) {
        return request(brief, null);
    }

    /**
     * The brief as the SDK's blog request (§2.1): the topic; the focus keyphrase, then the
     * secondary keywords; the audience (topic's, business's, else the profile's); the tone the
     * profile's brand voice names (professional when it names none); the profile's pages as
     * {@code internal_link_targets}; the instructions, with the calls to action (the brief's, else
     * the profile's) spelt out, since the SDK has no field for them; the post's kind, read from its
     * title, as {@code blog_type} (none for a plain article); the brief's word count target as
     * {@code word_count_target} and the {@code length} it falls in. The SDK has no fields for
     * embeds, so they are not sent.
     *
     * @param profile the organization's profile, or null when none is known
     */
    public static String request(JobRequest brief, OrganizationProfile profile) {
        ObjectNode out = Json.object();
        String title = brief.topic().title().strip();
        out.put("topic", title.length() > MAX_TOPIC ? title.substring(0, MAX_TOPIC) : title);
        var words = new java.util.LinkedHashSet<String>();
        if (brief.topic().focusKeyphrase() != null && !brief.topic().focusKeyphrase().isBlank()) {
            words.add(brief.topic().focusKeyphrase().strip());
        }
        brief.topic().keywords().stream().filter(k -> k != null && !k.isBlank()).map(String::strip).forEach(words::add);
        if (words.isEmpty()) words.add(title);
        var keywords = out.putArray("keywords");
        words.forEach(keywords::add);
        String audience = firstNonBlank(brief.topic().targetAudience(),
                brief.businessInfo() == null ? null : brief.businessInfo().targetAudience(),
                profile == null ? null : profile.audience());
        if (audience != null) out.put("target_audience", audience);
        out.put("tone", tone(profile == null ? null : profile.brandVoice()));
        String blogType = PostKind.of(title).blogType();
        if (blogType != null) out.put("blog_type", blogType);
        if (brief.options().wordCountTarget() != null) {
            out.put("length", brief.options().lengthName());
            out.put("word_count_target", brief.options().wordCountTarget());
        }
        String instructions = instructions(brief, profile);
        if (!instructions.isEmpty()) {
            out.put("custom_instructions", instructions.length() > MAX_INSTRUCTIONS
                    ? instructions.substring(0, MAX_INSTRUCTIONS) : instructions);
        }
        if (profile != null && !profile.internalLinks().isEmpty()) {
            var targets = out.putArray("internal_link_targets");
            profile.internalLinks().stream().filter(l -> l.url() != null && !l.url().isBlank()).forEach(l -> {
                ObjectNode t = targets.addObject();
                t.put("title", l.title() == null || l.title().isBlank() ? l.url() : l.title());
                t.put("url", l.url());
                var k = t.putArray("keywords");
                l.keywords().forEach(k::add);
            });
            out.put("max_internal_links", Math.min(MAX_INTERNAL_LINKS, targets.size()));
        }
        return Json.write(out);
    }

    private static final int MAX_INTERNAL_LINKS = 10;
    private static final List<String> TONES = List.of("professional", "casual", "friendly", "authoritative",
            "conversational", "technical", "creative");
    /** Words of a brand voice that name one of the SDK's tones. */
    private static final Map<String, String> TONE_WORDS = Map.ofEntries(Map.entry("warm", "friendly"),
            Map.entry("approachable", "friendly"), Map.entry("relaxed", "casual"), Map.entry("informal", "casual"),
            Map.entry("chatty", "conversational"), Map.entry("plain-spoken", "conversational"),
            Map.entry("expert", "authoritative"), Map.entry("confident", "authoritative"),
            Map.entry("playful", "creative"), Map.entry("witty", "creative"), Map.entry("precise", "technical"),
            Map.entry("formal", "professional"));

    /** The first of the SDK's tones the brand voice names (or implies), in the voice's order; else professional. */
    static String tone(String brandVoice) {
        if (brandVoice == null) return "professional";
        for (String word : brandVoice.toLowerCase(Locale.ROOT).split("[^a-z-]+")) {
            if (TONES.contains(word)) return word;
            if (TONE_WORDS.containsKey(word)) return TONE_WORDS.get(word);
        }
        return "professional";
    }

    /** The brief's instructions, then its calls to action (or, without any, the profile's: §1.1). */
    private static String instructions(JobRequest brief, OrganizationProfile profile) {
        StringBuilder text = new StringBuilder();
        if (brief.additionalInstructions() != null && !brief.additionalInstructions().isBlank()) {
            text.append(brief.additionalInstructions().strip());
        }
        var ctas = (brief.ctas().isEmpty() && profile != null ? profile.ctas() : brief.ctas()).stream().filter(c -> c.text() != null && !c.text().isBlank()).toList();
        if (!ctas.isEmpty()) {
            if (!text.isEmpty()) text.append("\n\n");
            text.append("Include these calls to action:");
            ctas.forEach(c -> text.append("\n- \"").append(c.text().strip()).append('"')
                    .append(c.href() == null || c.href().isBlank() ? "" : " linking to " + c.href())
                    .append(" (").append(c.placement()).append(')'));
        }
        return text.toString();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v;
        return null;
    }

    /**
     * A request body of {@code generate-enhanced} (or its stream) as a brief owned by {@code user},
     * which also names the organization (the SDK has none); or what FastAPI would refuse in it.
     */
    public static Parsed brief(byte[] body, String user) {
        return BlogSdkBriefs.read(body, user);
    }

    /** Our brief's own refusals, named by the SDK fields they came from. */
    public static List<Problem> briefProblems(List<FieldProblem> problems) {
        return BlogSdkBriefs.fromBrief(problems);
    }

    /** FastAPI's 422 body: {@code {"detail": [{type, loc, msg}, …]}}. */
    public static String validationError(List<Problem> problems) {
        ObjectNode out = Json.object();
        var detail = out.putArray("detail");
        for (Problem p : problems) {
            ObjectNode item = detail.addObject().put("type", p.type());
            var loc = item.putArray("loc");
            p.loc().forEach(l -> {
                if (l instanceof Integer i) loc.add(i);
                else loc.add(String.valueOf(l));
            });
            item.put("msg", p.msg());
        }
        return Json.write(out);
    }

    /** FastAPI's other errors: {@code {"detail": message}}. */
    public static String detail(String message) {
        return Json.write(Json.object().put("detail", message));
    }

    /** The reply of a queued {@code generate-enhanced}: {@code {job_id, status: "queued", message, …}}. */
    public static String queued(String jobId) {
        return Json.write(Json.object().put("job_id", jobId).put("status", QUEUED)
                .put("message", "Blog generation job queued. Follow it at GET /api/v1/blog/jobs/" + jobId + ".")
                .putNull("estimated_completion_time"));
    }

    /** The first stream message: the job is queued, and its id. */
    public static String queuedMessage(String jobId, Instant at) {
        return Json.write(BlogSdkReplies.messageNode(QUEUED, 0, at, "Job queued", jobId, QUEUED));
    }

    /**
     * The SDK stage a logged event is shown as (docs/protocol-notes.md has the table); null for
     * events the SDK has no message for (results before the end, draft pieces, the closing 100).
     */
    public static String stageOf(JobEvent event) {
        return switch (event) {
            case JobEvent.StepChange s -> "initialization";
            case JobEvent.ProgressUpdate p -> p.stage() == null ? PROCESSING
                    : p.stage().equals(Stage.COMPLETED) ? null
                    // Our images stage has no SDK name: it belongs with the visuals' "enhancement".
                    : Stage.ofWireName(p.stage()).map(s -> s == Stage.IMAGES ? Stage.VISUALS : s).map(Stage::wireName)
                    .orElse(PROCESSING);
            case JobEvent.Complete c -> COMPLETED;
            case JobEvent.Failed f -> ERROR;
            case JobEvent.Connected c -> null;
            case JobEvent.ContextResult c -> null;
            case JobEvent.BlogResult b -> null;
            case JobEvent.VisualsResult v -> null;
            case JobEvent.ImagesResult i -> null;
            case JobEvent.SeoResult s -> null;
            case JobEvent.StreamTimeout t -> null;
            case JobEvent.DraftDelta d -> null;
            case JobEvent.DraftReset r -> null;
        };
    }

    /**
     * The stream message for a logged event, or null when it has none ({@link #stageOf}).
     * {@code reached} is the progress the job had reached, which an error message keeps.
     */
    public static String streamMessage(String jobId, JobEvent event, Instant at, int reached) {
        ObjectNode node = BlogSdkReplies.message(jobId, event, at, reached);
        return node == null ? null : Json.write(node);
    }

    /** The blog result ({@code async_mode=false}'s reply, and {@code data.result} of {@code completed}). */
    public static String result(JobResult result) {
        return Json.write(BlogSdkReplies.result(result, null));
    }

    /**
     * {@code GET /api/v1/blog/jobs/{id}}: the job's status, with {@code progress_updates} made from
     * its log ({@code log}, oldest first) exactly as the stream sent them.
     */
    public static String job(JobStatus status, List<Logged> log) {
        return Json.write(BlogSdkReplies.job(status, log));
    }

    /**
     * A stage message ({@code data:} of the stream).
     *
     * @throws WireFormatException when it is not a JSON object
     */
    public static Message message(String data) {
        JsonNode message = Json.parse(data, "a stage message");
        if (!message.isObject()) throw new WireFormatException("A stage message is not a JSON object.");
        List<JobEvent> events = switch (message.path("stage").asText("")) {
            case "completed" -> finished(message.path("data").path("result"));
            case "error" -> List.of(failed(message.path("data")));
            default -> List.of(progress(message));
        };
        return new Message(message.path("job_id").asText(null), events);
    }

    /**
     * A poll's reply ({@code GET /blog/jobs/{id}}).
     *
     * @throws WireFormatException when it is not a job object
     */
    public static Snapshot snapshot(String body) {
        JsonNode job = Json.parse(body, "the job");
        if (!job.isObject()) throw new WireFormatException("The job is not a JSON object.");
        String stage = job.path("current_stage").asText("processing");
        var progress = new JobEvent.ProgressUpdate((int) Math.round(job.path("progress_percentage").asDouble()),
                humanized(stage), null, stage, null, null);
        List<JobEvent> ending = switch (job.path("status").asText("")) {
            case "completed" -> finished(job.path("result"));
            case "failed" -> List.of(failed(job));
            default -> List.of();
        };
        List<JobEvent.ProgressUpdate> updates = new ArrayList<>();
        job.path("progress_updates").forEach(u -> {
            String s = u.path("stage").asText("");
            if (u.isObject() && !s.isEmpty() && !s.equals("completed") && !s.equals("error")) updates.add(progress(u));
        });
        return new Snapshot(updates, progress, ending);
    }

    /** The {@code job_id} of the queued route's reply ({@code {job_id, status: "queued", …}}). */
    public static java.util.Optional<String> queuedJobId(String body) {
        try {
            return java.util.Optional.ofNullable(Fields.text(Json.parse(body, "the server's reply"), "job_id"));
        } catch (RuntimeException notJson) {
            return java.util.Optional.empty();
        }
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
        return new JobEvent.Failed(error, ERROR_CODE);
    }

    /** {@code GET /api/v1/blog/jobs/{id}} as a status. */
    public static JobStatus status(String body) {
        return status(Json.parse(body, "the job"));
    }

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
                state == JobState.FAILED ? ERROR_CODE : null, result, created, done != null ? done : created, 0,
                null, null, done, JobKind.BLOG);
    }

    /**
     * The SDK's result as a post: the post's {@code title} (its {@code meta_title} is the SEO title,
     * used only when there is no title), {@code excerpt} as subtitle, {@code semantic_keywords},
     * {@code internal_links}; {@code citations}, {@code image_positions}, {@code total_cost},
     * {@code total_tokens} and {@code generation_time} into the generation metadata.
     */
    static BlogPost post(JsonNode r) {
        List<String> keywords = new ArrayList<>();
        r.path("semantic_keywords").forEach(k -> keywords.add(k.asText()));
        Double score = r.path("seo_score").isNumber() ? r.path("seo_score").asDouble() : null;
        Long tokens = r.path("total_tokens").canConvertToLong() ? r.path("total_tokens").asLong() : null;
        Double cost = r.path("total_cost").isNumber() ? r.path("total_cost").asDouble() : null;
        String title = Fields.text(r, "title", "meta_title");
        String metaDescription = Fields.text(r, "meta_description");
        List<BlogPost.InternalLink> links = new ArrayList<>();
        r.path("internal_links").forEach(l -> links.add(new BlogPost.InternalLink(
                Fields.text(l, "anchor_text", "anchorText", "text", "title"), Fields.text(l, "url", "suggested_url",
                "suggestedUrl", "target_url"), Fields.text(l, "context"))));
        List<BlogPost.Citation> citations = new ArrayList<>();
        r.path("citations").forEach(c -> citations.add(c.isTextual() ? new BlogPost.Citation(null, c.asText(), null, null)
                : new BlogPost.Citation(Fields.text(c, "title"), Fields.text(c, "url", "link"),
                Fields.text(c, "source", "domain"), Fields.text(c, "excerpt", "snippet", "text"))));
        List<BlogPost.ImagePosition> images = new ArrayList<>();
        r.path("image_positions").forEach(i -> images.add(new BlogPost.ImagePosition(
                i.path("position").isMissingNode() || i.path("position").isNull() ? null : i.path("position").asText(),
                Fields.text(i, "suggested_alt", "alt_text"), Fields.text(i, "context"))));
        var metadata = new BlogPost.GenerationMetadata(Fields.text(r, "model"), millis(r.path("generation_time")),
                tokens, false, cost, citations, images);
        return new BlogPost(title, Fields.text(r, "excerpt"), r.path("content").asText(""), metaDescription, List.of(),
                keywords, null, links, List.of(), score, metadata, Embeds.NONE);
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

    /** FastAPI's 422 {@code detail} list ({@code loc}, {@code msg}) as field problems; never empty. */
    public static List<FieldProblem> problems(String body) {
        List<FieldProblem> out = new ArrayList<>();
        try {
            JsonNode detail = Json.parse(body, "the server's reply").path("detail");
            if (detail.isArray()) {
                detail.forEach(d -> out.add(new FieldProblem(d.path("loc").path(d.path("loc").size() - 1).asText("brief"),
                        d.path("msg").asText("is not valid"))));
            } else if (detail.isTextual()) {
                out.add(new FieldProblem("brief", detail.asText()));
            }
        } catch (RuntimeException notJson) {
            // below
        }
        if (out.isEmpty()) out.add(new FieldProblem("brief", "The server refused the brief."));
        return out;
    }

    /** FastAPI answers unknown paths and missing jobs with {@code {"detail": …}} and nothing else. */
    public static boolean isFastApiNotFound(String body) {
        try {
            JsonNode node = Json.parse(body, "the server's reply");
            return node.has("detail") && !node.has("success");
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    /** {@code draft_generation} → "Draft generation". */
    public static String humanized(String stage) {
        String words = stage.replace('_', ' ').strip();
        return words.isEmpty() ? "Working" : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
