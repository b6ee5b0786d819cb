package dev.postwright.wire;

import static dev.postwright.wire.Fields.bool;
import static dev.postwright.wire.Fields.put;
import static dev.postwright.wire.Fields.text;
import static dev.postwright.wire.Fields.whole;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postwright.model.Article;
import dev.postwright.model.Embeds;
import dev.postwright.model.Tweet;
import dev.postwright.model.Video;

/**
 * Preloaded tweets, articles and videos. Producers disagree on tweet field names: some send
 * {@code author_handle} / {@code author_name} instead of {@code handle} / {@code author}; both
 * are read. An embed read here is written back exactly as it was sent (its own field names, and
 * fields we do not read), as the backend echoes a brief's embeds; one made here is written with
 * the canonical names.
 */
public final class EmbedCodec {
    static final String TWEETS = "preloadedTweets";
    static final String ARTICLES = "preloadedArticles";
    static final String VIDEOS = "preloadedVideos";

    private EmbedCodec() {}

    /** Reads the three preloaded lists from {@code node} (a request's options, or a post). */
    public static Embeds readEmbeds(JsonNode node) {
        if (node == null) return Embeds.NONE;
        return new Embeds(Fields.objects(node, TWEETS, EmbedCodec::readTweet),
                Fields.objects(node, ARTICLES, EmbedCodec::readArticle),
                Fields.objects(node, VIDEOS, EmbedCodec::readVideo));
    }

    /** Writes the three lists into {@code out}, always present (possibly empty), as blog-result echoes them. */
    public static void writeEmbeds(ObjectNode out, Embeds embeds) {
        Fields.putObjects(out, TWEETS, embeds.tweets(), EmbedCodec::writeTweet);
        Fields.putObjects(out, ARTICLES, embeds.articles(), EmbedCodec::writeArticle);
        Fields.putObjects(out, VIDEOS, embeds.videos(), EmbedCodec::writeVideo);
    }

    public static Tweet readTweet(JsonNode n) {
        return new Tweet(text(n, "url"), text(n, "author", "author_name"), text(n, "handle", "author_handle"),
                text(n, "text"), whole(n, "likes"), whole(n, "retweets"), bool(n, "verified", false), Json.write(n));
    }

    public static ObjectNode writeTweet(Tweet t) {
        if (t.asSent() != null) return asSent(t.asSent());
        ObjectNode o = Json.object();
        put(o, "url", t.url());
        put(o, "author", t.author());
        put(o, "handle", t.handle());
        put(o, "text", t.text());
        put(o, "likes", t.likes());
        put(o, "retweets", t.retweets());
        o.put("verified", t.verified());
        return o;
    }

    public static Article readArticle(JsonNode n) {
        JsonNode source = Fields.object(n, "source");
        String sourceName = text(n, "sourceName");
        // NewsAPI's own shape nests the name: {"source": {"name": …}}
        if (sourceName == null && source != null) sourceName = text(source, "name");
        return new Article(text(n, "url"), text(n, "title"), text(n, "description"), sourceName,
                text(n, "author"), text(n, "publishedAt"), text(n, "urlToImage"), text(n, "content"), Json.write(n));
    }

    public static ObjectNode writeArticle(Article a) {
        if (a.asSent() != null) return asSent(a.asSent());
        ObjectNode o = Json.object();
        put(o, "url", a.url());
        put(o, "title", a.title());
        put(o, "description", a.description());
        put(o, "sourceName", a.sourceName());
        put(o, "author", a.author());
        put(o, "publishedAt", a.publishedAt());
        put(o, "urlToImage", a.urlToImage());
        put(o, "content", a.content());
        return o;
    }

    public static Video readVideo(JsonNode n) {
        return new Video(text(n, "url"), text(n, "videoId"), text(n, "title"), text(n, "description"),
                text(n, "channelTitle"), text(n, "channelId"), text(n, "publishedAt"), text(n, "thumbnailUrl"),
                whole(n, "viewCount"), whole(n, "likeCount"), text(n, "duration"), Json.write(n));
    }

    public static ObjectNode writeVideo(Video v) {
        if (v.asSent() != null) return asSent(v.asSent());
        ObjectNode o = Json.object();
        put(o, "url", v.url());
        put(o, "videoId", v.videoId());
        put(o, "title", v.title());
        put(o, "description", v.description());
        put(o, "channelTitle", v.channelTitle());
        put(o, "channelId", v.channelId());
        put(o, "publishedAt", v.publishedAt());
        put(o, "thumbnailUrl", v.thumbnailUrl());
        put(o, "viewCount", v.viewCount());
        put(o, "likeCount", v.likeCount());
        put(o, "duration", v.duration());
        return o;
    }

    /** The object an embed was read from; it was one when read, so it parses as one. */
    private static ObjectNode asSent(String json) {
        return (ObjectNode) Json.parse(json, "an embed");
    }
}
