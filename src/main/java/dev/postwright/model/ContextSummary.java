package dev.postwright.model;

/**
 * What organization context a job could draw on ({@code context-result}).
 *
 * @param completenessScore 0-100
 * @param hasBlogContent    null when the producer did not say
 */
public record ContextSummary(String organizationId, double completenessScore, Boolean hasBlogContent,
                             Boolean hasCtaData, Boolean hasInternalLinks) {}
