package dev.postwright.model;

import java.util.List;

/** The tweets, articles and videos that {@code [TWEET:n]}-style placeholders index, zero-based. */
public record Embeds(List<Tweet> tweets, List<Article> articles, List<Video> videos) {
    public static final Embeds NONE = new Embeds(List.of(), List.of(), List.of());

    public Embeds {
        tweets = Lists.copyOf(tweets);
        articles = Lists.copyOf(articles);
        videos = Lists.copyOf(videos);
    }
}
