package dev.postwright.render.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

/**
 * Runs of text in a Word paragraph: plain, or a real hyperlink (a relationship Word follows).
 * Links go only to web and mail addresses; anything else is written as its text alone.
 */
final class DocxRuns {
    private DocxRuns() {}

    /** A run of {@code text}, or null when it is empty. */
    static XWPFRun text(XWPFParagraph paragraph, String text) {
        String clean = DocxText.clean(text);
        if (clean.isEmpty()) return null;
        XWPFRun run = paragraph.createRun();
        run.setText(clean);
        return run;
    }

    /** {@code text} linked to {@code url} when it is a web or mail address Word can follow, else plain text. */
    static XWPFRun linked(XWPFParagraph paragraph, String url, String text) {
        String clean = DocxText.clean(text);
        if (clean.isEmpty()) return null;
        String target = target(url);
        if (target == null) return text(paragraph, clean);
        XWPFRun run = paragraph.createHyperlinkRun(target);
        run.setText(clean);
        run.setStyle("Hyperlink");
        return run;
    }

    /**
     * The address a document may link to: http, https or mailto, cleaned of bidirectional controls
     * and with what a URI cannot hold percent-encoded; null for any other (relative links have
     * nothing to be relative to in a file that travels).
     */
    static String target(String url) {
        if (url == null || !SafeUrls.isSafeLink(url)) return null;
        String safe = SafeUrls.webLinkOrNull(url);
        if (safe == null) {
            String stripped = url.strip();
            if (!stripped.toLowerCase(Locale.ROOT).startsWith("mailto:")) return null;
            safe = stripped;
        }
        String encoded = encode(safe);
        try {
            return new URI(encoded).toASCIIString();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** Percent-encodes spaces, non-ASCII and the other characters a URI may not carry as they are. */
    private static String encode(String url) {
        var out = new StringBuilder(url.length() + 16);
        for (byte b : url.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c <= 0x20 || c >= 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0) out.append('%').append(String.format("%02X", c));
            else out.append((char) c);
        }
        return out.toString();
    }
}
