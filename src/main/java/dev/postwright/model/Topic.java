package dev.postwright.model;

import java.util.List;

/**
 * What the post is about. {@code title} is required; the rest refines it.
 *
 * @param focusKeyphrase the phrase the post should rank for (Postwright addition; the first
 *                       keyword when absent)
 * @param keywords       further SEO keywords (Postwright addition)
 */
public record Topic(String title, String subheader, String targetAudience,
                    String focusKeyphrase, List<String> keywords) {
    public Topic {
        keywords = Lists.copyOf(keywords);
    }

    public static Topic titled(String title) {
        return new Topic(title, null, null, null, List.of());
    }
}
