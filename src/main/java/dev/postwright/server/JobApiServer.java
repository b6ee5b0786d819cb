package dev.postwright.server;

import dev.postwright.images.ImageMaker;
import dev.postwright.images.offline.OfflineImageMaker;
import dev.postwright.queue.JobQueue;
import dev.postwright.store.ImageStore;
import dev.postwright.store.PostLibrary;
import java.lang.System.Logger.Level;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * {@code postwright serve}: the job API, its library routes and the Blog SDK's blog and image routes on Jetty,
 * over a local engine's queue and library. Requests run on
 * virtual threads, so each open stream costs a parked virtual thread, not a platform one. Bodies
 * over the limit are refused (413) after reading one byte past it; every request is logged with its method,
 * path (never the query, which may hold a token), status, time and user.
 */
public final class JobApiServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(JobApiServer.class.getName());
    private static final System.Logger ACCESS = System.getLogger("dev.postwright.server.access");

    private final Server server;
    private final ServerConnector connector;
    private final JobApiHandler api;
    private final BlogSdkCalls blogSdk;
    private final String blogSdkUser;

    private static final ImageMaker OFFLINE_IMAGES = new OfflineImageMaker();

    /** A server whose engine makes its image jobs with the offline maker. */
    public JobApiServer(JobQueue queue, PostLibrary library, ImageStore images, Tokens tokens, ServeSettings settings) {
        this(queue, library, images, () -> OFFLINE_IMAGES, tokens, settings);
    }

    /**
     * @param library     where the jobs save their posts, served by {@code /api/v1/blog-posts}; the
     *                    same database as {@code queue}'s, so a full disk is reported for both
     * @param images      the jobs' images, served by {@code /api/v1/images/{id}/file}
     * @param imageMakers the maker the queue's image jobs use (asked at each request), so the Blog
     *                    SDK's image routes refuse a size it cannot draw before queueing it
     */
    public JobApiServer(JobQueue queue, PostLibrary library, ImageStore images,
                        Supplier<? extends ImageMaker> imageMakers, Tokens tokens, ServeSettings settings) {
        var threads = new QueuedThreadPool();
        threads.setName("postwright-http");
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server = new Server(threads);
        var http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setRequestHeaderSize(16 * 1024);
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        // Long enough that a stream between keepalives is never taken for an idle connection.
        connector.setIdleTimeout(Math.max(30_000, settings.keepalive().toMillis() * 3));
        server.addConnector(connector);
        api = new JobApiHandler(queue, library, images, tokens, settings);
        blogSdk = new BlogSdkCalls(queue, tokens, settings);
        blogSdkUser = settings.blogSdkUser();
        // The Blog SDK's routes first (they take /api/v1/blog and their own /api/v1/images paths
        // only), then the job API and the rest, an image's bytes included; bound to loopback, only
        // loopback names are answered (DNS rebinding), on every route.
        Handler routes = new Handler.Sequence(new BlogSdkHandler(blogSdk), new BlogSdkImageRoutes(blogSdk, imageMakers),
                api);
        server.setHandler(LoopbackHosts.isLoopback(settings.host()) ? new LoopbackHosts(routes) : routes);
        server.setRequestLog((request, response) -> ACCESS.log(Level.INFO, "{0} {1} {2} {3} ms{4}",
                request.getMethod(), Request.getPathInContext(request), response.getStatus(),
                NanoTime.millisSince(request.getBeginNanoTime()), user(request)));
        server.setStopTimeout(5_000);
        server.setStopAtShutdown(false); // the serve command stops the server, then the engine
    }

    private static String user(Request request) {
        Object user = request.getAttribute(JobApiHandler.USER_ATTRIBUTE);
        return user == null ? "" : " user=" + user;
    }

    /** Starts listening; {@link #port()} is known afterwards. */
    public void start() throws Exception {
        server.start();
        LOG.log(Level.INFO, "Serving the job API and the Blog SDK at http://{0}:{1,number,#}", connector.getHost(), port());
        if (blogSdkUser != null) {
            LOG.log(Level.WARNING, "Blog SDK requests without a token act as the user {0} (--blog-sdk-user): anyone "
                    + "who can reach this server can start and read {0}''s Blog SDK jobs.", blogSdkUser);
        }
    }

    public int port() {
        return connector.getLocalPort();
    }

    public String baseUrl() {
        String host = connector.getHost();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    /** Ends open streams (clients resume with Last-Event-ID), finishes requests in flight, stops. */
    @Override
    public void close() {
        api.endStreams();
        blogSdk.endStreams();
        try {
            server.stop();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "The HTTP server did not stop cleanly: {0}", e.toString());
        }
    }
}
