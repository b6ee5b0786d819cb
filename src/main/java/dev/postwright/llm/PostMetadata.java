package dev.postwright.llm;

import java.util.List;

/** What goes around the body: title, description, tags and the like. */
public record PostMetadata(String title, String subtitle, String metaDescription, List<String> tags,
                           List<String> seoKeywords, String estimatedReadTime) {
    public PostMetadata {
        tags = List.copyOf(tags);
        seoKeywords = List.copyOf(seoKeywords);
    }
}
