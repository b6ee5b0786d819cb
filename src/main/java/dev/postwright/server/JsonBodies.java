package dev.postwright.server;

import dev.postwright.wire.Sizes;
import java.io.IOException;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The rule for a POST body on a JSON route: its {@code Content-Type} is JSON. A browser sends a
 * cross-site form or a {@code text/plain} body without asking first, never JSON, so this keeps
 * other sites' pages from acting for a user whose browser can reach the server.
 */
final class JsonBodies {
    private JsonBodies() {}

    /** Whether {@code mime} (a Content-Type, parameters included, or null) is JSON. */
    static boolean isJson(String type) {
        String mime = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return mime.equals("application/json") || (mime.startsWith("application/") && mime.endsWith("+json"));
    }

    /**
     * Whether the request's body may be read as JSON: its type is JSON, or, when
     * {@code bodyRequired} is false, it has no type and no body ({@code cancel}, {@code retry}).
     * Otherwise answers 415 and returns false.
     */
    static boolean accepted(Request request, Response response, Callback callback, boolean bodyRequired) {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (type == null && !bodyRequired && request.getLength() <= 0) return true;
        if (isJson(type)) return true;
        Replies.error(response, callback, HttpStatus.UNSUPPORTED_MEDIA_TYPE_415, "Unsupported media type",
                "Send the body as JSON, with Content-Type: application/json.");
        return false;
    }

    /**
     * The body, read to at most one byte past {@code maxBytes} whatever the client declared; null
     * after answering 413 for a larger one, which names {@code what} ("The brief").
     */
    static byte[] readCapped(Request request, Response response, Callback callback, int maxBytes, String what)
            throws IOException {
        byte[] body = Content.Source.asInputStream(request).readNBytes(maxBytes + 1);
        if (body.length <= maxBytes) return body;
        Replies.error(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413, "Request too large",
                what + " is larger than the limit of " + Sizes.describe(maxBytes) + ".");
        return null;
    }
}
