package dev.postwright.render.internal;

import org.commonmark.node.CustomBlock;

/** An {@code ![IMAGE:type:description]} or {@code ![CHART:…]} placeholder: "a visual goes here". */
public final class VisualPlaceholder extends CustomBlock {
    private final String kind;
    private final String description;

    VisualPlaceholder(String kind, String description) {
        this.kind = kind;
        this.description = description;
    }

    /** "image" or "chart". */
    public String kind() {
        return kind;
    }

    public String description() {
        return description;
    }
}
