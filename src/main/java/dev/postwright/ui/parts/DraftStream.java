package dev.postwright.ui.parts;

import dev.postwright.model.Embeds;
import dev.postwright.render.PostRenderer;
import java.util.regex.Pattern;

/**
 * Renders a growing draft in pieces, so the cost of each update follows what was added, not the
 * length of the draft. It is fed the pieces themselves ({@link #next}), never the whole text to
 * compare. A draft is split at its last blank line outside a code fence: the blocks before it are
 * finished and are rendered once and appended; only the unfinished tail is rendered again each
 * time, and only the new text is scanned for the split. Embed placeholders are left out (their
 * cards come with the finished post). Used on one thread (the preview's render thread).
 */
final class DraftStream {
    private static final Pattern EMBED = Pattern.compile("\\[(?:TWEET|ARTICLE|VIDEO):\\d+]");

    /** What to do to the page: append {@code stableHtml} (or replace everything, on a reset) and set the tail. */
    record Patch(boolean reset, String stableHtml, String tailHtml) {}

    private final PostRenderer renderer;
    private final StringBuilder draft = new StringBuilder();
    private int stableEnd;
    /** Whether a code fence is open where the finished blocks end. */
    private boolean fenceOpenAtEnd;

    DraftStream(PostRenderer renderer) {
        this.renderer = renderer;
    }

    /** Forgets the draft (a new job): the next piece begins another. */
    void reset() {
        draft.setLength(0);
        stableEnd = 0;
        fenceOpenAtEnd = false;
    }

    /**
     * Adds {@code added} to the draft (to nothing, when {@code restart}: a {@code draft-reset}
     * voided the draft so far) and returns what the page needs: on a restart, the whole draft.
     */
    Patch next(boolean restart, String added) {
        if (restart) reset();
        draft.append(added);
        Split split = stableSplit(draft, stableEnd, fenceOpenAtEnd);
        String finished = draft.substring(stableEnd, split.end());
        stableEnd = split.end();
        fenceOpenAtEnd = split.fenceOpen();
        return new Patch(restart, render(finished), render(draft.substring(split.end())));
    }

    /** Adds {@code added} without drawing it: the page shows something else meanwhile. */
    void add(boolean restart, String added) {
        if (restart) reset();
        draft.append(added);
    }

    /** The whole draft so far, for a page that shows something else now. */
    Patch whole() {
        stableEnd = 0;
        fenceOpenAtEnd = false;
        Patch all = next(false, "");
        return new Patch(true, all.stableHtml(), all.tailHtml());
    }

    /** Where finished blocks end, and whether a fence is open there. */
    record Split(int end, boolean fenceOpen) {}

    /** The end of the finished blocks: just after the last blank line outside a code fence. */
    static int stableSplit(String markdown) {
        return stableSplit(new StringBuilder(markdown), 0, false).end();
    }

    /**
     * Scans from {@code from} (a line start, where a fence is open or not as {@code fenceOpen}
     * says) for the last blank line outside a fence. The last line is unfinished and never counts.
     */
    static Split stableSplit(StringBuilder markdown, int from, boolean fenceOpen) {
        Split split = new Split(from, fenceOpen);
        boolean inFence = fenceOpen;
        // `from` is 0 or just after a blank line, so a blank line right there adds nothing.
        boolean previousBlank = true;
        int lineStart = from;
        for (int newline = markdown.indexOf("\n", from); newline >= 0; newline = markdown.indexOf("\n", lineStart)) {
            int first = lineStart;
            while (first < newline && Character.isWhitespace(markdown.charAt(first))) first++;
            boolean blank = first == newline;
            if (startsWith(markdown, "```", first) || startsWith(markdown, "~~~", first)) inFence = !inFence;
            if (blank && !inFence && !previousBlank) split = new Split(newline + 1, false);
            previousBlank = blank;
            lineStart = newline + 1;
        }
        return split;
    }

    private static boolean startsWith(StringBuilder text, String prefix, int at) {
        if (at + prefix.length() > text.length()) return false;
        for (int i = 0; i < prefix.length(); i++) if (text.charAt(at + i) != prefix.charAt(i)) return false;
        return true;
    }

    private String render(String markdown) {
        if (markdown.isBlank()) return "";
        return renderer.renderBody(EMBED.matcher(markdown).replaceAll(""), Embeds.NONE);
    }
}
