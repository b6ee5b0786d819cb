package dev.postwright.images.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.images.BrandColours;
import dev.postwright.images.CardText;
import dev.postwright.images.ImageSize;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

class CardLayoutTest {
    static final String ENDLESS = "The Complete and Unabridged Guide to Every Single Thing a Home Baker Could Ever Want "
            + "to Know About Sourdough Starters, Levains, Hydration, Autolyse, Bulk Fermentation, Shaping, Proofing, "
            + "Scoring, Steam, Ovens, Cooling and Storing Bread for a Week";
    static final String LONG_NAME = "The Exceptionally Long-Named Artisan Sourdough Bakery and Cookery School Cooperative";
    static final List<ImageSize> SIZES = OfflineImageMaker.SIZES;
    private final CardFonts fonts = shippedFonts();

    static CardFonts shippedFonts() {
        try {
            return CardFonts.shipped();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text pixels are exactly the text colour at the glyphs' cores; nothing else on the card is. */
    @ParameterizedTest
    @CsvSource({"1200, 630, #1d3557", "1080, 1080, #ffd166", "1600, 900, #777777", "1200, 630, #ffffff"})
    void noTextLeavesTheMargins(int width, int height, String primary) {
        var size = new ImageSize(width, height);
        var card = new CardText(ENDLESS, "sourdough-starter-maintenance-schedule-for-busy-people", "guide", LONG_NAME,
                new BrandColours(primary, null));
        BufferedImage image = CardRenderer.render(card, size, fonts);
        int text = Palette.of(card.colours()).text().getRGB();
        Rectangle safe = CardLayout.of(card, size, fonts).safe();
        // Anti-aliasing may spill a pixel or two past a glyph's advance; never more.
        Rectangle allowed = new Rectangle(safe.x - 2, safe.y - 2, safe.width + 4, safe.height + 4);
        int inside = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (image.getRGB(x, y) != text) continue;
                assertThat(allowed.contains(x, y)).as("a text pixel at %d,%d outside %s", x, y, allowed).isTrue();
                inside++;
            }
        }
        assertThat(inside).as("text drawn").isGreaterThan(1_000);
    }

    @ParameterizedTest
    @FieldSource("SIZES")
    void everyLineFitsTheSafeArea(ImageSize size) {
        var layout = CardLayout.of(new CardText(ENDLESS, "sourdough", "how-to", LONG_NAME, null), size, fonts);
        for (var line : allLines(layout)) {
            assertThat(line.width()).as(line.text()).isLessThanOrEqualTo(layout.safe().width);
            assertThat(line.x()).isGreaterThanOrEqualTo(layout.safe().x);
        }
        var last = layout.title().getLast();
        assertThat(last.baseline() + last.font().getLineMetrics(last.text(), CardLayout.FRC).getDescent())
                .isLessThan(layout.footer().baseline() - layout.footer().font().getSize2D());
        assertThat(layout.footer().text()).endsWith("…");
    }

    @ParameterizedTest
    @FieldSource("SIZES")
    void aTitleAloneStaysWithinTheSafeArea(ImageSize size) {
        var layout = CardLayout.of(new CardText(ENDLESS, null, null, null, null), size, fonts);
        var first = layout.title().getFirst();
        var last = layout.title().getLast();
        assertThat(first.baseline() - first.font().getLineMetrics("Hg", CardLayout.FRC).getAscent())
                .isGreaterThanOrEqualTo(layout.safe().y);
        assertThat(last.baseline() + last.font().getLineMetrics("Hg", CardLayout.FRC).getDescent())
                .isLessThanOrEqualTo(layout.safe().y + layout.safe().height);
    }

    @ParameterizedTest
    @FieldSource("SIZES")
    void longTitlesShrinkBeforeTheyAreCut(ImageSize size) {
        var shortCard = CardLayout.of(new CardText("Sourdough at Home", null, null, null, null), size, fonts);
        String longTitle = "Sourdough at Home: Starters, Feeding, Shaping, Baking, Scoring, Steaming, Cooling and Keeping "
                + "Your Loaves Fresh and Crusty All Week Long";
        var longer = CardLayout.of(new CardText(longTitle, null, null, null, null), size, fonts);
        var endless = CardLayout.of(new CardText(ENDLESS, null, null, null, null), size, fonts);
        assertThat(size(longer)).isLessThan(size(shortCard));
        assertThat(longer.titleCut()).isFalse();
        assertThat(String.join(" ", longer.title().stream().map(CardLayout.Line::text).toList()))
                .isEqualTo(longTitle);
        assertThat(endless.titleCut()).isTrue();
        assertThat(size(endless)).isLessThanOrEqualTo(size(longer));
        assertThat(endless.title().getLast().text()).endsWith("…");
        assertThat(endless.title()).hasSizeLessThanOrEqualTo(size.width() > size.height() ? 4 : 7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"#777777", "#808080", "#ffd166", "#ff0000", "#00ff00", "#0000ff", "#000000", "#ffffff",
            "#1d3557", "#e63946", "#2a9d8f"})
    void textContrastsWithAnyBrandColour(String primary) {
        var palette = Palette.of(new BrandColours(primary, primary));
        assertThat(Palette.contrast(palette.text(), palette.background())).isGreaterThanOrEqualTo(Palette.MIN_CONTRAST);
        // The pattern's ink only ever moves away from the text colour.
        assertThat(Palette.contrast(palette.text(), palette.shadow()))
                .isGreaterThanOrEqualTo(Palette.contrast(palette.text(), palette.background()));
        assertThat(Palette.contrast(palette.accent(), palette.background())).isGreaterThanOrEqualTo(1.5);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"how-to|sourdough bread|HOW-TO · SOURDOUGH BREAD", "article|sourdough|SOURDOUGH",
            "list||LIST"})
    void theKickerNamesKindAndKeyphrase(String kind, String keyphrase, String kicker) {
        var layout = CardLayout.of(new CardText("Bread", keyphrase, kind, null, null), ImageSize.SOCIAL_CARD, fonts);
        assertThat(layout.kicker().text()).isEqualTo(kicker);
        assertThat(layout.footer()).isNull();
    }

    @Test
    void aWordWiderThanTheCardIsBrokenNotOverflowed() {
        var layout = CardLayout.of(new CardText("Pneumonoultramicroscopicsilicovolcanoconiosis".repeat(3), null, null,
                null, null), ImageSize.SQUARE, fonts);
        assertThat(layout.title().size()).isGreaterThan(1);
        layout.title().forEach(line -> assertThat(line.width()).isLessThanOrEqualTo(layout.safe().width));
    }

    @Test
    void scriptsTheShippedFontsLackFallBackToTheMachinesFonts() {
        var latin = CardLayout.of(new CardText("Pain au levain", "levain", "guide", "Boulangerie Čech", null),
                ImageSize.SOCIAL_CARD, fonts);
        assertThat(allLines(latin)).allSatisfy(line -> assertThat(line.font().getName()).startsWith("DejaVu Sans"));
        var japanese = CardLayout.of(new CardText("東京のパン屋めぐり", null, null, null, null), ImageSize.SOCIAL_CARD, fonts);
        assertThat(japanese.title().getFirst().font().getName()).isEqualTo(Font.SANS_SERIF);
    }

    private static List<CardLayout.Line> allLines(CardLayout layout) {
        var lines = new ArrayList<>(layout.title());
        if (layout.kicker() != null) lines.add(layout.kicker());
        if (layout.footer() != null) lines.add(layout.footer());
        return lines;
    }

    private static float size(CardLayout layout) {
        return layout.title().getFirst().font().getSize2D();
    }
}
