package dev.postwright.render;

/** Escaping for text placed in HTML outside commonmark's writer (document titles, attributes). */
final class Html {
    private Html() {}

    static String escape(String text) {
        if (text == null) return "";
        var out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
