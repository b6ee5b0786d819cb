package dev.postwright.ui.parts;

import dev.postwright.model.Embeds;
import dev.postwright.render.PostRenderer;
import java.util.regex.Pattern;

/**
 * Renders a growing draft in pieces, so the cost of each update follows what was added, not the
 * length of the draft. A draft is split at its last blank line outside a code fence: the blocks
 * before it are finished and are rendered once and appended; only the unfinished tail is
 * rendered again each time, and only the new text is scanned for the split. Embed placeholders
 * are left out (their cards come with the finished post). A draft that does not continue the
 * previous one starts over. Used on one thread (the preview's render thread).
 */
final class DraftStream {
    private static final Pattern EMBED = Pattern.compile("\\[(?:TWEET|ARTICLE|VIDEO):\\d+]");

    /** What to do to the page: append {@code stableHtml} (or replace everything, on a reset) and set the tail. */
    record Patch(boolean reset, String stableHtml, String tailHtml) {}

    private final PostRenderer renderer;
    private String previous = "";
    private int stableEnd;
    /** Whether a code fence is open where the finished blocks end. */
    private boolean fenceOpenAtEnd;

    DraftStream(PostRenderer renderer) {
        this.renderer = renderer;
    }

    /** Forgets the draft: the next {@link #next} starts over. */
    void reset() {
        previous = "";
        stableEnd = 0;
        fenceOpenAtEnd = false;
    }

    Patch next(String markdown) {
        boolean continues = !previous.isEmpty() && markdown.length() >= stableEnd
                && markdown.regionMatches(0, previous, 0, stableEnd);
        if (!continues) reset();
        Split split = stableSplit(markdown, stableEnd, fenceOpenAtEnd);
        String added = markdown.substring(stableEnd, split.end());
        previous = markdown;
        stableEnd = split.end();
        fenceOpenAtEnd = split.fenceOpen();
        return new Patch(!continues, render(added), render(markdown.substring(split.end())));
    }

    /** Where finished blocks end, and whether a fence is open there. */
    record Split(int end, boolean fenceOpen) {}

    /** The end of the finished blocks: just after the last blank line outside a code fence. */
    static int stableSplit(String markdown) {
        return stableSplit(markdown, 0, false).end();
    }

    /**
     * Scans from {@code from} (a line start, where a fence is open or not as {@code fenceOpen}
     * says) for the last blank line outside a fence. The last line is unfinished and never counts.
     */
    static Split stableSplit(String markdown, int from, boolean fenceOpen) {
        Split split = new Split(from, fenceOpen);
        boolean inFence = fenceOpen;
        // `from` is 0 or just after a blank line, so a blank line right there adds nothing.
        boolean previousBlank = true;
        int lineStart = from;
        for (int newline = markdown.indexOf('\n', from); newline >= 0; newline = markdown.indexOf('\n', lineStart)) {
            int first = lineStart;
            while (first < newline && Character.isWhitespace(markdown.charAt(first))) first++;
            boolean blank = first == newline;
            if (markdown.startsWith("```", first) || markdown.startsWith("~~~", first)) inFence = !inFence;
            if (blank && !inFence && !previousBlank) split = new Split(newline + 1, false);
            previousBlank = blank;
            lineStart = newline + 1;
        }
        return split;
    }

    private String render(String markdown) {
        if (markdown.isBlank()) return "";
        return renderer.renderBody(EMBED.matcher(markdown).replaceAll(""), Embeds.NONE);
    }
}
