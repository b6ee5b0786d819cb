package dev.postwright.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postwright.jobs.CancellationToken;
import dev.postwright.jobs.JobCancelledException;
import dev.postwright.jobs.JobFailure;
import dev.postwright.wire.Json;
import dev.postwright.wire.WireFormatException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

/**
 * One streaming chat completion ({@code POST /chat/completions} with {@code stream: true}), read
 * with okhttp-sse. OkHttp calls the listener on its own threads; the pieces travel through a
 * queue to the calling (worker) thread, which is the only one allowed to pass them on.
 * Malformed chunks are skipped with a warning; a stream that ends without {@code [DONE]} ends
 * the reply. Thread-safe.
 */
final class ChatStream {
    private static final System.Logger LOG = System.getLogger(ChatStream.class.getName());
    private static final MediaType JSON = MediaType.get("application/json");

    /** A chat message. */
    record Message(String role, String content) {}

    /** A whole reply and the tokens it cost (0 when the server does not say). */
    record Reply(String text, long tokensUsed) {}

    private sealed interface Item {
        record Delta(String text) implements Item {}

        record Usage(long tokens) implements Item {}

        record Done() implements Item {}

        record Failed(JobFailure failure) implements Item {}
    }

    private final ModelServer server;
    private final EventSource.Factory sources;

    ChatStream(ModelServer server, OkHttpClient client) {
        this.server = server;
        this.sources = EventSources.createFactory(client);
    }

    /**
     * Sends {@code messages} and passes each piece of the reply to {@code pieces} on this thread.
     *
     * @throws JobFailure            with a writer-level message when the server or network fails
     * @throws JobCancelledException when {@code cancel} fires; the HTTP call is aborted at once
     */
    Reply run(List<Message> messages, Consumer<String> pieces, CancellationToken cancel) throws JobFailure {
        cancel.throwIfCancelled();
        BlockingQueue<Item> items = new LinkedBlockingQueue<>();
        EventSource source = sources.newEventSource(request(messages), new Listener(items));
        var abort = cancel.onCancel(source::cancel);
        var text = new StringBuilder();
        long tokens = 0;
        try {
            while (true) {
                Item item = take(items, source);
                switch (item) {
                    case Item.Delta d -> {
                        cancel.throwIfCancelled();
                        text.append(d.text());
                        pieces.accept(d.text());
                    }
                    case Item.Usage u -> tokens = u.tokens();
                    case Item.Done d -> {
                        return new Reply(text.toString(), tokens);
                    }
                    case Item.Failed f -> {
                        cancel.throwIfCancelled();
                        throw f.failure();
                    }
                }
            }
        } finally {
            abort.close();
            source.cancel();
        }
    }

    private static Item take(BlockingQueue<Item> items, EventSource source) {
        try {
            return items.take();
        } catch (InterruptedException e) {
            source.cancel();
            Thread.currentThread().interrupt();
            throw new JobCancelledException(dev.postwright.jobs.CancellationToken.Reason.SHUTDOWN);
        }
    }

    private Request request(List<Message> messages) {
        ObjectNode body = Json.object().put("model", server.model()).put("stream", true)
                .put("temperature", server.temperature()).put("max_tokens", server.maxTokens());
        body.putObject("stream_options").put("include_usage", true);
        var array = body.putArray("messages");
        for (Message m : messages) array.addObject().put("role", m.role()).put("content", m.content());
        var builder = new Request.Builder().url(server.baseUrl() + "/chat/completions")
                .header("Accept", "text/event-stream").post(RequestBody.create(Json.write(body), JSON));
        if (server.apiKey() != null && !server.apiKey().isBlank()) {
            builder.header("Authorization", "Bearer " + server.apiKey());
        }
        return builder.build();
    }

    /** Turns OkHttp's callbacks into items; never throws into OkHttp. */
    private final class Listener extends EventSourceListener {
        private final BlockingQueue<Item> items;
        private boolean started;

        Listener(BlockingQueue<Item> items) {
            this.items = items;
        }

        @Override
        public void onEvent(EventSource source, String id, String type, String data) {
            started = true;
            if (data.strip().equals("[DONE]")) {
                items.add(new Item.Done());
                return;
            }
            try {
                JsonNode chunk = Json.parse(data, "a reply chunk");
                JsonNode error = chunk.get("error");
                if (error != null && !error.isNull()) {
                    String message = error.isTextual() ? error.asText() : error.path("message").asText("");
                    items.add(new Item.Failed(Failures.forStatus(500, message, null, server)));
                    return;
                }
                JsonNode content = chunk.path("choices").path(0).path("delta").path("content");
                if (content.isTextual() && !content.asText().isEmpty()) items.add(new Item.Delta(content.asText()));
                JsonNode usage = chunk.path("usage").path("total_tokens");
                if (usage.isNumber()) items.add(new Item.Usage(usage.asLong()));
            } catch (WireFormatException e) {
                LOG.log(Level.WARNING, "Skipping a malformed chunk from the model server: {0}", e.getMessage());
            }
        }

        @Override
        public void onClosed(EventSource source) {
            items.add(new Item.Done());
        }

        @Override
        public void onFailure(EventSource source, Throwable t, Response response) {
            if (response != null && !response.isSuccessful()) {
                items.add(new Item.Failed(Failures.forStatus(response.code(), serverMessage(response),
                        response.header("Retry-After"), server)));
            } else if (t instanceof IOException io) {
                items.add(new Item.Failed(Failures.forException(io, server, started)));
            } else if (response != null) {
                // okhttp-sse refuses a 200 that is not text/event-stream: the URL is not a streaming chat API.
                items.add(new Item.Failed(Failures.notStreaming(String.valueOf(response.header("Content-Type")))));
            } else {
                items.add(new Item.Failed(JobFailure.transientFailure("The model server's reply could not be read ("
                        + (t == null ? "unknown" : t.getClass().getSimpleName()) + ").", "BAD_STREAM", null, t)));
            }
        }
    }

    /** The error text of a failed response: {"error": {"message"}}, {"error": "…"} or {"detail"}. */
    static String serverMessage(Response response) {
        try {
            String text = response.peekBody(8192).string();
            JsonNode node = Json.parse(text, "an error reply");
            JsonNode error = node.path("error");
            if (error.isTextual()) return error.asText();
            if (error.path("message").isTextual()) return error.path("message").asText();
            if (node.path("detail").isTextual()) return node.path("detail").asText();
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
