package dev.postwright.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postwright.model.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bodies of a team server's error replies and small answers: the job API's
 * {@code {"success": false, "error", "message"}} and 400 {@code problems[]} (job-stream-protocol.md
 * §1), FastAPI's {@code {"detail": …}} (§2), and the id of a created job. The sentences are the
 * server's own; the caller removes anything secret before showing them.
 */
public final class ServerReplies {
    private ServerReplies() {}

    /** The {@code message} (or {@code error}, or FastAPI's {@code detail}) of an error body, if it has one. */
    public static Optional<String> message(String body) {
        if (body == null || body.isBlank()) return Optional.empty();
        try {
            JsonNode node = Json.parse(body, "the server's reply");
            for (String field : new String[] {"message", "error", "detail"}) {
                if (node.path(field).isTextual() && !node.path(field).asText().isBlank()) {
                    return Optional.of(node.path(field).asText());
                }
            }
        } catch (RuntimeException notJson) {
            // no sentence in it
        }
        return Optional.empty();
    }

    /**
     * A job API 400 as field problems: its {@code problems[]} ({@code field}, {@code message}),
     * or one problem with its message; never empty.
     */
    public static List<FieldProblem> problems(String body) {
        List<FieldProblem> problems = new ArrayList<>();
        try {
            JsonNode node = Json.parse(body, "the server's reply");
            node.path("problems").forEach(p -> problems.add(new FieldProblem(p.path("field").asText("brief"),
                    p.path("message").asText(""))));
            if (problems.isEmpty()) {
                problems.add(new FieldProblem(node.path("field").asText("brief"),
                        message(body).orElse("The server refused the brief.")));
            }
        } catch (RuntimeException notJson) {
            problems.add(new FieldProblem("brief", "The server refused the brief."));
        }
        return problems;
    }

    /** The {@code jobId} of a create-job reply, if there is one. */
    public static Optional<String> createdJobId(String body) {
        String id = Json.parse(body, "the server's reply").path("jobId").asText(null);
        return id == null || id.isBlank() ? Optional.empty() : Optional.of(id);
    }
}
