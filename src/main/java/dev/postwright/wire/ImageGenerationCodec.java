package dev.postwright.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * OpenAI's image API, {@code POST /v1/images/generations}, as OpenAI, LocalAI and
 * stable-diffusion.cpp's server speak it: the request, the first image of a reply, and the
 * sentence of an error body. A reply is read as a stream: {@code b64_json} is decoded while it is
 * read, never held as text, so a 20 MB picture costs its decoded bytes and not a 27 MB string too.
 * Thread-safe.
 */
public final class ImageGenerationCodec {
    /** Longer than any {@code data:} URL a capped reply can hold; the caller caps the body itself. */
    private static final int MAX_URL_CHARS = 32 * 1024 * 1024;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_URL_CHARS).maxNestingDepth(64)
                    .maxNumberLength(100).build())
            .build();

    private ImageGenerationCodec() {}

    /** The first picture of a reply: its bytes, or where to fetch them ({@code url}, maybe a {@code data:} URL). */
    public sealed interface Generated {
        record Bytes(byte[] bytes) implements Generated {}

        record Link(String url) implements Generated {}
    }

    /**
     * {@code {"model", "prompt", "size", "n": 1, "response_format": "b64_json"}}; without
     * {@code response_format} when {@code askForBase64} is false, for servers that refuse the field.
     */
    public static String request(String model, String prompt, String size, boolean askForBase64) {
        ObjectNode body = Json.object().put("model", model).put("prompt", prompt).put("size", size).put("n", 1);
        if (askForBase64) body.put("response_format", "b64_json");
        return Json.write(body);
    }

    /**
     * Reads {@code {"created", "data": [{"b64_json" | "url", "revised_prompt"}]}} and returns the
     * first image. Exceptions thrown by {@code body} (a size cap, a dropped connection) pass through.
     *
     * @throws WireFormatException when the reply is not JSON, or holds no image
     */
    public static Generated reply(InputStream body) throws IOException {
        try (JsonParser parser = FACTORY.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) throw noImage();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("data") && value == JsonToken.START_ARRAY) {
                    if (parser.nextToken() == JsonToken.START_OBJECT) return firstImage(parser);
                    throw noImage();
                }
                parser.skipChildren();
            }
            throw noImage();
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            String at = where == null ? "" : " (line %d, column %d)".formatted(where.getLineNr(), where.getColumnNr());
            throw new WireFormatException("The image server's reply is not valid JSON" + at + ".", e);
        }
    }

    private static Generated firstImage(JsonParser parser) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.VALUE_STRING && field.equals("b64_json")) {
                var bytes = new ByteArrayOutputStream(1 << 20);
                parser.readBinaryValue(bytes);
                return new Generated.Bytes(bytes.toByteArray());
            }
            if (value == JsonToken.VALUE_STRING && field.equals("url")) return new Generated.Link(parser.getText());
            parser.skipChildren();
        }
        throw noImage();
    }

    private static WireFormatException noImage() {
        return new WireFormatException("The image server's reply holds no image (no data[0].b64_json or data[0].url).");
    }

    /**
     * The sentence of an error body: OpenAI's {@code {"error": {"message"}}}, {@code {"error": "…"}},
     * FastAPI's {@code {"detail"}} or a bare {@code {"message"}}; empty for anything else.
     */
    public static Optional<String> errorMessage(String body) {
        if (body == null || body.isBlank()) return Optional.empty();
        try {
            JsonNode node = Json.parse(body, "the image server's error");
            for (JsonNode candidate : new JsonNode[] {node.path("error").path("message"), node.path("error"),
                    node.path("detail"), node.path("detail").path(0).path("msg"), node.path("message")}) {
                if (candidate.isTextual() && !candidate.asText().isBlank()) return Optional.of(candidate.asText());
            }
        } catch (WireFormatException notJson) {
            // A proxy's HTML page or plain text: no sentence to quote.
        }
        return Optional.empty();
    }
}
