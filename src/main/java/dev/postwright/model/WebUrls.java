package dev.postwright.model;

import java.util.Locale;

/**
 * Web addresses as writers paste them: the one check that brief validation and the exports
 * agree on, the invisible characters that make an address read differently from where it goes,
 * and the encoding that keeps an address inside a Markdown link. Stateless.
 */
public final class WebUrls {
    private static final String RFC3986_ASCII = "-._~:/?#@!$&'()*+,;=";
    private static final String ENDS_A_MARKDOWN_DESTINATION = "()<>[]\\`\"'";

    private WebUrls() {}

    /**
     * {@code url} without bidirectional controls (U+202A–U+202E, U+2066–U+2069), which make an
     * address display in another order than the one a browser follows; null stays null.
     */
    public static String withoutBidiControls(String url) {
        if (url == null) return null;
        var out = new StringBuilder(url.length());
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (!isBidiControl(c)) out.append(c);
        }
        return out.length() == url.length() ? url : out.toString();
    }

    public static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    /**
     * True when {@code url} (after {@link String#strip()}) starts with {@code http://} or
     * {@code https://} and has something after it: the one check of "is this a web address" that
     * briefs, settings, the team-server form and the command line share, so {@code javascript:}
     * links and relative paths are refused everywhere with the same words. Null is not one.
     * {@link #isSingleWebUrl} is the stricter check for addresses that go into posts.
     */
    public static boolean isWebAddress(String url) {
        if (url == null) return false;
        String t = url.strip().toLowerCase(Locale.ROOT);
        return (t.startsWith("https://") || t.startsWith("http://")) && t.length() > t.indexOf("//") + 2;
    }

    /**
     * True when {@code url} (after {@link String#strip()}) is exactly one absolute http(s)
     * address: the scheme, a host name (or a bracketed IPv6 address) with an optional port, then
     * a path, query and fragment of the characters RFC 3986 allows, {@code %XX} escapes, or
     * letters beyond ASCII (as browsers show them). Spaces, control and format characters, user
     * info, brackets outside the host, quotes, {@code < > \ ^ ` { | }} and so a second address
     * glued on are all refused: nothing in an accepted address can end a Markdown or HTML link.
     */
    public static boolean isSingleWebUrl(String url) {
        if (url == null) return false;
        String s = url.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        int rest = lower.startsWith("https://") ? 8 : lower.startsWith("http://") ? 7 : -1;
        if (rest < 0) return false;
        int end = s.length();
        for (int i = rest; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        return isAuthority(s.substring(rest, end)) && isPathQueryFragment(s.substring(end));
    }

    private static boolean isAuthority(String authority) {
        // User info ("https://bank.example@evil.example") only serves to disguise the real host.
        if (authority.isEmpty() || authority.indexOf('@') >= 0) return false;
        String port = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 2) return false;
            String host = authority.substring(1, close);
            if (!host.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0)) return false;
            String after = authority.substring(close + 1);
            if (!after.isEmpty() && !after.startsWith(":")) return false;
            if (!after.isEmpty()) port = after.substring(1);
        } else {
            int colon = authority.indexOf(':');
            String host = colon < 0 ? authority : authority.substring(0, colon);
            if (colon >= 0) port = authority.substring(colon + 1);
            if (host.isEmpty() || host.startsWith(".") || host.startsWith("-")) return false;
            if (!host.chars().allMatch(c -> c == '-' || c == '.' || Character.isLetterOrDigit(c))) return false;
        }
        return port == null || (!port.isEmpty() && port.length() <= 5 && port.chars().allMatch(c -> c >= '0' && c <= '9'));
    }

    private static boolean isPathQueryFragment(String tail) {
        for (int i = 0; i < tail.length(); i++) {
            char c = tail.charAt(i);
            if (c == '%') {
                if (i + 2 >= tail.length() || Character.digit(tail.charAt(i + 1), 16) < 0
                        || Character.digit(tail.charAt(i + 2), 16) < 0) return false;
            } else if (c < 0x80) {
                if (!(Character.isLetterOrDigit(c) || RFC3986_ASCII.indexOf(c) >= 0)) return false;
            } else if (Character.isSpaceChar(c) || Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                return false; // bidi controls are FORMAT characters
            }
        }
        return true;
    }

    /**
     * {@code url} ready for a Markdown link destination {@code [text](…)}: stripped, without
     * bidirectional controls, and with every character that could end the destination or start
     * other syntax (spaces, controls, {@code ( ) < > [ ] \ ` "} and {@code '}) percent-encoded,
     * so the link goes exactly where the address says and nowhere else.
     */
    public static String forMarkdown(String url) {
        String s = withoutBidiControls(url).strip();
        var out = new StringBuilder(s.length() + 8);
        s.codePoints().forEach(c -> {
            if (c <= ' ' || Character.isISOControl(c) || Character.isSpaceChar(c)
                    || ENDS_A_MARKDOWN_DESTINATION.indexOf(c) >= 0) {
                percentEncode(c, out);
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** The UTF-8 bytes of {@code c} as {@code %XX} escapes (by hand: the model uses no java.nio). */
    private static void percentEncode(int c, StringBuilder out) {
        if (c < 0x80) {
            hex(c, out);
        } else if (c < 0x800) {
            hex(0xC0 | (c >> 6), out);
            hex(0x80 | (c & 0x3F), out);
        } else if (c < 0x10000) {
            hex(0xE0 | (c >> 12), out);
            hex(0x80 | ((c >> 6) & 0x3F), out);
            hex(0x80 | (c & 0x3F), out);
        } else {
            hex(0xF0 | (c >> 18), out);
            hex(0x80 | ((c >> 12) & 0x3F), out);
            hex(0x80 | ((c >> 6) & 0x3F), out);
            hex(0x80 | (c & 0x3F), out);
        }
    }

    private static void hex(int b, StringBuilder out) {
        out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
    }
}
