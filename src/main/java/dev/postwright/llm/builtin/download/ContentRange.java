package dev.postwright.llm.builtin.download;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code Content-Range} header of a 206 ({@code bytes 100-199/200}) or a 416 ({@code bytes *}{@code /200}).
 *
 * @param first the first byte sent; -1 when none was ({@code *})
 * @param total the file's full size; -1 when the server did not say ({@code /*})
 */
record ContentRange(long first, long total) {
    private static final Pattern HEADER = Pattern.compile("\\s*bytes\\s+(?:(\\d+)-\\d+|\\*)\\s*/\\s*(\\d+|\\*)\\s*");

    static Optional<ContentRange> parse(String header) {
        if (header == null) return Optional.empty();
        Matcher m = HEADER.matcher(header);
        if (!m.matches()) return Optional.empty();
        try {
            long first = m.group(1) == null ? -1 : Long.parseLong(m.group(1));
            long total = m.group(2).equals("*") ? -1 : Long.parseLong(m.group(2));
            return Optional.of(new ContentRange(first, total));
        } catch (NumberFormatException tooLong) {
            return Optional.empty();
        }
    }
}
