package dev.postwright.llm.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postwright.wire.Json;
import dev.postwright.wire.WireFormatException;

/**
 * Finds the JSON object in a model's reply, which may come fenced (```json … ```) or wrapped in
 * chat ("Sure! Here is the outline: {…} Hope this helps."). Strings are scanned properly, so
 * braces inside them do not confuse the search.
 */
public final class JsonReplies {
    private JsonReplies() {}

    /** The first complete JSON object in {@code reply}. */
    public static JsonNode object(String reply) {
        int start = reply.indexOf('{');
        while (start >= 0) {
            int end = matchingBrace(reply, start);
            if (end > start) {
                try {
                    JsonNode node = Json.parse(reply.substring(start, end + 1), "the model's reply");
                    if (node.isObject()) return node;
                } catch (WireFormatException e) {
                    // not JSON after all: try the next opening brace
                }
            }
            start = reply.indexOf('{', start + 1);
        }
        throw new WireFormatException("The model's reply holds no JSON object.");
    }

    private static int matchingBrace(String s, int open) {
        int depth = 0;
        boolean inString = false;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inString) {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
