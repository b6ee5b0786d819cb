package dev.postwright.seo.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The title width is measured as a browser lays the title out in Arial at 20 px: checked against
 * Java2D's own layout of Liberation Sans (Arial's metric twin; Debian's fonts-liberation, which
 * {@code .ci/run} installs), title by title and glyph by glyph.
 */
public class TitleWidthTest {
    /** Where Debian keeps Liberation Sans. */
    static final Path FONT = Path.of("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf");

    /** {@code title}'s width in Arial at 20 px, laid out by Java2D from the font file. */
    public static double measured(String title) {
        try {
            Font font = Font.createFont(Font.TRUETYPE_FONT, FONT.toFile()).deriveFont(20f);
            return new TextLayout(title, font, new FontRenderContext(null, true, true)).getAdvance();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.awt.FontFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean fontInstalled() {
        return Files.isReadable(FONT);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "How to Bake Sourdough Bread at Home: A Beginner's Guide",
            "Two-Factor Authentication for Small Teams — What to Turn On First",
            "Belegausgabepflicht: Was Händler über Kassenbons wissen müssen",
            "“Quoted” titles, (brackets) & symbols: 100% €5 … ok?",
            "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWW", "iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiii"})
    void aTitleIsAsWideAsJava2dLaysItOutInArialsMetrics(String title) {
        assumeTrue(fontInstalled(), "needs Debian's fonts-liberation (.ci/run installs it)");
        assertThat((double) SeoTitleWidth.pixels(title)).isCloseTo(measured(title), org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void everyGlyphOfTheTableIsTheFontsAdvance() throws Exception {
        assumeTrue(fontInstalled(), "needs Debian's fonts-liberation (.ci/run installs it)");
        Font font = Font.createFont(Font.TRUETYPE_FONT, FONT.toFile()).deriveFont(2048f);
        var context = new FontRenderContext(null, false, true);
        String table;
        try (var in = SeoTitleWidth.class.getResourceAsStream("title-glyph-widths.txt")) {
            table = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        int checked = 0;
        for (String line : table.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] parts = line.split(" ");
            String glyph = Character.toString(Integer.parseInt(parts[0], 16));
            float advance = font.createGlyphVector(context, glyph).getGlyphMetrics(0).getAdvance();
            assertThat(Integer.parseInt(parts[1])).as("U+%s", parts[0]).isEqualTo(Math.round(advance));
            checked++;
        }
        assertThat(checked).isGreaterThan(300);
    }
}
