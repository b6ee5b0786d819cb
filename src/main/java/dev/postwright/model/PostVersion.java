package dev.postwright.model;

import java.time.Instant;

/**
 * One saved version of a library post, without its text (listing versions stays cheap).
 *
 * @param reason why it was saved: "Generated", "Edited", "Restored version 2"…
 */
public record PostVersion(int number, Instant savedAt, String reason, int wordCount) {}
