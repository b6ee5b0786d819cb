package dev.postwright.ui.desk;

import dev.postwright.model.VisualSuggestion;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the Visuals panel did for each post while the window is open: the latest image job of
 * each suggestion, and the pictures made the featured one. A job shown again finds its running
 * or failed pictures here (the library has only the stored ones), and the featured reference is
 * known even when its picture was made for an inline suggestion. FX thread.
 */
final class PicturesMadeHere {
    private final Map<String, Map<VisualSuggestion, String>> jobs = new HashMap<>();
    private final Map<String, Set<String>> featured = new HashMap<>();
    private final Map<String, String> featuredNow = new HashMap<>();

    void started(String postId, VisualSuggestion suggestion, String jobId) {
        jobs.computeIfAbsent(postId, p -> new HashMap<>()).put(suggestion, jobId);
    }

    /** The latest image job started here for {@code suggestion} of post {@code postId}. */
    Optional<String> job(String postId, VisualSuggestion suggestion) {
        return Optional.ofNullable(jobs.getOrDefault(postId, Map.of()).get(suggestion));
    }

    void madeFeatured(String postId, String imageId) {
        featured.computeIfAbsent(postId, p -> new HashSet<>()).add(imageId);
        featuredNow.put(postId, imageId);
    }

    /** Every picture made the featured image of post {@code postId} here, the current one too. */
    Set<String> featuredBefore(String postId) {
        return Set.copyOf(featured.getOrDefault(postId, Set.of()));
    }

    /** The picture made the featured image of post {@code postId} here last, if any. */
    Optional<String> featured(String postId) {
        return Optional.ofNullable(featuredNow.get(postId));
    }
}
