package dev.postwright.render.internal;

/** Text as a Word document may hold it: XML 1.0 has no place for most control characters. */
final class DocxText {
    private DocxText() {}

    /** {@code text} without the characters XML 1.0 forbids (tabs and line ends become spaces). */
    static String clean(String text) {
        if (text == null) return "";
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') out.append(' ');
            else if (c >= 0x20 && c != 0xFFFE && c != 0xFFFF) {
                if (Character.isSurrogate(c)) {
                    boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1));
                    if (pair) out.append(c).append(text.charAt(++i));
                } else {
                    out.append(c);
                }
            }
        }
        return out.toString();
    }
}
