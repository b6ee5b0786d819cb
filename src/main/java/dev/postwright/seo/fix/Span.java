package dev.postwright.seo.fix;

/**
 * Where a fix applies: {@code text} is {@code [start, end)} of the field {@code part} names (of
 * the Markdown body for the parts inside it; the whole field otherwise).
 */
public record Span(Part part, int start, int end, String text) {
    public Span {
        if (start < 0 || end < start || end - start != text.length()) {
            throw new IllegalArgumentException("A span's text must be its range: " + start + ".." + end);
        }
    }

    /** The whole of a field. */
    public static Span whole(Part part, String text) {
        return new Span(part, 0, text.length(), text);
    }
}
