package dev.postwright.wire;

import java.util.ArrayList;
import java.util.List;

/** The small file of job ids a team-server client keeps: {@code {"jobs": ["<id>", …]}}. */
public final class JobIdLists {
    private static final String FIELD = "jobs";

    private JobIdLists() {}

    /**
     * The ids in {@code json}.
     *
     * @throws WireFormatException when it is not JSON
     */
    public static List<String> read(String json) {
        List<String> ids = new ArrayList<>();
        Json.parse(json, "the remote jobs list").path(FIELD).forEach(n -> {
            if (n.isTextual()) ids.add(n.asText());
        });
        return ids;
    }

    public static String write(List<String> ids) {
        var root = Json.object();
        var array = root.putArray(FIELD);
        ids.forEach(array::add);
        return Json.write(root);
    }
}
