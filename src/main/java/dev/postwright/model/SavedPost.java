package dev.postwright.model;

/** The library row a job saved its post as; {@code wordCount} may be null. */
public record SavedPost(String id, String title, String content, String metaDescription,
                        String status, Integer wordCount) {}
