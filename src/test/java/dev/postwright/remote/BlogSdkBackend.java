package dev.postwright.remote;

import dev.postwright.wire.Json;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.BufferedSink;

/**
 * A Blog SDK server as job-stream-protocol.md §2 describes it, on loopback:
 * {@code POST …/generate-enhanced/stream} answers the scripted stage messages (the part after
 * the gate only once the test opens it), FastAPI's 422 for a topic under 3 characters,
 * {@code GET …/blog/jobs/{id}} the scripted job replies in turn (the last one repeated), and
 * {@code {"detail": "Not Found"}} for everything else.
 */
final class BlogSdkBackend implements AutoCloseable {
    final MockWebServer server = new MockWebServer();
    final AtomicInteger polls = new AtomicInteger();
    private final CountDownLatch gate = new CountDownLatch(1);
    private volatile Runnable onPoll = () -> { };
    private volatile boolean streamRoute = true;
    /** Each POST as "path body", in order. */
    final List<String> posts = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * @param beforeGate the stream's messages sent at once
     * @param afterGate  the messages sent once {@link #open()} is called (empty: none, the stream ends)
     * @param jobReplies the replies to polls, in turn
     */
    BlogSdkBackend(String beforeGate, String afterGate, List<String> jobReplies) throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                if (request.getMethod().equals("POST")) posts.add(path + " " + request.getBody().utf8());
                if (path.equals("/api/v1/blog/generate-enhanced") && request.getMethod().equals("POST")) {
                    return new MockResponse.Builder().setHeader("Content-Type", "application/json")
                            .body("{\"job_id\": \"b-1\", \"status\": \"queued\", \"message\": \"Blog generation job "
                                    + "queued\", \"estimated_completion_time\": \"2026-11-21T09:03:00\"}").build();
                }
                if (path.equals("/api/v1/blog/generate-enhanced/stream") && streamRoute) {
                    String topic = Json.parse(request.getBody().utf8(), "body").path("topic").asText();
                    if (topic.length() < 3) {
                        return new MockResponse.Builder().code(422).setHeader("Content-Type", "application/json")
                                .body("{\"detail\": [{\"loc\": [\"body\", \"topic\"], \"msg\": \"String should have at least "
                                        + "3 characters\", \"type\": \"string_too_short\"}]}").build();
                    }
                    var body = afterGate.isEmpty() ? null : new Gated(beforeGate, afterGate);
                    var reply = new MockResponse.Builder().setHeader("Content-Type", "text/event-stream");
                    return (body == null ? reply.body(beforeGate) : reply.body(body)).build();
                }
                if (path.startsWith("/api/v1/blog/jobs/")) {
                    onPoll.run();
                    int n = Math.min(polls.getAndIncrement(), jobReplies.size() - 1);
                    String reply = n < 0 ? "{\"detail\": \"Job not found\"}" : jobReplies.get(n);
                    int code = reply.startsWith("HTTP ") ? Integer.parseInt(reply.substring(5, 8)) : n < 0 ? 404 : 200;
                    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
                            .body(reply.startsWith("HTTP ") ? reply.substring(9) : reply).build();
                }
                return new MockResponse.Builder().code(404).body("{\"detail\": \"Not Found\"}").build();
            }
        });
        server.start();
    }

    String baseUrl() {
        return server.url("/").toString();
    }

    /** From now on the stream route is missing (FastAPI's 404), as on a server that only queues. */
    void withoutTheStreamRoute() {
        streamRoute = false;
    }

    /** Runs {@code action} as each poll arrives, before it is answered. */
    void onPoll(Runnable action) {
        onPoll = action;
    }

    /** Lets the streams waiting at the gate go on. */
    void open() {
        gate.countDown();
    }

    static String message(String stage, double progress, String extra) {
        return "data: {\"stage\": \"" + stage + "\", \"progress\": " + progress + ", \"timestamp\": 1795000000.5"
                + extra + "}\n\n";
    }

    static String job(String status, int progress, String stage, String result) {
        return job(status, progress, stage, result, "");
    }

    /** @param updates the {@code progress_updates} entries, stage messages' JSON joined with commas */
    static String job(String status, int progress, String stage, String result, String updates) {
        return "{\"job_id\": \"b-1\", \"status\": \"" + status + "\", \"progress_percentage\": " + progress
                + ", \"current_stage\": \"" + stage + "\", \"progress_updates\": [" + updates + "], "
                + "\"created_at\": \"2026-11-21T09:00:00\"" + (result == null ? "" : ", \"result\": " + result) + "}";
    }

    /** One {@code progress_updates} entry, as the SDK stores a stage message. */
    static String update(String stage, double progress) {
        return "{\"stage\": \"" + stage + "\", \"progress\": " + progress + ", \"timestamp\": 1795000000.5}";
    }

    /** A reply with another status code, e.g. {@code status(500, "{\"detail\": \"Internal Server Error\"}")}. */
    static String status(int code, String body) {
        return "HTTP " + code + " " + body;
    }

    private final class Gated implements MockResponseBody {
        private final String before;
        private final String after;

        Gated(String before, String after) {
            this.before = before;
            this.after = after;
        }

        @Override
        public long getContentLength() {
            return -1;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            sink.writeUtf8(before);
            sink.flush();
            try {
                if (!gate.await(60, TimeUnit.SECONDS)) return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            sink.writeUtf8(after);
            sink.flush();
        }
    }

    @Override
    public void close() throws IOException {
        gate.countDown();
        server.close();
    }
}
