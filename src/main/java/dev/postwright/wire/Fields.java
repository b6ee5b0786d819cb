package dev.postwright.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tolerant reading and tidy writing of JSON fields. Reading never throws: a field that is
 * absent, null or of a shape we cannot use reads as null (or empty), because producers in the
 * wild send partial and oddly typed objects. Where producers disagree on a name, readers take
 * the alternatives in order of preference.
 */
final class Fields {
    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*(-?\\d+(?:\\.\\d+)?)");

    private Fields() {}

    /** The first of {@code names} holding a string, number or boolean, as text. */
    static String text(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && value.isValueNode() && !value.isNull()) return value.asText();
        }
        return null;
    }

    /** A number, or a string starting with one ("85", "85/100", "85%"). */
    static Double number(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) continue;
            if (value.isNumber()) return value.doubleValue();
            if (value.isTextual()) {
                Matcher m = LEADING_NUMBER.matcher(value.asText());
                if (m.find()) return Double.parseDouble(m.group(1));
            }
        }
        return null;
    }

    static Long whole(JsonNode node, String... names) {
        Double d = number(node, names);
        return d == null ? null : Math.round(d);
    }

    static Integer integer(JsonNode node, String... names) {
        Double d = number(node, names);
        return d == null ? null : (int) Math.round(d);
    }

    /** A boolean, also from "true"/"false" text; {@code fallback} when absent or unreadable. */
    static boolean bool(JsonNode node, String name, boolean fallback) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) return fallback;
        if (value.isBoolean()) return value.booleanValue();
        if (value.isTextual() && value.asText().equalsIgnoreCase("true")) return true;
        if (value.isTextual() && value.asText().equalsIgnoreCase("false")) return false;
        return fallback;
    }

    static Boolean optionalBool(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || !value.isBoolean() ? null : value.booleanValue();
    }

    /** The objects of an array field, each read by {@code reader}; other elements are skipped. */
    static <T> List<T> objects(JsonNode node, String name, Function<JsonNode, T> reader) {
        JsonNode array = node.get(name);
        if (array == null || !array.isArray()) return List.of();
        List<T> out = new ArrayList<>(array.size());
        for (JsonNode element : array) {
            if (element.isObject()) out.add(reader.apply(element));
        }
        return out;
    }

    /** The strings of an array field; a single string reads as a one-element list. */
    static List<String> strings(JsonNode node, String name) {
        JsonNode array = node.get(name);
        if (array == null || array.isNull()) return List.of();
        if (array.isTextual()) return List.of(array.asText());
        if (!array.isArray()) return List.of();
        List<String> out = new ArrayList<>(array.size());
        for (JsonNode element : array) {
            if (element.isValueNode() && !element.isNull()) out.add(element.asText());
        }
        return out;
    }

    /** The object at {@code name}, or null. */
    static JsonNode object(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        return value != null && value.isObject() ? value : null;
    }

    static void put(ObjectNode out, String name, String value) {
        if (value != null) out.put(name, value);
    }

    static void put(ObjectNode out, String name, Long value) {
        if (value != null) out.put(name, value);
    }

    static void put(ObjectNode out, String name, Integer value) {
        if (value != null) out.put(name, value);
    }

    /** Writes whole numbers without a fraction (85, not 85.0). */
    static void put(ObjectNode out, String name, Double value) {
        if (value == null) return;
        if (value == Math.rint(value) && Math.abs(value) < 1e15) out.put(name, value.longValue());
        else out.put(name, value);
    }

    static void put(ObjectNode out, String name, Boolean value) {
        if (value != null) out.put(name, value);
    }

    static void putStrings(ObjectNode out, String name, List<String> values) {
        var array = out.putArray(name);
        values.forEach(array::add);
    }

    static <T> void putObjects(ObjectNode out, String name, List<T> values, Function<T, JsonNode> writer) {
        var array = out.putArray(name);
        values.forEach(v -> array.add(writer.apply(v)));
    }
}
