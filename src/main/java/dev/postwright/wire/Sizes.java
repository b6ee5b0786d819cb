package dev.postwright.wire;

import java.util.Locale;

/** Human-readable byte counts for messages. */
public final class Sizes {
    private Sizes() {}

    public static String describe(long bytes) {
        if (bytes >= 1024 * 1024) return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        if (bytes >= 1024) return String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
        return bytes + " bytes";
    }
}
