package dev.postwright.llm.builtin;

import java.util.Locale;

/** Sizes as a writer reads them: "780 MB", "2.1 GB" (decimal units, as disks and downloads show them). */
public final class Bytes {
    private Bytes() {}

    public static String describe(long bytes) {
        if (bytes >= 1_000_000_000L) return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
        if (bytes >= 1_000_000L) return String.format(Locale.ROOT, "%d MB", Math.round(bytes / 1e6));
        if (bytes >= 1_000L) return String.format(Locale.ROOT, "%d kB", Math.round(bytes / 1e3));
        return bytes + " bytes";
    }
}
