package dev.postwright.render.internal;

import org.commonmark.node.CustomBlock;

/**
 * A {@code [TWEET:n]}, {@code [ARTICLE:n]} or {@code [VIDEO:n]} placeholder, lifted out of its
 * paragraph into a block of its own. {@link #resolved} is the embed object it points at, set for
 * each render, or null when the index has none.
 */
public final class EmbedBlock extends CustomBlock {
    public enum Kind { TWEET, ARTICLE, VIDEO }

    private final Kind kind;
    private final int index;
    Object resolved;

    EmbedBlock(Kind kind, int index) {
        this.kind = kind;
        this.index = index;
    }

    public Kind kind() {
        return kind;
    }

    public int index() {
        return index;
    }
}
