package dev.postwright.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postwright.model.FieldProblem;
import dev.postwright.model.JobStatus;
import java.util.List;
import java.util.Optional;

/**
 * The bodies {@code postwright serve} answers with (job-stream-protocol.md §1): errors as
 * {@code {"success": false, "error", "message"}} (a refused brief adds {@code field} and
 * {@code problems}), and the small replies of the other routes. Each method returns the JSON text.
 */
public final class JobApiReplies {
    private JobApiReplies() {}

    public static String error(String error, String message) {
        return Json.write(errorBody(error, message));
    }

    /** A refused brief: the first problem's field, and every problem, in order. */
    public static String invalidBrief(String message, List<FieldProblem> problems) {
        ObjectNode reply = errorBody("Invalid request", message).put("field", problems.getFirst().field());
        var list = reply.putArray("problems");
        problems.forEach(p -> list.addObject().put("field", p.field()).put("message", p.message()));
        return Json.write(reply);
    }

    /** An unreadable body: its sentence, and {@code field} when one field is at fault. */
    public static String unreadable(WireFormatException e) {
        ObjectNode reply = errorBody("Invalid request", e.getMessage());
        if (e.field() != null) reply.put("field", e.field());
        return Json.write(reply);
    }

    /** {@code {"jobId": id, "warnings": […]}}: a job created, and what of its brief was left out (often nothing). */
    public static String created(String jobId, List<String> warnings) {
        ObjectNode reply = Json.object().put("jobId", jobId);
        var list = reply.putArray("warnings");
        warnings.forEach(list::add);
        return Json.write(reply);
    }

    /** {@code {"jobId": id}}: a job created or queued again. */
    public static String jobId(String jobId) {
        return Json.write(Json.object().put("jobId", jobId));
    }

    public static String cancelled() {
        return Json.write(Json.object().put("cancelled", true));
    }

    public static String status(JobStatus status) {
        return Json.write(StatusCodec.write(status));
    }

    /** {@code {"jobs": [status, …]}}. */
    public static String jobs(List<JobStatus> jobs) {
        var reply = Json.object();
        var array = reply.putArray("jobs");
        jobs.forEach(s -> array.add(StatusCodec.write(s)));
        return Json.write(reply);
    }

    /**
     * {@code {"status": "ok", "database": {"kind": "PostgreSQL", "status": "ok"}}}, or
     * {@code "unhealthy"} with the reason, for both.
     */
    public static String health(String databaseKind, Optional<String> problem) {
        var reply = problem.map(p -> Json.object().put("status", "unhealthy").put("message", p))
                .orElseGet(() -> Json.object().put("status", "ok"));
        reply.putObject("database").put("kind", databaseKind).put("status", problem.isEmpty() ? "ok" : "unavailable");
        return Json.write(reply);
    }

    private static ObjectNode errorBody(String error, String message) {
        return Json.object().put("success", false).put("error", error).put("message", message);
    }
}
