package dev.postwright.model;

/**
 * A written body.
 *
 * @param markdown   the post body, with embed and image placeholders
 * @param tokensUsed tokens the model spent, 0 for the offline engine
 */
public record Draft(String markdown, long tokensUsed) {}
