package dev.postwright.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postwright.wire.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

/** A client of the job API over loopback for tests: JSON calls, and streams read by okhttp-sse. */
final class ApiClient {
    private static final MediaType JSON = MediaType.get("application/json");

    /** One SSE event as a standard client sees it. */
    record Sse(String id, String type, String data) {
        JsonNode json() {
            return Json.parse(data, "event data");
        }
    }

    /** A reply: status and parsed body (null when the body is not JSON). */
    record Reply(int status, JsonNode body) {}

    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(30, TimeUnit.SECONDS).build();
    private final String base;

    ApiClient(String base) {
        this.base = base;
    }

    Reply post(String path, String token, String body) throws IOException {
        var request = new Request.Builder().url(base + path).post(RequestBody.create(body, JSON));
        if (token != null) request.header("Authorization", "Bearer " + token);
        return call(request.build());
    }

    Reply get(String path, String token) throws IOException {
        var request = new Request.Builder().url(base + path);
        if (token != null) request.header("Authorization", "Bearer " + token);
        return call(request.build());
    }

    private Reply call(Request request) throws IOException {
        try (Response response = http.newCall(request).execute()) {
            String text = response.body().string();
            JsonNode body;
            try {
                body = Json.parse(text, "reply");
            } catch (RuntimeException notJson) {
                body = null;
            }
            return new Reply(response.code(), body);
        }
    }

    String create(String token, String title) throws IOException {
        Reply reply = post("/api/v1/jobs/content-generation", token, "{\"topic\": {\"title\": \"" + title + "\"}, "
                + "\"businessInfo\": {\"businessType\": \"Bakery\"}, \"organizationId\": \"org-1\"}");
        if (reply.status() != 201) throw new AssertionError("create answered " + reply);
        return reply.body().get("jobId").asText();
    }

    /** Reads a job's stream with okhttp-sse until the server ends it. */
    List<Sse> streamToEnd(String jobId, String token, String lastEventId) throws InterruptedException {
        var stream = open(jobId, token, lastEventId);
        stream.awaitEnd();
        return stream.events();
    }

    /** Opens a job's stream with okhttp-sse; events collect as they come. */
    OpenStream open(String jobId, String token, String lastEventId) {
        var request = new Request.Builder().url(base + "/api/v1/jobs/" + jobId + "/stream?token=" + token);
        if (lastEventId != null) request.header("Last-Event-ID", lastEventId);
        var stream = new OpenStream();
        EventSources.createFactory(http).newEventSource(request.build(), stream);
        return stream;
    }

    /** A stream being read: its events so far, and latches for the first event and the end. */
    static final class OpenStream extends EventSourceListener {
        private final List<Sse> events = new ArrayList<>();
        private final CountDownLatch closed = new CountDownLatch(1);
        private volatile Throwable failure;

        @Override
        public void onEvent(EventSource source, String id, String type, String data) {
            synchronized (events) {
                events.add(new Sse(id, type, data));
                events.notifyAll();
            }
        }

        @Override
        public void onClosed(EventSource source) {
            closed.countDown();
        }

        @Override
        public void onFailure(EventSource source, Throwable t, Response response) {
            failure = t != null ? t : new AssertionError("HTTP " + (response == null ? "?" : response.code()));
            closed.countDown();
        }

        /** Waits until an event of {@code type} has come. */
        void awaitEvent(String type) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            synchronized (events) {
                while (events.stream().noneMatch(e -> e.type().equals(type))) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) throw new AssertionError("no " + type + " event came");
                    events.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
                }
            }
        }

        /** Waits for the server to end the stream; fails if it broke instead. */
        void awaitEnd() throws InterruptedException {
            if (!closed.await(30, TimeUnit.SECONDS)) throw new AssertionError("the stream did not end");
            if (failure != null) throw new AssertionError("the stream failed", failure);
        }

        List<Sse> events() {
            synchronized (events) {
                return List.copyOf(events);
            }
        }
    }

    OkHttpClient http() {
        return http;
    }

    /**
     * POSTs {@code body} to a Blog SDK stream route and reads the reply as the SDK's browser example
     * does: line by line, each {@code data: } line one JSON message, until the server ends it.
     */
    List<JsonNode> postStream(String path, String token, String body) throws IOException {
        var request = new Request.Builder().url(base + path).post(RequestBody.create(body, JSON));
        if (token != null) request.header("Authorization", "Bearer " + token);
        List<JsonNode> messages = new ArrayList<>();
        try (Response response = http.newCall(request.build()).execute()) {
            if (response.code() != 200) throw new AssertionError(path + " answered " + response.code());
            if (!response.header("Content-Type", "").startsWith("text/event-stream")) {
                throw new AssertionError("not a stream: " + response.header("Content-Type"));
            }
            var lines = new java.io.BufferedReader(new java.io.InputStreamReader(response.body().byteStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.startsWith("data: ")) messages.add(Json.parse(line.substring(6), "a stage message"));
            }
        }
        return messages;
    }

    /** POSTs {@code body} as {@code contentType}, raw. */
    Reply postAs(String path, String token, String contentType, String body) throws IOException {
        var request = new Request.Builder().url(base + path).post(RequestBody.create(body, MediaType.get(contentType)));
        if (token != null) request.header("Authorization", "Bearer " + token);
        return call(request.build());
    }
}
