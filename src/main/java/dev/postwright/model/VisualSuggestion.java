package dev.postwright.model;

/**
 * An image, chart or other visual the post would benefit from.
 *
 * @param type      "featured-image", "image", "chart", "infographic"…
 * @param placement where it goes, usually "after: &lt;heading&gt;"
 * @param prompt    a prompt for an image model
 * @param priority  as sent ("high", "1"…), may be null
 */
public record VisualSuggestion(String type, String title, String description, String placement,
                               String prompt, String altText, String priority) {}
