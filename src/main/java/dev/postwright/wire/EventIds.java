package dev.postwright.wire;

import java.util.OptionalLong;

/** SSE event ids of the form {@code <jobId>:<seq>} (protocol 1.6). */
public final class EventIds {
    private EventIds() {}

    public static String format(String jobId, long seq) {
        return jobId + ":" + seq;
    }

    /** The sequence number in {@code id} if it belongs to {@code jobId}; empty for anything else. */
    public static OptionalLong seqOf(String id, String jobId) {
        if (id == null || !id.startsWith(jobId + ":")) return OptionalLong.empty();
        try {
            long seq = Long.parseLong(id.substring(jobId.length() + 1));
            return seq < 0 ? OptionalLong.empty() : OptionalLong.of(seq);
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
