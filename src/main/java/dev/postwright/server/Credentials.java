package dev.postwright.server;

import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * Where a request's token is: {@code Authorization: Bearer …}, else {@code ?token=…} (EventSource
 * cannot send headers), else the {@code access_token} cookie, as the real backend accepts.
 */
final class Credentials {
    private static final String BEARER = "Bearer ";

    private Credentials() {}

    /** The token, or null when the request carries none. */
    static String token(Request request) {
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return header.substring(BEARER.length()).strip();
        }
        String query = Request.extractQueryParameters(request).getValue("token");
        if (query != null) return query;
        for (HttpCookie cookie : Request.getCookies(request)) {
            if (cookie.getName().equals("access_token")) return cookie.getValue();
        }
        return null;
    }
}
