package dev.postwright.wire;

import java.util.regex.Pattern;

/**
 * Server-Sent Events framing, as the HTML standard defines it. Data spanning lines becomes
 * several {@code data:} lines (LF, CRLF and CR all split), so any JSON survives; event names
 * and ids may not contain line breaks, because a break there would let content forge fields.
 * Stateless and thread-safe.
 */
public final class SseFrameWriter {
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

    private SseFrameWriter() {}

    /**
     * One event frame ending in a blank line.
     *
     * @param event the event name, or null for an unnamed ("message") event
     * @param id    the event id, or null
     */
    public static String event(String event, String id, String data) {
        var out = new StringBuilder(data.length() + 64);
        if (event != null) out.append("event: ").append(singleLine(event, "event name")).append('\n');
        if (id != null) out.append("id: ").append(singleLine(id, "event id")).append('\n');
        for (String line : LINE_BREAK.split(data, -1)) {
            out.append("data: ").append(line).append('\n');
        }
        return out.append('\n').toString();
    }

    /** A comment frame (one {@code :} line per line of {@code text}), e.g. {@code : keepalive}. */
    public static String comment(String text) {
        var out = new StringBuilder(text.length() + 8);
        for (String line : LINE_BREAK.split(text, -1)) {
            out.append(": ").append(line).append('\n');
        }
        return out.append('\n').toString();
    }


    private static String singleLine(String value, String what) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("an SSE " + what + " must not contain a line break");
        }
        return value;
    }
}
