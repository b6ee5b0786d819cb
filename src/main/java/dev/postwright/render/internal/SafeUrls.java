package dev.postwright.render.internal;

import dev.postwright.model.WebUrls;
import java.util.Locale;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * Lets through only web links, mail links and relative links; anything else ({@code javascript:},
 * {@code data:}, {@code vbscript:}, {@code file:}) becomes "#" (links) or is dropped (images), but
 * for images embedded as base64 PNG, JPEG or WebP.
 * Control characters and spaces inside a scheme, which browsers ignore, cannot smuggle one past.
 * Every URL let through loses its bidirectional controls, which make an address display in an
 * order other than the one a browser follows.
 */
public final class SafeUrls implements UrlSanitizer {
    public static final SafeUrls INSTANCE = new SafeUrls();
    /** Pictures browsers decode without running anything (no SVG, which can hold scripts). */
    private static final java.util.regex.Pattern IMAGE_DATA =
            java.util.regex.Pattern.compile("data:image/(?:png|jpeg|webp);base64,[A-Za-z0-9+/]+=*");

    private SafeUrls() {}

    @Override
    public String sanitizeLinkUrl(String url) {
        return isSafeLink(url) ? clean(url) : "#";
    }

    @Override
    public String sanitizeImageUrl(String url) {
        return isSafeImage(url) ? clean(url) : "";
    }

    /** The URL if it is a safe http(s) link, else null; for embed cards, which link only to the web. */
    public static String webLinkOrNull(String url) {
        if (url == null) return null;
        String lower = squeezed(url);
        return lower.startsWith("https://") || lower.startsWith("http://") ? clean(url) : null;
    }

    /** True for a web, mail or relative link. */
    public static boolean isSafeLink(String url) {
        return isSafe(url, true);
    }

    /** True for a web or relative image source, or a {@code data:} URL of a PNG, JPEG or WebP picture. */
    public static boolean isSafeImage(String url) {
        return isSafe(url, false) || (url != null && IMAGE_DATA.matcher(url).matches());
    }

    private static String clean(String url) {
        return WebUrls.withoutBidiControls(url).strip();
    }

    private static boolean isSafe(String url, boolean allowMail) {
        String lower = squeezed(url);
        int colon = lower.indexOf(':');
        int boundary = firstOf(lower, '/', '?', '#');
        if (colon < 0 || (boundary >= 0 && boundary < colon)) return true; // relative: no scheme before the path
        String scheme = lower.substring(0, colon);
        return scheme.equals("http") || scheme.equals("https") || (allowMail && scheme.equals("mailto"));
    }

    /** Lower case, without the whitespace and control characters browsers skip in a scheme (and bidi controls). */
    private static String squeezed(String url) {
        var out = new StringBuilder(url.length());
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c > ' ' && c != 0x7f && !WebUrls.isBidiControl(c)) out.append(c);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static int firstOf(String s, char... chars) {
        int first = -1;
        for (char c : chars) {
            int i = s.indexOf(c);
            if (i >= 0 && (first < 0 || i < first)) first = i;
        }
        return first;
    }
}
