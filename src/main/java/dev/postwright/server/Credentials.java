package dev.postwright.server;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * Where a request's token is: {@code Authorization: Bearer …}, else, on a stream route only,
 * {@code ?token=…} (EventSource cannot send headers). Never a cookie: a browser sends cookies
 * with a cross-site form POST, so a cookie would let any page act for its user.
 */
final class Credentials {
    private static final String BEARER = "Bearer ";

    private Credentials() {}

    /**
     * The token, or null when the request carries none where it may.
     *
     * @throws QueryParameters.BadQueryException when the query it must read is not well formed
     */
    static String token(Request request, boolean streamRoute) {
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return header.substring(BEARER.length()).strip();
        }
        return streamRoute ? QueryParameters.value(request, "token") : null;
    }
}
