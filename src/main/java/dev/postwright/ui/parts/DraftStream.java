package dev.postwright.ui.parts;

import dev.postwright.model.Embeds;
import dev.postwright.render.PostRenderer;

/**
 * Renders a growing draft in pieces, so the cost of each update follows what was added, not the
 * length of the draft. A draft is split at its last blank line outside a code fence: the blocks
 * before it are finished and are rendered once and appended; only the unfinished tail is
 * rendered again each time. A draft that does not continue the previous one starts over.
 * Used on one thread (the preview's render thread).
 */
final class DraftStream {
    /** What to do to the page: append {@code stableHtml} (or replace everything, on a reset) and set the tail. */
    record Patch(boolean reset, String stableHtml, String tailHtml) {}

    private final PostRenderer renderer;
    private String previous = "";
    private int stableEnd;

    DraftStream(PostRenderer renderer) {
        this.renderer = renderer;
    }

    /** Forgets the draft: the next {@link #next} starts over. */
    void reset() {
        previous = "";
        stableEnd = 0;
    }

    Patch next(String markdown) {
        boolean continues = !previous.isEmpty() && markdown.length() >= previous.length()
                && markdown.regionMatches(0, previous, 0, stableEnd);
        int split = stableSplit(markdown);
        if (!continues || split < stableEnd) {
            previous = markdown;
            stableEnd = split;
            return new Patch(true, render(markdown.substring(0, split)), render(markdown.substring(split)));
        }
        String added = markdown.substring(stableEnd, split);
        previous = markdown;
        stableEnd = split;
        return new Patch(false, added.isBlank() ? "" : render(added), render(markdown.substring(split)));
    }

    /** Where the finished blocks end: just after the last blank line outside a code fence. */
    static int stableSplit(String markdown) {
        int split = 0;
        boolean inFence = false;
        int lineStart = 0;
        boolean previousBlank = false;
        for (int i = 0; i <= markdown.length(); i++) {
            if (i < markdown.length() && markdown.charAt(i) != '\n') continue;
            if (i == markdown.length()) break; // the last line is unfinished: never a boundary
            String line = markdown.substring(lineStart, i).strip();
            if (line.startsWith("```") || line.startsWith("~~~")) inFence = !inFence;
            boolean blank = line.isEmpty();
            if (blank && !inFence && !previousBlank) split = i + 1;
            previousBlank = blank;
            lineStart = i + 1;
        }
        return split;
    }

    private String render(String markdown) {
        return markdown.isBlank() ? "" : renderer.renderBody(markdown, Embeds.NONE);
    }
}
