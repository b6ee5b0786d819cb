package dev.postwright.server;

import org.eclipse.jetty.server.Request;

/** A request's query parameters, with a malformed query (bad percent-encoding) refused in words. */
final class QueryParameters {
    private QueryParameters() {}

    /** A query that cannot be decoded; the message says so without quoting it (it may hold a token). */
    static final class BadQueryException extends RuntimeException {
        BadQueryException(Throwable cause) {
            super("The query string is not well formed: check its percent-encoding (%xx must spell UTF-8 text).",
                    cause);
        }
    }

    /** The value of {@code name}, or null. */
    static String value(Request request, String name) {
        String query = request.getHttpURI().getQuery();
        if (query == null || query.isEmpty()) return null;
        try {
            String value = Request.extractQueryParameters(request).getValue(name);
            if (value != null && value.indexOf('\uFFFD') >= 0) throw new IllegalArgumentException("not UTF-8");
            return value;
        } catch (RuntimeException e) {
            throw new BadQueryException(e);
        }
    }
}
