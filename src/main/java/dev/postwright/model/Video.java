package dev.postwright.model;

/** A video to embed as {@code [VIDEO:n]}; {@code duration} is display text such as "5m 30s". */
public record Video(String url, String videoId, String title, String description,
                    String channelTitle, String channelId, String publishedAt, String thumbnailUrl,
                    Long viewCount, Long likeCount, String duration) {}
