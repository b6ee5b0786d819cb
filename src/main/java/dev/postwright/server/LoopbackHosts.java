package dev.postwright.server;

import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * On a server bound to loopback, refuses (421) a request whose {@code Host} is not a loopback
 * name: a web page whose own name was made to resolve to 127.0.0.1 (DNS rebinding) still sends
 * its own name, so it cannot reach the API from the writer's browser.
 */
final class LoopbackHosts extends Handler.Wrapper {
    LoopbackHosts(Handler api) {
        super(api);
    }

    /** Whether {@code host}, the interface a server binds, is this computer only. */
    static boolean isLoopback(String host) {
        String h = host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        return h.equals("localhost") || h.endsWith(".localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")
                || h.matches("127(\\.\\d{1,3}){3}");
    }

    /** The name in a {@code Host} header, without its port. */
    static String name(String hostHeader) {
        String h = hostHeader.strip();
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.lastIndexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String host = request.getHeaders().get(HttpHeader.HOST);
        if (host != null && !isLoopback(name(host))) {
            Replies.error(response, callback, HttpStatus.MISDIRECTED_REQUEST_421, "Wrong host",
                    "This server listens on this computer only and answers only to localhost or 127.0.0.1; "
                            + "the request named another host.");
            return true;
        }
        return super.handle(request, response, callback);
    }
}
