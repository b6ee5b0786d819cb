package dev.postwright.remote;

import java.net.URI;
import java.util.Objects;

/**
 * A team server speaking the job API: its address and the writer's token. The token is sent as
 * a Bearer header, never in a URL, and {@link #toString()} leaves it out.
 *
 * @param baseUrl the server's root, e.g. {@code https://blog.example.com} (without {@code /api/v1/jobs})
 */
public record RemoteServer(String baseUrl, String token) {
    public RemoteServer {
        Objects.requireNonNull(baseUrl, "baseUrl");
        URI uri = URI.create(baseUrl.strip());
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("The server address must start with http:// or https://, "
                    + "e.g. https://blog.example.com.");
        }
        baseUrl = baseUrl.strip().replaceAll("/+$", "");
    }

    /** The server's host name, for messages and the window's header. */
    public String host() {
        return URI.create(baseUrl).getHost();
    }

    String jobs() {
        return baseUrl + "/api/v1/jobs";
    }

    @Override
    public String toString() {
        return "RemoteServer[" + baseUrl + (token == null ? "" : ", token hidden") + "]";
    }
}
