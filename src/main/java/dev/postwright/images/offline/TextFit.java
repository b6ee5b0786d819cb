package dev.postwright.images.offline;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Fits text into a box: wrapped at spaces (a word wider than the box is broken between letters),
 * shrunk step by step down to a smallest size, and cut with an ellipsis when even that overflows.
 * Widths are the fonts' advances in {@code frc}, the context the card is drawn with. Stateless.
 */
final class TextFit {
    static final String ELLIPSIS = "…";
    /** Each step is this fraction of the last size: small enough to fill the box, few enough to be quick. */
    private static final float STEP = 0.92f;

    private TextFit() {}

    /** Text set in one font: its lines, each at most the box's width; {@code cut} when text was left out. */
    record Fitted(Font font, List<String> lines, boolean cut) {}

    /**
     * The largest size from {@code largest} down to {@code smallest} at which {@code text} fits
     * {@code maxLines} lines of {@code width}, set {@code lineHeight} times the size apart within {@code height}.
     */
    static Fitted fit(String text, Function<Float, Font> fonts, float largest, float smallest, int maxLines,
                      double width, double height, double lineHeight, FontRenderContext frc) {
        for (float size = largest; size >= smallest; size *= STEP) {
            Font font = fonts.apply(size);
            List<String> lines = wrap(text, font, frc, width);
            if (lines.size() <= linesThatFit(font, maxLines, height, lineHeight, frc)) return new Fitted(font, lines, false);
        }
        Font font = fonts.apply(smallest);
        List<String> lines = wrap(text, font, frc, width);
        int room = Math.max(1, linesThatFit(font, maxLines, height, lineHeight, frc));
        if (lines.size() <= room) return new Fitted(font, lines, false);
        List<String> kept = new ArrayList<>(lines.subList(0, room));
        kept.set(room - 1, ellipsized(kept.get(room - 1) + ELLIPSIS, font, frc, width));
        return new Fitted(font, List.copyOf(kept), true);
    }

    /** Lines {@code lineHeight} apart whose first ascent and last descent stay within {@code height}. */
    private static int linesThatFit(Font font, int maxLines, double height, double lineHeight, FontRenderContext frc) {
        var metrics = font.getLineMetrics("Hg", frc);
        double oneLine = metrics.getAscent() + metrics.getDescent();
        if (height < oneLine) return 0;
        return Math.min(maxLines, 1 + (int) Math.floor((height - oneLine) / (font.getSize2D() * lineHeight)));
    }

    /** {@code text} as one line, shortened to end in an ellipsis if it is wider than {@code width}. */
    static String ellipsized(String text, Font font, FontRenderContext frc, double width) {
        if (advance(text, font, frc) <= width) return text;
        String base = text.endsWith(ELLIPSIS) ? text.substring(0, text.length() - 1) : text;
        int end = base.length();
        while (end > 0 && advance(base.substring(0, end).stripTrailing() + ELLIPSIS, font, frc) > width) {
            end = base.offsetByCodePoints(end, -1);
        }
        String kept = base.substring(0, end).stripTrailing();
        // End on a word when one is at hand, as a person would cut it; keep letters when it is one long word.
        int space = kept.lastIndexOf(' ');
        if (space > kept.length() * 2 / 3) kept = kept.substring(0, space).replaceAll("[\\s,;:·–—-]+$", "");
        return kept + ELLIPSIS;
    }

    /** Greedy wrapping at spaces; every line's advance is at most {@code width}. */
    static List<String> wrap(String text, Font font, FontRenderContext frc, double width) {
        List<String> lines = new ArrayList<>();
        var line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            String joined = line.isEmpty() ? word : line + " " + word;
            if (advance(joined, font, frc) <= width) {
                line.setLength(0);
                line.append(joined);
                continue;
            }
            if (!line.isEmpty()) lines.add(line.toString());
            line.setLength(0);
            String rest = word;
            while (advance(rest, font, frc) > width) {
                int cut = longestPrefix(rest, font, frc, width);
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (!line.isEmpty()) lines.add(line.toString());
        return lines;
    }

    /** At least one character, so a box narrower than one letter still ends. */
    private static int longestPrefix(String word, Font font, FontRenderContext frc, double width) {
        int end = word.offsetByCodePoints(0, 1);
        while (end < word.length()) {
            int next = word.offsetByCodePoints(end, 1);
            if (advance(word.substring(0, next), font, frc) > width) break;
            end = next;
        }
        return end;
    }

    static double advance(String text, Font font, FontRenderContext frc) {
        return font.getStringBounds(text, frc).getWidth();
    }
}
