package dev.postwright.model;

/** The business the post is written for. */
public record BusinessInfo(String businessType, String targetAudience, String industry, String userId) {}
