package dev.postwright.remote;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.BufferedSink;

/**
 * A job API server that behaves like the real Node backend (job-stream-protocol.md §1.4): no
 * {@code id:} lines, a snapshot after {@code connected} on every connection, {@code stream-timeout}
 * followed by silence on an open socket, and no close after {@code complete}. Each stream
 * connection gets the frames the test scripts for it, then the socket is held open, silent,
 * until the server closes.
 */
final class QuirkyBackend implements AutoCloseable {
    static final String JOB = "8c0e4a52-8d1c-4a43-9c55-2f4a4a1d7a11";

    private final MockWebServer server = new MockWebServer();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger streams = new AtomicInteger();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final IntFunction<String> streamScript;
    private final List<String> streamTokens = new CopyOnWriteArrayList<>();
    private volatile String status = statusJson("running", 40, "null");
    private volatile String streamToken; // null: streams take the header like every route

    /** @param streamScript the frames for the n-th stream connection (from 1) */
    QuirkyBackend(IntFunction<String> streamScript) throws IOException {
        this.streamScript = streamScript;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        server.start();
    }

    String baseUrl() {
        return server.url("/").toString();
    }

    int streamConnections() {
        return streams.get();
    }

    List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /**
     * From now on the stream route answers 401 to the Authorization header and takes only
     * {@code ?token=} equal to {@code token} (another token: 401 too), as EventSource-only servers do.
     */
    void streamsTakeOnlyTheQueryToken(String token) {
        streamToken = token;
    }

    /** The {@code token} query parameter of each stream request ("-" without one). */
    List<String> streamTokens() {
        return List.copyOf(streamTokens);
    }

    void status(String json) {
        status = json;
    }

    static String frame(String event, String data) {
        return "event: " + event + "\ndata: " + data + "\n\n";
    }

    static String statusJson(String state, int progress, String result) {
        return "{\"jobId\": \"" + JOB + "\", \"status\": \"" + state + "\", \"progress\": " + progress
                + ", \"currentStep\": \"Writing\", \"estimatedTimeRemaining\": null, \"error\": null, \"errorCode\": null, "
                + "\"result\": " + result + ", \"createdAt\": \"2026-11-21T09:00:00.000Z\", "
                + "\"updatedAt\": \"2026-11-21T09:01:00.000Z\"}";
    }

    private MockResponse answer(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        authorizations.add(String.valueOf(request.getHeaders().get("Authorization")));
        if (path.endsWith("/content-generation")) {
            return new MockResponse.Builder().code(201).setHeader("Content-Type", "application/json")
                    .body("{\"jobId\": \"" + JOB + "\"}").build();
        }
        if (path.endsWith("/status")) {
            if (path.contains("/00000000-0000-4000-8000-000000000000/")) {
                return new MockResponse.Builder().code(404).body("{\"success\": false, \"error\": \"Job not found\"}").build();
            }
            return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(status).build();
        }
        if (path.endsWith("/stream")) {
            String query = request.getUrl().queryParameter("token");
            streamTokens.add(query == null ? "-" : query);
            if (streamToken != null && !streamToken.equals(query)) {
                return new MockResponse.Builder().code(401).setHeader("Content-Type", "application/json")
                        .body("{\"success\": false, \"error\": \"Unauthorized\", \"message\": \"No token\"}").build();
            }
            if (path.contains("/00000000-0000-4000-8000-000000000000/")) {
                return new MockResponse.Builder().code(404).body("{\"success\": false, \"error\": \"Job not found\"}").build();
            }
            int n = streams.incrementAndGet();
            String frames = ": ok\n\n" + frame("connected", "{\"connectionId\": \"c" + n + "\", \"jobId\": \"" + JOB + "\"}")
                    + streamScript.apply(n);
            return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
                    .setHeader("Cache-Control", "no-cache").body(new HeldOpen(frames)).build();
        }
        return new MockResponse.Builder().code(404).body("{\"success\": false, \"error\": \"Not found\"}").build();
    }

    /** Writes its frames, then keeps the socket open and silent. */
    private final class HeldOpen implements MockResponseBody {
        private final String frames;

        HeldOpen(String frames) {
            this.frames = frames;
        }

        @Override
        public long getContentLength() {
            return -1;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            sink.writeUtf8(frames);
            sink.flush();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() throws IOException {
        release.countDown();
        server.close();
    }
}
