package dev.postwright.server;

import dev.postwright.wire.JobApiReplies;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** JSON responses, and the protocol's error body {@code {"success": false, "error", "message"}}. */
final class Replies {
    private Replies() {}

    /** Sends {@code body}, JSON text from {@link JobApiReplies}, never cached. */
    static void json(Response response, Callback callback, int status, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        Content.Sink.write(response, true, body, callback);
    }

    static void error(Response response, Callback callback, int status, String error, String message) {
        json(response, callback, status, JobApiReplies.error(error, message));
    }

    /** Always true: the request was handled. */
    static boolean methodNotAllowed(Response response, Callback callback, String allowed) {
        response.getHeaders().put(HttpHeader.ALLOW, allowed);
        error(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "Method not allowed", "Use " + allowed + " here.");
        return true;
    }
}
