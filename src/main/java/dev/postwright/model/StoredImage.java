package dev.postwright.model;

import java.time.Instant;

/**
 * An image kept with the library: its bytes are a file in the data folder named by their SHA-256,
 * this is its row.
 *
 * @param postId    the post it belongs to, or null until its job's post is saved (or for none)
 * @param jobId     the job that made it, or null for one added by hand
 * @param placement where the post uses it: {@code featured}, {@code social-wide}, {@code social-square} or {@code inline}
 * @param source    what made it: {@code offline}, or the image server's model
 * @param size      its length in bytes
 */
public record StoredImage(String id, String postId, String jobId, String placement, String prompt, String altText,
                          String mediaType, int width, int height, long size, String source, String sha256,
                          Instant createdAt) {}
