package dev.postwright.model;

/**
 * A tweet to embed as {@code [TWEET:n]}. Counts are null when the producer did not send them.
 *
 * @param asSent the JSON object the producer sent, verbatim, so it is echoed back with its own
 *               field names and any fields we do not read; null for a tweet made here
 */
public record Tweet(String url, String author, String handle, String text,
                    Long likes, Long retweets, boolean verified, String asSent) {
    public Tweet(String url, String author, String handle, String text, Long likes, Long retweets, boolean verified) {
        this(url, author, handle, text, likes, retweets, verified, null);
    }
}
