package dev.postwright.server;

import java.time.Duration;

/**
 * How {@code postwright serve} listens and streams.
 *
 * @param host               the interface to bind; loopback unless the operator says otherwise
 * @param port               0 for any free port (tests)
 * @param keepalive          how often an idle stream gets a {@code : keepalive} comment
 * @param streamMaxAge       how long one stream lives; {@code stream-timeout} is sent, then it ends
 *                           (the Blog SDK's blog stream ends without a message)
 * @param maxBodyBytes       the largest request body accepted
 * @param blogSdkUser        who a Blog SDK request without a token acts as; null (the default): such
 *                           requests are refused like any other without a token
 * @param imageStreamMaxAge  how long one Blog SDK image stream lives (the SDK's is 300 s)
 */
public record ServeSettings(String host, int port, Duration keepalive, Duration streamMaxAge, int maxBodyBytes,
                            String blogSdkUser, Duration imageStreamMaxAge) {
    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_PORT = 8787;
    /** The Blog SDK's own image stream times out after 300 s (spec §2.2). */
    public static final Duration IMAGE_STREAM_MAX_AGE = Duration.ofSeconds(300);
    public static final ServeSettings DEFAULTS = new ServeSettings(LOOPBACK, DEFAULT_PORT, Duration.ofSeconds(15),
            Duration.ofMinutes(10), dev.postwright.wire.JobRequestCodec.MAX_BYTES, null, IMAGE_STREAM_MAX_AGE);

    public ServeSettings {
        blogSdkUser = blogSdkUser == null || blogSdkUser.isBlank() ? null : blogSdkUser.strip();
        if (imageStreamMaxAge == null) imageStreamMaxAge = IMAGE_STREAM_MAX_AGE;
    }

    /** Settings with the SDK's image stream age. */
    public ServeSettings(String host, int port, Duration keepalive, Duration streamMaxAge, int maxBodyBytes,
                         String blogSdkUser) {
        this(host, port, keepalive, streamMaxAge, maxBodyBytes, blogSdkUser, IMAGE_STREAM_MAX_AGE);
    }

    /** Settings in which tokenless Blog SDK requests are refused. */
    public ServeSettings(String host, int port, Duration keepalive, Duration streamMaxAge, int maxBodyBytes) {
        this(host, port, keepalive, streamMaxAge, maxBodyBytes, null);
    }

    public ServeSettings withPort(int port) {
        return new ServeSettings(host, port, keepalive, streamMaxAge, maxBodyBytes, blogSdkUser, imageStreamMaxAge);
    }

    public ServeSettings withHost(String host) {
        return new ServeSettings(host, port, keepalive, streamMaxAge, maxBodyBytes, blogSdkUser, imageStreamMaxAge);
    }

    public ServeSettings withStreamTiming(Duration keepalive, Duration streamMaxAge) {
        return new ServeSettings(host, port, keepalive, streamMaxAge, maxBodyBytes, blogSdkUser, imageStreamMaxAge);
    }

    /** Lets Blog SDK requests without a token act as {@code user} (null: refuse them). */
    public ServeSettings withBlogSdkUser(String user) {
        return new ServeSettings(host, port, keepalive, streamMaxAge, maxBodyBytes, user, imageStreamMaxAge);
    }

    /** How long a Blog SDK image stream lives before it ends without a last message. */
    public ServeSettings withImageStreamMaxAge(Duration maxAge) {
        return new ServeSettings(host, port, keepalive, streamMaxAge, maxBodyBytes, blogSdkUser, maxAge);
    }
}
