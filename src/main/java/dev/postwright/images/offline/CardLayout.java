package dev.postwright.images.offline;

import dev.postwright.images.CardText;
import dev.postwright.images.ImageSize;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where everything on a card goes, before anything is drawn. Every line lies inside {@link #safe},
 * the card less a margin of a tenth of its shorter side: the kicker (kind and keyphrase) at the top,
 * the organization at the foot, the title centred between them in as large a size as fits, up to
 * four lines on a wide card and seven on a square one. Proportions follow the shorter side, so one
 * layout serves every size.
 *
 * @param kicker    the line above the title, or null when the card has neither kind nor keyphrase
 * @param footer    the organization's line, or null
 * @param dot       the accent dot before the organization's name, or null without one
 * @param bar       the accent bar along the left edge (in the margin, by design)
 * @param titleCut  true when the title did not fit whole at the smallest size and ends in an ellipsis
 */
record CardLayout(ImageSize size, Rectangle safe, Line kicker, List<Line> title, Line footer, Rectangle dot,
                  Rectangle bar, boolean titleCut) {
    /** What the card is measured and drawn with: anti-aliased text at fractional advances. */
    static final FontRenderContext FRC = new FontRenderContext(null, RenderingHints.VALUE_TEXT_ANTIALIAS_ON,
            RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    private static final double LINE_HEIGHT = 1.12;

    /** One line of text, drawn with its baseline at {@code (x, baseline)}. */
    record Line(String text, Font font, float x, float baseline) {
        double width() {
            return TextFit.advance(text, font, FRC);
        }
    }

    static CardLayout of(CardText card, ImageSize size, CardFonts fonts) {
        int w = size.width();
        int h = size.height();
        float u = Math.min(w, h);
        int margin = Math.round(u * 0.1f);
        var safe = new Rectangle(margin, margin, w - 2 * margin, h - 2 * margin);
        float top = safe.y;
        float bottom = safe.y + safe.height;

        Line kicker = null;
        String kickerText = kicker(card);
        if (kickerText != null) {
            Font font = fonts.headline(u * 0.038f, kickerText);
            LineMetrics m = font.getLineMetrics(kickerText, FRC);
            kicker = new Line(TextFit.ellipsized(kickerText, font, FRC, safe.width), font, safe.x, top + m.getAscent());
            top += m.getAscent() + m.getDescent() + u * 0.05f;
        }

        Line footer = null;
        Rectangle dot = null;
        if (card.organization() != null) {
            Font font = fonts.text(u * 0.038f, card.organization());
            LineMetrics m = font.getLineMetrics(card.organization(), FRC);
            int diameter = Math.round(u * 0.022f);
            float baseline = bottom - m.getDescent();
            dot = new Rectangle(safe.x, Math.round(baseline - m.getAscent() * 0.36f - diameter / 2f), diameter, diameter);
            float textX = safe.x + diameter * 1.8f;
            footer = new Line(TextFit.ellipsized(card.organization(), font, FRC, safe.x + safe.width - textX), font,
                    textX, baseline);
            bottom -= m.getAscent() + m.getDescent() + u * 0.05f;
        }

        int maxLines = w > h ? 4 : 7;
        var fitted = TextFit.fit(card.title(), s -> fonts.headline(s, card.title()), u * 0.12f, u * 0.06f, maxLines,
                safe.width, bottom - top, LINE_HEIGHT, FRC);
        Font font = fitted.font();
        LineMetrics m = font.getLineMetrics(card.title(), FRC);
        float step = (float) (font.getSize2D() * LINE_HEIGHT);
        float block = (fitted.lines().size() - 1) * step + m.getAscent() + m.getDescent();
        float first = top + Math.max(0, (bottom - top - block) / 2) + m.getAscent();
        List<Line> title = new ArrayList<>();
        for (int i = 0; i < fitted.lines().size(); i++) {
            title.add(new Line(fitted.lines().get(i), font, safe.x, first + i * step));
        }
        var bar = new Rectangle(0, 0, Math.max(4, Math.round(u * 0.018f)), h);
        return new CardLayout(size, safe, kicker, List.copyOf(title), footer, dot, bar, fitted.cut());
    }

    /** "HOW-TO · SOURDOUGH BREAD": the kind (articles go unnamed) and the keyphrase, in capitals. */
    private static String kicker(CardText card) {
        String kind = "article".equalsIgnoreCase(card.kind()) ? null : card.kind();
        String text = kind == null ? card.keyphrase() : card.keyphrase() == null ? kind : kind + " · " + card.keyphrase();
        return text == null ? null : text.toUpperCase(Locale.ROOT);
    }
}
