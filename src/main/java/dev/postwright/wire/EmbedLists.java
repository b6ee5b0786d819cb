package dev.postwright.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postwright.model.Article;
import dev.postwright.model.Tweet;
import dev.postwright.model.Video;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The embed lists a brief form takes as typed JSON arrays (what the backend's search streams
 * produce): whether a typed list can be read, the list read leniently, and a list written back.
 * Blank text is the empty list. Stateless.
 */
public final class EmbedLists {
    private EmbedLists() {}

    /** Why {@code json} is not a list of {@code what} to embed ("Tweets"), or empty when it is one (or blank). */
    public static Optional<String> problem(String json, String what) {
        if (json == null || json.isBlank()) return Optional.empty();
        try {
            JsonNode node = Json.parse(json, what.toLowerCase() + " to embed");
            return node.isArray() ? Optional.empty() : Optional.of(what + " to embed must be a JSON list: [ {…}, {…} ].");
        } catch (WireFormatException e) {
            return Optional.of(e.getMessage());
        }
    }

    public static List<Tweet> tweets(String json) { return read(json, EmbedCodec::readTweet); }
    public static List<Article> articles(String json) { return read(json, EmbedCodec::readArticle); }
    public static List<Video> videos(String json) { return read(json, EmbedCodec::readVideo); }

    public static String ofTweets(List<Tweet> items) { return write(items, EmbedCodec::writeTweet); }
    public static String ofArticles(List<Article> items) { return write(items, EmbedCodec::writeArticle); }
    public static String ofVideos(List<Video> items) { return write(items, EmbedCodec::writeVideo); }

    /** The objects of {@code json}'s array; anything unreadable is no items ({@link #problem} says why). */
    private static <T> List<T> read(String json, Function<JsonNode, T> reader) {
        if (json == null || json.isBlank()) return List.of();
        try {
            JsonNode node = Json.parse(json, "embeds");
            if (!node.isArray()) return List.of();
            List<T> out = new ArrayList<>();
            for (JsonNode item : node) if (item.isObject()) out.add(reader.apply(item));
            return out;
        } catch (WireFormatException e) {
            return List.of();
        }
    }

    private static <T> String write(List<T> items, Function<T, ObjectNode> writer) {
        if (items.isEmpty()) return "";
        var array = Json.array();
        items.forEach(i -> array.add(writer.apply(i)));
        return Json.write(array);
    }
}
