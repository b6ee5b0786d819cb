package dev.postwright.model;

import java.util.List;

/**
 * A generated post as {@code blog-result} carries it. Optional parts are null or empty.
 *
 * @param content              Markdown, possibly with {@code [TWEET:n]}-style placeholders
 * @param estimatedReadTime    display text such as "6 min read"
 * @param seoOptimizationScore the producer's own score, 0-100, when it sent one
 * @param embeds               the objects the content's placeholders index
 * @param organizationContext  the organization context the post was written with, when known
 */
public record BlogPost(String title, String subtitle, String content, String metaDescription,
                       List<String> tags, List<String> seoKeywords, String estimatedReadTime,
                       List<InternalLink> internalLinks, List<CtaSuggestion> ctaSuggestions,
                       Double seoOptimizationScore, GenerationMetadata generationMetadata,
                       Embeds embeds, ContextSummary organizationContext) {
    /** A post without its organization context (producers that do not send one). */
    public BlogPost(String title, String subtitle, String content, String metaDescription,
                    List<String> tags, List<String> seoKeywords, String estimatedReadTime,
                    List<InternalLink> internalLinks, List<CtaSuggestion> ctaSuggestions,
                    Double seoOptimizationScore, GenerationMetadata generationMetadata, Embeds embeds) {
        this(title, subtitle, content, metaDescription, tags, seoKeywords, estimatedReadTime, internalLinks,
                ctaSuggestions, seoOptimizationScore, generationMetadata, embeds, null);
    }

    public BlogPost {
        tags = Lists.copyOf(tags);
        seoKeywords = Lists.copyOf(seoKeywords);
        internalLinks = Lists.copyOf(internalLinks);
        ctaSuggestions = Lists.copyOf(ctaSuggestions);
        embeds = embeds == null ? Embeds.NONE : embeds;
    }

    /** This post with {@code score} as its {@code seoOptimizationScore}. */
    public BlogPost withSeoOptimizationScore(Double score) {
        return new BlogPost(title, subtitle, content, metaDescription, tags, seoKeywords, estimatedReadTime,
                internalLinks, ctaSuggestions, score, generationMetadata, embeds, organizationContext);
    }

    /** This post with {@code markdown} as its content. */
    public BlogPost withContent(String markdown) {
        return new BlogPost(title, subtitle, markdown, metaDescription, tags, seoKeywords, estimatedReadTime,
                internalLinks, ctaSuggestions, seoOptimizationScore, generationMetadata, embeds, organizationContext);
    }

    /**
     * This post with the parts a writer edits replaced: {@code title}, {@code metaDescription}
     * (blank for none) and {@code markdown}; everything else is kept.
     */
    public BlogPost withText(String title, String metaDescription, String markdown) {
        return new BlogPost(blankToNull(title), subtitle, markdown, blankToNull(metaDescription), tags, seoKeywords,
                estimatedReadTime, internalLinks, ctaSuggestions, seoOptimizationScore, generationMetadata, embeds,
                organizationContext);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A link to another page of the writer's site, suggested for this post. */
    public record InternalLink(String anchorText, String suggestedUrl, String context) {}

    /** Where the generator suggests a call to action. */
    public record CtaSuggestion(String text, String placement, String type, String context) {}

    /**
     * How it was written: model name, wall time in ms, tokens (each may be null), and whether it
     * is a scaffold: a structured starting point (the offline engine's) rather than finished prose.
     * A backend that says more (the Blog SDK, job-stream-protocol.md §2.1) adds what it cost in US
     * dollars, the sources it cited, and where images should go; null or empty otherwise.
     */
    public record GenerationMetadata(String model, Long durationMillis, Long tokensUsed, boolean scaffold,
                                     Double costUsd, List<Citation> citations, List<ImagePosition> imagePositions) {
        public GenerationMetadata {
            citations = Lists.copyOf(citations);
            imagePositions = Lists.copyOf(imagePositions);
        }

        public GenerationMetadata(String model, Long durationMillis, Long tokensUsed, boolean scaffold) {
            this(model, durationMillis, tokensUsed, scaffold, null, List.of(), List.of());
        }

        /** Metadata of a post written as prose (every other backend's). */
        public GenerationMetadata(String model, Long durationMillis, Long tokensUsed) {
            this(model, durationMillis, tokensUsed, false);
        }
    }

    /** A source the post cites; any part may be null but the url or title. */
    public record Citation(String title, String url, String source, String excerpt) {}

    /**
     * Where the generator suggests an image: {@code position} as the backend gave it (a paragraph
     * index or a heading), with alt text and the passage it illustrates.
     */
    public record ImagePosition(String position, String suggestedAlt, String context) {}
}
