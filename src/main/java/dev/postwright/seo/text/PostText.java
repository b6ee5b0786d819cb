package dev.postwright.seo.text;

import java.util.List;

/**
 * A post prepared for analysis, built once and read by every check. Immutable.
 *
 * @param title            the SEO title (the post title when no separate one is set)
 * @param paragraphs       the body's prose blocks (paragraphs, list items, quotes), each as its sentences
 * @param headings         every heading of the body, in order
 * @param sectionWordCounts words between subheadings, the text before the first one included
 * @param sentences        every sentence of the prose blocks, in order
 * @param images           images and image placeholders ({@code ![IMAGE:kind:description]})
 * @param links            every link of the body
 * @param earlierUses      how many other posts of the writer's library use the same keyphrase
 */
public record PostText(String title, String metaDescription, String slug, Keyphrase keyphrase, String siteHost,
                       int earlierUses, List<Paragraph> paragraphs, List<Heading> headings,
                       List<Integer> sectionWordCounts, List<Sentence> sentences, List<Image> images,
                       List<Link> links, int wordCount, int syllableCount) {

    /** A prose block. */
    public record Paragraph(String text, int wordCount, List<Sentence> sentences) {}

    public record Heading(int level, String text) {}

    /** An image; {@code alt} may be empty. */
    public record Image(String alt, String destination) {}

    /** A link; {@code anchor} is its visible text. */
    public record Link(String destination, String anchor) {}

    /** The first prose block, or null for a body without prose. */
    public Paragraph introduction() {
        return paragraphs.isEmpty() ? null : paragraphs.getFirst();
    }

    /** Headings below H1: the post's subheadings. */
    public List<Heading> subheadings() {
        return headings.stream().filter(h -> h.level() > 1).toList();
    }
}
