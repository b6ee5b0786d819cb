package dev.postwright.seo.fix;

/**
 * A fix the SEO panel can offer for a failing check.
 *
 * @param checkId    the check it answers
 * @param part       what it rewrites
 * @param mechanical true when it is worked out here, without a model (and so works offline)
 * @param action     the button's words: "Rewrite the introduction"
 */
public record FixOffer(String checkId, Part part, boolean mechanical, String action) {}
