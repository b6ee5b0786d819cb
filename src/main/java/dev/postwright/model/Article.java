package dev.postwright.model;

/**
 * A news article to embed as {@code [ARTICLE:n]}; {@code publishedAt} is ISO-8601 text as sent.
 *
 * @param asSent the JSON object the producer sent, verbatim (see {@link Tweet#asSent()}); null for one made here
 */
public record Article(String url, String title, String description, String sourceName,
                      String author, String publishedAt, String urlToImage, String content, String asSent) {
    public Article(String url, String title, String description, String sourceName, String author, String publishedAt,
                   String urlToImage, String content) {
        this(url, title, description, sourceName, author, publishedAt, urlToImage, content, null);
    }
}
