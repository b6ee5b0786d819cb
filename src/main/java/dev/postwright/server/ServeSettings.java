package dev.postwright.server;

import java.time.Duration;

/**
 * How {@code postwright serve} listens and streams.
 *
 * @param host          the interface to bind; loopback unless the operator says otherwise
 * @param port          0 for any free port (tests)
 * @param keepalive     how often an idle stream gets a {@code : keepalive} comment
 * @param streamMaxAge  how long one stream lives; {@code stream-timeout} is sent, then it ends
 * @param maxBodyBytes  the largest request body accepted
 * @param blogSdkUser   who a Blog SDK request without a token acts as; null (the default): such
 *                      requests are refused like any other without a token
 */
public record ServeSettings(String host, int port, Duration keepalive, Duration streamMaxAge, int maxBodyBytes,
                            String blogSdkUser) {
    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_PORT = 8787;
    public static final ServeSettings DEFAULTS = new ServeSettings(LOOPBACK, DEFAULT_PORT, Duration.ofSeconds(15),
            Duration.ofMinutes(10), dev.postwright.wire.JobRequestCodec.MAX_BYTES, null);

    public ServeSettings {
        blogSdkUser = blogSdkUser == null || blogSdkUser.isBlank() ? null : blogSdkUser.strip();
    }

    /** Settings in which tokenless Blog SDK requests are refused. */
    public ServeSettings(String host, int port, Duration keepalive, Duration streamMaxAge, int maxBodyBytes) {
        this(host, port, keepalive, streamMaxAge, maxBodyBytes, null);
    }

    public ServeSettings withPort(int port) {
        return new ServeSettings(host, port, keepalive, streamMaxAge, maxBodyBytes, blogSdkUser);
    }

    public ServeSettings withHost(String host) {
        return new ServeSettings(host, port, keepalive, streamMaxAge, maxBodyBytes, blogSdkUser);
    }

    public ServeSettings withStreamTiming(Duration keepalive, Duration streamMaxAge) {
        return new ServeSettings(host, port, keepalive, streamMaxAge, maxBodyBytes, blogSdkUser);
    }

    /** Lets Blog SDK requests without a token act as {@code user} (null: refuse them). */
    public ServeSettings withBlogSdkUser(String user) {
        return new ServeSettings(host, port, keepalive, streamMaxAge, maxBodyBytes, user);
    }
}
