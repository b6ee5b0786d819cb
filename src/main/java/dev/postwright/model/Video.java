package dev.postwright.model;

/**
 * A video to embed as {@code [VIDEO:n]}; {@code duration} is display text such as "5m 30s".
 *
 * @param asSent the JSON object the producer sent, verbatim (see {@link Tweet#asSent()}); null for one made here
 */
public record Video(String url, String videoId, String title, String description,
                    String channelTitle, String channelId, String publishedAt, String thumbnailUrl,
                    Long viewCount, Long likeCount, String duration, String asSent) {
    public Video(String url, String videoId, String title, String description, String channelTitle, String channelId,
                 String publishedAt, String thumbnailUrl, Long viewCount, Long likeCount, String duration) {
        this(url, videoId, title, description, channelTitle, channelId, publishedAt, thumbnailUrl, viewCount, likeCount,
                duration, null);
    }
}
