package dev.postwright.model;

import java.time.Instant;

/**
 * A post in the writer's library, as of its latest version.
 *
 * @param sourceJobId the job that wrote it, or null for posts written or imported by hand
 * @param version     the number of its latest saved version, from 1
 */
public record LibraryPost(String id, String organizationId, String slug, String focusKeyphrase, String status,
                          int wordCount, String sourceJobId, Instant createdAt, Instant updatedAt, int version,
                          BlogPost post) {

    /** The row as the protocol's {@code savedPost} reports it. */
    public SavedPost toSavedPost() {
        return new SavedPost(id, post.title(), post.content(), post.metaDescription(), status, wordCount);
    }
}
