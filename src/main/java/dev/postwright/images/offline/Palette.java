package dev.postwright.images.offline;

import dev.postwright.images.BrandColours;
import java.awt.Color;

/**
 * The card's colours, chosen so text stays readable on any brand colour: white or near-black
 * text, whichever contrasts more, and a background nudged darker or lighter until the contrast
 * reaches {@link #MIN_CONTRAST} (WCAG AA for body text). The backdrop's pattern is drawn in
 * {@link #shadow}, a colour further from the text than the background, so it only adds contrast.
 *
 * @param background the filled colour: the brand's primary, nudged when it is a mid-tone
 * @param shadow     the far end of the gradient and the pattern's ink
 * @param text       every line of text
 * @param accent     the bar and the dot: the brand's accent, or one derived from the primary
 */
record Palette(Color background, Color shadow, Color text, Color accent) {
    static final double MIN_CONTRAST = 4.5;
    private static final Color WHITE = new Color(0xffffff);
    private static final Color INK = new Color(0x111418);

    static Palette of(BrandColours colours) {
        Color primary = new Color(colours.primaryRgb());
        boolean lightText = contrast(WHITE, primary) >= contrast(INK, primary);
        Color text = lightText ? WHITE : INK;
        Color away = lightText ? Color.BLACK : WHITE;
        Color background = primary;
        for (int step = 1; contrast(text, background) < MIN_CONTRAST && step <= 20; step++) {
            background = mix(primary, away, step * 0.05);
        }
        Color shadow = mix(background, away, 0.18);
        return new Palette(background, shadow, text, accent(colours, background, text));
    }

    /** The accent when it stands out from the background; otherwise a hue-shifted primary, or a text tint. */
    private static Color accent(BrandColours colours, Color background, Color text) {
        Color wanted;
        if (colours.accentRgb() >= 0) {
            wanted = new Color(colours.accentRgb());
        } else {
            float[] hsb = Color.RGBtoHSB(background.getRed(), background.getGreen(), background.getBlue(), null);
            wanted = Color.getHSBColor((hsb[0] + 0.5f) % 1f, Math.max(0.55f, hsb[1]), hsb[2] < 0.5f ? 0.95f : 0.45f);
        }
        // The accent is decoration: it needs to be seen, not read.
        return contrast(wanted, background) >= 1.8 ? wanted : mix(background, text, 0.6);
    }

    /** The WCAG contrast ratio, 1 (none) to 21 (black on white). */
    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(int channel) {
        double s = channel / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }

    /** {@code a} moved {@code t} (0-1) of the way to {@code b}. */
    static Color mix(Color a, Color b, double t) {
        return new Color(channel(a.getRed(), b.getRed(), t), channel(a.getGreen(), b.getGreen(), t),
                channel(a.getBlue(), b.getBlue(), t));
    }

    private static int channel(int a, int b, double t) {
        return (int) Math.round(a + (b - a) * Math.min(1, Math.max(0, t)));
    }
}
