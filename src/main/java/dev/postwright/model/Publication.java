package dev.postwright.model;

import java.time.Instant;

/**
 * Where a library post was last published: the site (its address, as {@code Site} writes it), the post's id and link there,
 * its status there, the site's {@code modified_gmt} after our last write (a later value means it
 * was changed on the site), and the library version that was sent.
 *
 * @param jobId the publish job that wrote it last, or null
 */
public record Publication(String postId, String siteAddress, long remoteId, String link, String remoteStatus,
                          String modifiedGmt, int version, String jobId, Instant publishedAt) {
}
