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

        BadQueryException(String message) {
            super(message);
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

    /**
     * The whole number {@code name}, {@code fallback} when absent.
     *
     * @throws BadQueryException when it is not a whole number from {@code min} to {@code max}
     */
    static int integer(Request request, String name, int fallback, int min, int max) {
        String value = value(request, name);
        if (value == null || value.isBlank()) return fallback;
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException notANumber) {
            // refused below, in words
        }
        throw new BadQueryException(name + " must be a whole number from " + min + " to " + max + ".");
    }
}
