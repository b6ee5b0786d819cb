package dev.postwright.settings;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The JSON type each setting a writer may edit by hand must have. A value of the right type that
 * cannot be used (an empty folder, 99 workers, an unknown theme) falls back to its default
 * quietly; a value of the wrong type ({@code "dataDir": 7}) means the file was not written by
 * Postwright as it is, so it is reported, in words, instead of being turned into something
 * (a folder named "7").
 */
final class SettingTypes {
    private SettingTypes() {}

    /** What is wrong, as a sentence, or null when every setting present has its type. */
    static String problem(JsonNode root) {
        JsonNode model = root.path("model");
        if (wrong(model, JsonNode::isObject)) return "model should be a group of settings in braces, like "
                + "{\"kind\": \"offline\"}, not " + model;
        for (String field : new String[] {"kind", "baseUrl", "model", "file"}) {
            if (wrong(model.path(field), JsonNode::isTextual)) return "model." + field + " should be text in quotes, not "
                    + model.path(field);
        }
        for (String field : new String[] {"threads", "contextSize", "gpuLayers"}) {
            if (wrong(model.path(field), JsonNode::isIntegralNumber)) return "model." + field
                    + " should be a whole number (0 for automatic), not " + model.path(field);
        }
        if (wrong(root.path("workers"), JsonNode::isIntegralNumber)) return "workers should be a whole number from "
                + Settings.MIN_WORKERS + " to " + Settings.MAX_WORKERS + ", not " + root.path("workers");
        if (wrong(root.path("theme"), JsonNode::isTextual)) return "theme should be \"light\" or \"dark\", not "
                + root.path("theme");
        if (wrong(root.path("dataDir"), JsonNode::isTextual)) return "dataDir should be a folder path in quotes, like "
                + "\"/home/you/Postwright\", not " + root.path("dataDir");
        JsonNode team = root.path("teamServer");
        if (wrong(team, JsonNode::isObject)) return "teamServer should be a group of settings in braces, like "
                + "{\"url\": \"https://blog.example.com\"}, not " + team;
        for (String field : new String[] {"url", "dialect"}) {
            if (wrong(team.path(field), JsonNode::isTextual)) return "teamServer." + field + " should be text in quotes, not "
                    + team.path(field);
        }
        return null;
    }

    /** Absent and null are fine: the default applies. */
    private static boolean wrong(JsonNode value, java.util.function.Predicate<JsonNode> right) {
        return !value.isMissingNode() && !value.isNull() && !right.test(value);
    }
}
