package dev.postwright.model;

/** A news article to embed as {@code [ARTICLE:n]}; {@code publishedAt} is ISO-8601 text as sent. */
public record Article(String url, String title, String description, String sourceName,
                      String author, String publishedAt, String urlToImage, String content) {}
