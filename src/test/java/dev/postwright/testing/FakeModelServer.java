package dev.postwright.testing;

import dev.postwright.llm.openai.ChatReplies;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import okio.BufferedSink;

/**
 * An OpenAI-compatible chat server on loopback, speaking the real streaming wire format, with
 * the four replies one post needs queued in pipeline order (outline, draft, metadata, visuals).
 * A hosted model cannot run here; this is the stand-in the bar allows.
 */
public final class FakeModelServer implements AutoCloseable {
    public static final String MODEL = "llama3.1:8b";
    private static final String DRAFT = "# %s\n\nSourdough bread rewards patient home bakers. This guide walks through "
            + "the starter, the dough and the bake.\n\n## The starter\n\nFeed it daily.\n\n[TWEET:0]\n";

    private final MockWebServer server = new MockWebServer();
    private final CountDownLatch release = new CountDownLatch(1);

    public FakeModelServer() throws IOException {
        server.start();
    }

    public String baseUrl() {
        return server.url("/v1").toString();
    }

    public MockWebServer server() {
        return server;
    }

    /** Queues the replies for one whole post. */
    public void queuePost(String title) {
        outline(title);
        server.enqueue(ChatReplies.streamed(DRAFT.formatted(title)));
        metadataAndVisuals(title);
    }

    /** Queues the replies for one whole post whose draft takes about {@code draftTime} to arrive. */
    public void queueSlowPost(String title, java.time.Duration draftTime) {
        outline(title);
        var draft = ChatReplies.streamed(DRAFT.formatted(title));
        long bytes = draft.getBody() == null ? 1_000 : draft.getBody().getContentLength();
        long periods = Math.max(1, draftTime.toMillis() / 50);
        server.enqueue(draft.newBuilder().throttleBody(Math.max(1, bytes / periods), 50, TimeUnit.MILLISECONDS).build());
        metadataAndVisuals(title);
    }

    /** Queues an outline and a draft that sends its first words, then holds the line open until {@link #close}. */
    public void queueStalledDraft(String title) {
        outline(title);
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
                .body(new MockResponseBody() {
                    @Override
                    public long getContentLength() {
                        return -1;
                    }

                    @Override
                    public void writeTo(BufferedSink sink) throws IOException {
                        sink.writeUtf8("data: {\"choices\":[{\"delta\":{\"content\":\"# " + title
                                + "\\n\\nThe first words arrive\"}}]}\n\n");
                        sink.flush();
                        try {
                            release.await(60, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }).build());
    }

    /** Queues a reply refusing the API key, as OpenAI sends it. */
    public void queueRefusedKey() {
        server.enqueue(new MockResponse.Builder().code(401).setHeader("Content-Type", "application/json")
                .body("{\"error\": {\"message\": \"Incorrect API key provided.\", \"type\": \"invalid_request_error\", "
                        + "\"code\": \"invalid_api_key\"}}").build());
    }

    private void outline(String title) {
        server.enqueue(ChatReplies.streamed("{\"title\": \"" + title + "\", \"kind\": \"guide\", \"sections\": "
                + "[{\"heading\": \"The starter\", \"points\": [\"feed it\"]}]}"));
    }

    private void metadataAndVisuals(String title) {
        server.enqueue(ChatReplies.streamed("{\"title\": \"" + title + "\", \"metaDescription\": \"Sourdough bread "
                + "made simple for home bakers: the starter, the dough and the bake.\", \"tags\": [\"bread\"], "
                + "\"seoKeywords\": [\"sourdough bread\"]}"));
        server.enqueue(ChatReplies.streamed("{\"visualContentSuggestions\": [{\"type\": \"featured-image\", "
                + "\"title\": \"A loaf\", \"placement\": \"top\", \"altText\": \"A sourdough loaf\"}]}"));
    }

    @Override
    public void close() throws IOException {
        release.countDown();
        server.close();
    }
}
