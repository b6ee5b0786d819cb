package dev.postwright.images.offline;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The two typefaces shipped with the app (DejaVu Sans Condensed Bold for headlines, DejaVu Sans for
 * the rest; Bitstream Vera licence, beside them in {@code fonts/}), so a card looks the same on
 * every machine whatever fonts it has. {@link Font}s are immutable, so one pair serves every thread.
 */
record CardFonts(Font headline, Font text) {
    private static volatile CardFonts shipped;

    /**
     * The shipped pair, read on first use. A failure (the JDK copies a font to the temporary folder
     * to read it, and that folder may be full or read-only) is thrown to this caller and the next
     * one tries again, so a passing fault does not disable the maker until a restart.
     *
     * @throws IOException saying which font could not be read
     */
    static CardFonts shipped() throws IOException {
        CardFonts fonts = shipped;
        if (fonts != null) return fonts;
        synchronized (CardFonts.class) {
            if (shipped == null) shipped = new CardFonts(load("DejaVuSansCondensed-Bold.ttf"), load("DejaVuSans.ttf"));
            return shipped;
        }
    }

    /** The headline face at {@code size}, or the system's bold sans-serif if it lacks a glyph of {@code line}. */
    Font headline(float size, String line) {
        return (covers(headline, line) ? headline : new Font(Font.SANS_SERIF, Font.BOLD, 1)).deriveFont(size);
    }

    /** The text face at {@code size}, or the system's sans-serif if it lacks a glyph of {@code line}. */
    Font text(float size, String line) {
        return (covers(text, line) ? text : new Font(Font.SANS_SERIF, Font.PLAIN, 1)).deriveFont(size);
    }

    /**
     * DejaVu covers Latin, Greek and Cyrillic but not, say, Japanese: rather than boxes, such a line
     * is set in the logical font, which draws from whatever fonts the machine has.
     */
    private static boolean covers(Font font, String line) {
        return font.canDisplayUpTo(line) == -1;
    }

    private static Font load(String file) throws IOException {
        try (InputStream in = CardFonts.class.getResourceAsStream("/dev/postwright/images/fonts/" + file)) {
            if (in == null) throw new IOException("the font " + file + " is missing from the app");
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (FontFormatException e) {
            throw new IOException("the font " + file + " is damaged", e);
        }
    }
}
