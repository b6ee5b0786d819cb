package dev.postwright.wire;

import static dev.postwright.wire.Fields.put;
import static dev.postwright.wire.Fields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postwright.model.JobEvent;
import dev.postwright.model.JobKind;
import dev.postwright.model.JobState;
import dev.postwright.model.JobStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The status object (protocol 1.3). The wire has no "cancelled": a cancelled job is written as
 * {@code failed} with error "Cancelled", and read back as {@link JobState#CANCELLED}.
 */
public final class StatusCodec {
    private StatusCodec() {}

    public static String wireStatus(JobState state) {
        return state == JobState.CANCELLED ? "failed" : state.name().toLowerCase(Locale.ROOT);
    }

    public static ObjectNode write(JobStatus s) {
        ObjectNode o = Json.object();
        o.put("jobId", s.jobId());
        o.put("status", wireStatus(s.state()));
        o.put("progress", s.progress());
        o.put("currentStep", s.currentStep());
        o.put("estimatedTimeRemaining", s.estimatedTimeRemaining());
        boolean cancelled = s.state() == JobState.CANCELLED;
        o.put("error", cancelled ? JobEvent.Failed.CANCELLED : s.error());
        o.put("errorCode", cancelled ? JobEvent.Failed.CANCELLED_CODE : s.errorCode());
        if (s.result() == null) o.putNull("result");
        else o.set("result", ResultCodec.writeResult(s.result()));
        o.put("createdAt", String.valueOf(s.createdAt()));
        o.put("updatedAt", String.valueOf(s.updatedAt()));
        o.put("attempts", s.attempts());
        put(o, "owner", s.owner());
        put(o, "title", s.title());
        if (s.kind() != JobKind.BLOG) put(o, "kind", s.kind().sqlName()); // Postwright addition; absent means a blog job
        if (s.finishedAt() != null) o.put("finishedAt", s.finishedAt().toString());
        return o;
    }

    /** A status object from its JSON text. */
    public static JobStatus read(String json) {
        return read(Json.parse(json, "the job's status"));
    }

    public static JobStatus read(JsonNode n) {
        if (n == null || !n.isObject()) throw new WireFormatException("The job status is not a JSON object.");
        String error = text(n, "error");
        JobState state = readState(text(n, "status"), error, text(n, "errorCode"));
        JsonNode result = Fields.object(n, "result");
        Integer progress = Fields.integer(n, "progress");
        Integer attempts = Fields.integer(n, "attempts");
        return new JobStatus(text(n, "jobId"), state, progress == null ? 0 : progress, text(n, "currentStep"),
                Fields.integer(n, "estimatedTimeRemaining"), error, text(n, "errorCode"),
                result == null ? null : ResultCodec.readResult(result), instant(text(n, "createdAt")),
                instant(text(n, "updatedAt")), attempts == null ? 0 : attempts, text(n, "owner"), text(n, "title"),
                instant(text(n, "finishedAt")), kind(text(n, "kind")));
    }

    private static JobState readState(String status, String error, String errorCode) {
        if (status == null) throw new WireFormatException("The job status has no \"status\" field.");
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "queued", "waiting", "delayed" -> JobState.QUEUED;
            case "running", "active" -> JobState.RUNNING;
            case "succeeded", "completed" -> JobState.SUCCEEDED;
            case "failed" -> JobEventCodec.failed(error, errorCode).isCancellation() ? JobState.CANCELLED : JobState.FAILED;
            case "cancelled" -> JobState.CANCELLED;
            default -> throw new WireFormatException("The job status \"" + status + "\" is not one Postwright knows.");
        };
    }

    private static Instant instant(String text) {
        if (text == null) return null;
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** An unknown kind (a newer server's) reads as a blog job, the kind every older server runs. */
    private static JobKind kind(String name) {
        return name == null ? JobKind.BLOG : java.util.Arrays.stream(JobKind.values())
                .filter(k -> k.sqlName().equals(name)).findFirst().orElse(JobKind.BLOG);
    }
}
