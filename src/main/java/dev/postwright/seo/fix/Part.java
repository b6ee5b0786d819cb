package dev.postwright.seo.fix;

/** The part of a post a fix rewrites: a field, or a stretch of the body. */
public enum Part {
    TITLE("the title"),
    META_DESCRIPTION("the meta description"),
    SLUG("the slug"),
    INTRODUCTION("the introduction"),
    PARAGRAPH("a paragraph"),
    HEADING("a subheading"),
    /** Several places in the body at once (headings demoted throughout). */
    BODY("the body");

    /** How a sentence to the writer names it: "the introduction". */
    public final String label;

    Part(String label) {
        this.label = label;
    }

    /** Whether the part is a stretch of the body rather than a field of its own. */
    public boolean inBody() {
        return this == INTRODUCTION || this == PARAGRAPH || this == HEADING || this == BODY;
    }
}
