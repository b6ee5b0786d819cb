package dev.postwright.images.offline;

import dev.postwright.images.CardText;
import dev.postwright.images.ImageSize;
import dev.postwright.images.MadeImage;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Draws a card with Java2D into an off-screen image: no display, no system fonts, the same pixels
 * for the same card on every run. Stateless and thread-safe.
 */
final class CardRenderer {
    private CardRenderer() {}

    static BufferedImage render(CardText card, ImageSize size, CardFonts fonts) {
        CardLayout layout = CardLayout.of(card, size, fonts);
        Palette palette = Palette.of(card.colours());
        var image = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            Backdrop.paint(g, size.width(), size.height(), palette, seed(card, size));
            g.setColor(palette.accent());
            g.fill(layout.bar());
            if (layout.dot() != null) {
                var d = layout.dot();
                g.fill(new Ellipse2D.Float(d.x, d.y, d.width, d.height));
            }
            g.setColor(palette.text());
            if (layout.kicker() != null) draw(g, layout.kicker());
            layout.title().forEach(line -> draw(g, line));
            if (layout.footer() != null) draw(g, layout.footer());
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void draw(Graphics2D g, CardLayout.Line line) {
        g.setFont(line.font());
        g.drawString(line.text(), line.x(), line.baseline());
    }

    /** A seed from everything on the card, so another title, kind or colour moves the pattern. */
    static long seed(CardText card, ImageSize size) {
        String all = String.join("\u0000", card.title(), String.valueOf(card.keyphrase()), String.valueOf(card.kind()),
                String.valueOf(card.organization()), card.colours().primary(), String.valueOf(card.colours().accent()),
                size.toString());
        return HexFormat.fromHexDigitsToLong(MadeImage.sha256(all.getBytes(StandardCharsets.UTF_8)).substring(0, 16));
    }
}
