package dev.postwright.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;

/**
 * The one configured Jackson mapper and the bounded parsing every codec uses. Thread-safe.
 * Limits stop hostile input early: no string over 4 M characters, no nesting over 64 levels.
 */
public final class Json {
    public static final int MAX_STRING_CHARS = 4_000_000;
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(MAX_STRING_CHARS)
                .maxNestingDepth(64)
                .maxNumberLength(100)
                .build());
    }

    /** Bodies are one JSON value: anything after it but white space is malformed. */
    private static final ObjectReader ONE_VALUE = MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {}

    /** Parses {@code text}; malformed input gives a message naming the line and column. */
    public static JsonNode parse(String text, String what) {
        try {
            return MAPPER.readTree(text);
        } catch (StreamConstraintsException e) {
            throw new WireFormatException(capitalized(what) + " has a value too large to read.", e);
        } catch (JsonProcessingException e) {
            throw malformed(what, e);
        }
    }

    /**
     * Reads at most {@code maxBytes} from {@code in} and parses them. Larger input is refused
     * before any parsing, so a 10 MB body costs at most {@code maxBytes} of memory. The input is
     * one JSON value: bytes after it (other than white space) are malformed.
     */
    public static JsonNode parse(InputStream in, int maxBytes, String what) throws IOException {
        byte[] bytes = in.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw new WireFormatException("%s is larger than the limit of %s. Make it shorter."
                    .formatted(capitalized(what), Sizes.describe(maxBytes)));
        }
        try {
            return ONE_VALUE.readTree(bytes);
        } catch (StreamConstraintsException e) {
            throw new WireFormatException(capitalized(what) + " has a value too large to read.", e);
        } catch (JsonProcessingException e) {
            throw malformed(what, e);
        }
    }

    /** {@code bytes} as one JSON value (bytes after it, but white space, are malformed), within the size limits. */
    static JsonNode readOne(byte[] bytes) throws IOException {
        return ONE_VALUE.readTree(bytes);
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** {@code text} as a JSON string literal, quotes included: also a valid JavaScript string literal. */
    /** {@code ["a", "b", …]}. */
    public static String stringArray(java.util.Collection<String> values) {
        var array = array();
        values.forEach(array::add);
        return write(array);
    }

    public static String quote(String text) {
        return write(com.fasterxml.jackson.databind.node.TextNode.valueOf(text));
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    private static WireFormatException malformed(String what, JsonProcessingException e) {
        var where = e.getLocation();
        String at = where == null ? "" : " (line %d, column %d)".formatted(where.getLineNr(), where.getColumnNr());
        return new WireFormatException(capitalized(what) + " is not valid JSON" + at + ".", e);
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
