package dev.postwright.wire;

import static dev.postwright.wire.Fields.integer;
import static dev.postwright.wire.Fields.put;
import static dev.postwright.wire.Fields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postwright.model.JobEvent;
import dev.postwright.model.JobEvent.BlogResult;
import dev.postwright.model.JobEvent.Complete;
import dev.postwright.model.JobEvent.Connected;
import dev.postwright.model.JobEvent.ContextResult;
import dev.postwright.model.JobEvent.DraftDelta;
import dev.postwright.model.JobEvent.DraftReset;
import dev.postwright.model.JobEvent.Failed;
import dev.postwright.model.JobEvent.ProgressUpdate;
import dev.postwright.model.JobEvent.SeoResult;
import dev.postwright.model.JobEvent.StepChange;
import dev.postwright.model.JobEvent.StreamTimeout;
import dev.postwright.model.JobEvent.ImagesResult;
import dev.postwright.model.JobEvent.VisualsResult;
import java.util.Optional;

/**
 * Job stream events (protocol 1.4 and 1.6, and our additions in docs/protocol-notes.md) by their
 * wire names. Thread-safe, stateless.
 * Decoding is tolerant inside an event (absent optional fields, unknown fields, scores as
 * strings) and strict only where nothing sensible can be made of it.
 */
public final class JobEventCodec {
    public static final String CONNECTED = "connected";
    public static final String STEP_CHANGE = "step-change";
    public static final String PROGRESS_UPDATE = "progress-update";
    public static final String CONTEXT_RESULT = "context-result";
    public static final String BLOG_RESULT = "blog-result";
    public static final String VISUALS_RESULT = "visuals-result";
    public static final String SEO_RESULT = "seo-result";
    public static final String COMPLETE = "complete";
    public static final String FAILED = "failed";
    public static final String STREAM_TIMEOUT = "stream-timeout";
    public static final String DRAFT_DELTA = "draft-delta";
    public static final String DRAFT_RESET = "draft-reset";
    public static final String IMAGES_RESULT = "images-result";

    private JobEventCodec() {}

    public static String name(JobEvent event) {
        return switch (event) {
            case Connected c -> CONNECTED;
            case StepChange s -> STEP_CHANGE;
            case ProgressUpdate p -> PROGRESS_UPDATE;
            case ContextResult c -> CONTEXT_RESULT;
            case BlogResult b -> BLOG_RESULT;
            case VisualsResult v -> VISUALS_RESULT;
            case ImagesResult i -> IMAGES_RESULT;
            case SeoResult s -> SEO_RESULT;
            case Complete c -> COMPLETE;
            case Failed f -> FAILED;
            case StreamTimeout t -> STREAM_TIMEOUT;
            case DraftDelta d -> DRAFT_DELTA;
            case DraftReset r -> DRAFT_RESET;
        };
    }

    /** The event's {@code data} JSON, on one line. */
    public static String encodeData(JobEvent event) {
        return Json.write(data(event));
    }

    /**
     * One event as one JSON line, {@code {"event", "id", "data"}}: what {@code --events} and
     * {@code jobs events} print. {@code id} is null for the stream's own {@code connected}.
     */
    public static String line(String id, JobEvent event) {
        var node = Json.object().put("event", name(event));
        if (id == null) node.putNull("id");
        else node.put("id", id);
        node.set("data", data(event));
        return Json.write(node);
    }

    public static ObjectNode data(JobEvent event) {
        ObjectNode o = Json.object();
        switch (event) {
            case Connected c -> {
                put(o, "connectionId", c.connectionId());
                put(o, "jobId", c.jobId());
                put(o, "maxAgeSeconds", c.maxAgeSeconds());
                put(o, "hint", c.hint());
            }
            case StepChange s -> {
                o.put("progress", s.progress());
                o.put("currentStep", s.currentStep());
                o.put("estimatedTimeRemaining", s.estimatedTimeRemaining());
            }
            case ProgressUpdate p -> {
                o.put("progress", p.progress());
                o.put("currentStep", p.currentStep());
                o.put("estimatedTimeRemaining", p.estimatedTimeRemaining());
                put(o, "stage", p.stage());
                put(o, "phase", p.phase());
                put(o, "detail", p.detail());
            }
            case ContextResult c -> o.setAll(ResultCodec.writeContext(c.context()));
            case BlogResult b -> PostCodec.writeEvent(o, b.post());
            case VisualsResult v -> ResultCodec.writeVisuals(o, v.suggestions());
            case ImagesResult i -> ImageCodec.writeList(o, i.images());
            case SeoResult s -> o.set("seoAnalysis", ResultCodec.writeSeo(s.analysis()));
            case Complete c -> o.set("result", ResultCodec.writeResult(c.result()));
            case Failed f -> {
                o.put("error", f.error());
                o.put("errorCode", f.errorCode());
            }
            case StreamTimeout t -> {
                put(o, "jobId", t.jobId());
                put(o, "message", t.message());
            }
            case DraftDelta d -> {
                o.put("seq", d.seq());
                o.put("text", d.text());
            }
            case DraftReset r -> { } // the name says it all: {}
        }
        return o;
    }

    /**
     * Reads one event. An unknown name is not an error (the protocol says to ignore it) and gives
     * empty; known events whose data is not a JSON object throw {@link WireFormatException}.
     */
    public static Optional<JobEvent> decode(String name, String json) {
        if (!isKnown(name)) return Optional.empty();
        return decode(name, Json.parse(json, "the \"" + name + "\" event"));
    }

    public static Optional<JobEvent> decode(String name, JsonNode d) {
        if (!isKnown(name)) return Optional.empty();
        if (d == null || !d.isObject()) {
            throw new WireFormatException("The \"" + name + "\" event does not carry a JSON object.");
        }
        return Optional.of(switch (name) {
            case CONNECTED -> new Connected(text(d, "connectionId"), text(d, "jobId"), integer(d, "maxAgeSeconds"),
                    text(d, "hint"));
            case STEP_CHANGE -> new StepChange(progress(d), text(d, "currentStep"), integer(d, "estimatedTimeRemaining"));
            case PROGRESS_UPDATE -> new ProgressUpdate(progress(d), text(d, "currentStep"),
                    integer(d, "estimatedTimeRemaining"), text(d, "stage"), text(d, "phase"), text(d, "detail"));
            case CONTEXT_RESULT -> new ContextResult(ResultCodec.readContext(d));
            case BLOG_RESULT -> new BlogResult(PostCodec.read(d));
            case VISUALS_RESULT -> new VisualsResult(ResultCodec.readVisuals(d));
            case IMAGES_RESULT -> new ImagesResult(ImageCodec.readList(d));
            case SEO_RESULT -> new SeoResult(ResultCodec.readSeo(orSelf(Fields.object(d, "seoAnalysis"), d)));
            case COMPLETE -> new Complete(ResultCodec.readResult(orSelf(Fields.object(d, "result"), d)));
            case FAILED -> failed(text(d, "error", "message"), text(d, "errorCode"));
            case STREAM_TIMEOUT -> new StreamTimeout(text(d, "jobId"), text(d, "message"));
            case DRAFT_DELTA -> new DraftDelta(orZero(Fields.whole(d, "seq")), orDefault(text(d, "text"), ""));
            case DRAFT_RESET -> new DraftReset();
            default -> throw new IllegalStateException("isKnown and decode disagree on " + name);
        });
    }

    public static boolean isKnown(String name) {
        return switch (name) {
            case CONNECTED, STEP_CHANGE, PROGRESS_UPDATE, CONTEXT_RESULT, BLOG_RESULT, VISUALS_RESULT, IMAGES_RESULT,
                 SEO_RESULT, COMPLETE, FAILED, STREAM_TIMEOUT, DRAFT_DELTA, DRAFT_RESET -> true;
            default -> false;
        };
    }

    /**
     * A {@code failed} event or status as read. The protocol marks a cancel by its sentence only
     * (section 1.3: {@code error} "Cancelled"), so a code-less "Cancelled" is read as the typed
     * cancellation: this is the one place that compares the text, and only at the wire's edge.
     */
    static Failed failed(String error, String errorCode) {
        if (errorCode == null && Failed.CANCELLED.equals(error)) return Failed.cancelled();
        return new Failed(orDefault(error, "The job failed without saying why."), errorCode);
    }

    private static int progress(JsonNode d) {
        Integer p = integer(d, "progress");
        return p == null ? 0 : Math.max(0, Math.min(100, p));
    }

    private static JsonNode orSelf(JsonNode inner, JsonNode self) {
        return inner != null ? inner : self;
    }

    private static String orDefault(String s, String fallback) {
        return s == null ? fallback : s;
    }

    private static long orZero(Long l) {
        return l == null ? 0 : l;
    }
}
