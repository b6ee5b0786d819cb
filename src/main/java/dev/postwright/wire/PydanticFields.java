package dev.postwright.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the fields of one JSON object of a Blog SDK request as the SDK's server (Pydantic, lax mode)
 * checks them, adding each problem to a shared list with its {@code loc}: the object's own place
 * ({@code ["body"]}, or {@code ["body", "images", 3]} inside a batch) and the field. Not thread-safe.
 */
final class PydanticFields {
    private final JsonNode body;
    private final List<Object> at;
    private final List<BlogSdkCodec.Problem> problems;

    PydanticFields(JsonNode body, List<Object> at, List<BlogSdkCodec.Problem> problems) {
        this.body = body;
        this.at = List.copyOf(at);
        this.problems = problems;
    }

    /** The place of {@code path} inside this object: {@code ["body", "keywords", 2]}. */
    List<Object> loc(Object... path) {
        List<Object> loc = new ArrayList<>(at);
        loc.addAll(List.of(path));
        return loc;
    }

    void problem(String type, List<Object> loc, String msg) {
        problems.add(new BlogSdkCodec.Problem(type, loc, msg));
    }

    /** A string of {@code min} (after trimming) to {@code max} characters; null when absent or refused. */
    String string(String field, boolean required, int min, int max) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            if (required) problem("missing", loc(field), "Field required");
            return null;
        }
        if (!value.isTextual()) {
            problem("string_type", loc(field), "Input should be a valid string");
            return null;
        }
        String text = value.asText();
        if (text.strip().length() < min) {
            problem("string_too_short", loc(field), "String should have at least " + min + " character"
                    + (min == 1 ? "" : "s"));
            return null;
        }
        if (text.length() > max) {
            problem("string_too_long", loc(field), "String should have at most " + max + " characters");
            return null;
        }
        return text;
    }

    /** One of {@code allowed} (matched without case), in lower case; null when absent or refused. */
    String choice(String field, Set<String> allowed) {
        String value = string(field, false, 0, 100);
        if (value == null) return null;
        String lower = value.toLowerCase(Locale.ROOT);
        if (!allowed.contains(lower)) {
            problem("enum", loc(field), "Input should be " + allowed.stream().sorted().map(a -> "'" + a + "'")
                    .reduce((a, b) -> a + ", " + b).orElse(""));
            return null;
        }
        return lower;
    }

    /** A whole number from {@code min} to {@code max} ({@code "1500"} too); null when absent or refused. */
    /** Whether {@code field} is absent or any whole number (Pydantic's ints are unbounded); a problem otherwise. */
    void anyInteger(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull() || value.isNumber() && value.canConvertToExactIntegral()) return;
        if (value.isTextual() && value.asText().strip().matches("-?\\d+")) return;
        if (value.isNumber()) {
            problem("int_from_float", loc(field), "Input should be a valid integer, got a number with a fractional part");
        } else if (value.isTextual()) {
            problem("int_parsing", loc(field), "Input should be a valid integer, unable to parse string as an integer");
        } else {
            problem("int_type", loc(field), "Input should be a valid integer");
        }
    }

    Integer integer(String field, int min, int max) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) return null;
        int n;
        if (value.isNumber() && value.canConvertToExactIntegral() && value.canConvertToInt()) {
            n = value.intValue();
        } else if (value.isTextual() && value.asText().strip().matches("-?\\d{1,9}")) {
            n = Integer.parseInt(value.asText().strip()); // Pydantic's lax mode takes "1500" too
        } else {
            if (value.isTextual()) {
                problem("int_parsing", loc(field), "Input should be a valid integer, unable to parse string as an integer");
            } else if (value.isNumber() && !value.canConvertToExactIntegral()) {
                problem("int_from_float", loc(field), "Input should be a valid integer, got a number with a fractional part");
            } else {
                problem("int_type", loc(field), "Input should be a valid integer");
            }
            return null;
        }
        if (n < min) {
            problem("greater_than_equal", loc(field), "Input should be greater than or equal to " + min);
            return null;
        }
        if (n > max) {
            problem("less_than_equal", loc(field), "Input should be less than or equal to " + max);
            return null;
        }
        return n;
    }

    /** A boolean ({@code "yes"}, {@code 0} and the like too); null when absent or refused. */
    Boolean bool(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) return null;
        if (value.isBoolean()) return value.booleanValue();
        // Pydantic's lax mode also takes these words and 0/1.
        String word = value.isValueNode() ? value.asText().strip().toLowerCase(Locale.ROOT) : "";
        if (Set.of("true", "1", "yes", "on", "t", "y").contains(word)) return true;
        if (Set.of("false", "0", "no", "off", "f", "n").contains(word)) return false;
        problem("bool_parsing", loc(field), "Input should be a valid boolean, unable to interpret input");
        return null;
    }
}
