package dev.postwright.llm.openai;

import dev.postwright.wire.Json;
import mockwebserver3.MockResponse;

/** Replies in the OpenAI streaming chunk shape, for loopback servers in tests. */
public final class ChatReplies {
    private ChatReplies() {}

    /** {@code text} streamed a few characters per chunk, then {@code [DONE]}. */
    public static MockResponse streamed(String text) {
        var out = new StringBuilder();
        for (int i = 0; i < text.length(); i += 7) {
            var chunk = Json.object();
            chunk.putArray("choices").addObject().putObject("delta").put("content",
                    text.substring(i, Math.min(text.length(), i + 7)));
            out.append("data: ").append(Json.write(chunk)).append("\n\n");
        }
        return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
                .body(out.append("data: [DONE]\n\n").toString()).build();
    }
}
