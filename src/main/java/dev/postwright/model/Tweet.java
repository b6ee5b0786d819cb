package dev.postwright.model;

/** A tweet to embed as {@code [TWEET:n]}. Counts are null when the producer did not send them. */
public record Tweet(String url, String author, String handle, String text,
                    Long likes, Long retweets, boolean verified) {}
