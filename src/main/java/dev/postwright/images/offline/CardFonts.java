package dev.postwright.images.offline;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The two typefaces shipped with the app (DejaVu Sans Condensed Bold for headlines, DejaVu Sans for
 * the rest; Bitstream Vera licence, beside them in {@code fonts/}), so a card looks the same on
 * every machine whatever fonts it has. Loaded once, on first use; {@link Font}s are immutable.
 */
final class CardFonts {
    private CardFonts() {}

    private static final class Loaded {
        static final Font HEADLINE = load("DejaVuSansCondensed-Bold.ttf");
        static final Font TEXT = load("DejaVuSans.ttf");
    }

    static Font headline(float size) {
        return Loaded.HEADLINE.deriveFont(size);
    }

    static Font text(float size) {
        return Loaded.TEXT.deriveFont(size);
    }

    private static Font load(String file) {
        try (InputStream in = CardFonts.class.getResourceAsStream("/dev/postwright/images/fonts/" + file)) {
            if (in == null) throw new IllegalStateException("the font " + file + " is missing from the app");
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException("the font " + file + " could not be read", e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("the font " + file + " is damaged", e);
        }
    }
}
