package dev.postwright.images.offline;

import java.awt.BasicStroke;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.util.SplittableRandom;

/**
 * The card's background: a gentle gradient from the background colour to its shadow, and one of
 * three motifs (rings, a dot grid, diagonal stripes) in the shadow colour, placed by a random
 * sequence seeded from the card's content. The same card always gets the same backdrop; another
 * title gets another. Nothing is drawn translucent, so no pixel comes closer to the text colour
 * than the background itself.
 */
final class Backdrop {
    private Backdrop() {}

    static void paint(Graphics2D g, int w, int h, Palette palette, long seed) {
        var random = new SplittableRandom(seed);
        float u = Math.min(w, h);
        boolean fromTop = random.nextBoolean();
        g.setPaint(new GradientPaint(0, fromTop ? 0 : h, palette.background(), w, fromTop ? h : 0,
                Palette.mix(palette.background(), palette.shadow(), 0.55)));
        g.fillRect(0, 0, w, h);
        g.setColor(palette.shadow());
        switch (random.nextInt(3)) {
            case 0 -> rings(g, w, h, u, random);
            case 1 -> dots(g, w, h, u, random);
            default -> stripes(g, w, h, u, random);
        }
    }

    /** Concentric rings around a point near the right edge, partly off the card. */
    private static void rings(Graphics2D g, int w, int h, float u, SplittableRandom random) {
        double cx = w - u * (0.05 + 0.25 * random.nextDouble());
        double cy = h * random.nextDouble();
        double gap = u * (0.05 + 0.03 * random.nextDouble());
        g.setStroke(new BasicStroke(u * 0.01f));
        int count = 5 + random.nextInt(5);
        for (int i = 1; i <= count; i++) {
            double r = gap * i;
            g.draw(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
        }
    }

    /** A grid of dots over the right part of the card. */
    private static void dots(Graphics2D g, int w, int h, float u, SplittableRandom random) {
        double spacing = u * (0.045 + 0.025 * random.nextDouble());
        double radius = u * (0.005 + 0.004 * random.nextDouble());
        double left = w * (0.45 + 0.2 * random.nextDouble());
        double offset = spacing * random.nextDouble();
        for (double x = left + offset; x < w + radius; x += spacing) {
            for (double y = offset; y < h + radius; y += spacing) {
                g.fill(new Ellipse2D.Double(x - radius, y - radius, 2 * radius, 2 * radius));
            }
        }
    }

    /** Parallel diagonal stripes across the right part of the card. */
    private static void stripes(Graphics2D g, int w, int h, float u, SplittableRandom random) {
        double spacing = u * (0.06 + 0.04 * random.nextDouble());
        double slant = h * (0.4 + 0.8 * random.nextDouble());
        double left = w * (0.5 + 0.2 * random.nextDouble());
        g.setStroke(new BasicStroke(u * (0.012f + 0.012f * (float) random.nextDouble())));
        for (double x = left; x < w + slant; x += spacing) {
            g.draw(new Line2D.Double(x, 0, x - slant, h));
        }
    }
}
