package dev.postwright.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One picture to make as a job of its own: from the Visuals panel ("Create image"), {@code serve}'s
 * image routes, or a batch of them. Instances may be invalid; {@link #problems()} says why.
 *
 * @param prompt         what to draw (required, at most {@link #MAX_PROMPT} characters)
 * @param altText        the description kept with the picture for readers who cannot see it; null: the prompt
 * @param width          pixels, with {@code height}; both null for the maker's own size
 * @param quality        how much effort to spend; null reads as standard
 * @param placement      where a post would show it: {@code featured}, {@code inline}, {@code social-wide}
 *                       or {@code social-square}; null reads as {@code inline}
 * @param postId         the library post the picture is for (its title goes on an offline card, and
 *                       the picture is kept and deleted with it); null for a picture of its own
 * @param organizationId whose name and colours an offline card uses; may be null
 */
public record ImageJobRequest(String prompt, String altText, Integer width, Integer height, ImageQuality quality,
                              String placement, String postId, String organizationId) implements JobInput {
    /** The image makers' limit (OpenAI's for DALL·E 3); longer prompts are refused. */
    public static final int MAX_PROMPT = 4_000;
    public static final int MAX_ALT_TEXT = 1_000;
    /** The Blog SDK's bounds for a requested width or height. */
    public static final int MIN_SIDE = 64;
    public static final int MAX_SIDE = 2_048;
    public static final String INLINE = "inline";
    public static final Set<String> PLACEMENTS = Set.of("featured", INLINE, "social-wide", "social-square");

    public ImageJobRequest {
        prompt = prompt == null ? "" : prompt.strip();
        altText = altText == null || altText.isBlank() ? null : altText.strip();
        if (quality == null) quality = ImageQuality.STANDARD;
        if (placement == null || placement.isBlank()) placement = INLINE;
    }

    /** A picture of its own, at the maker's size. */
    public static ImageJobRequest ofPrompt(String prompt) {
        return new ImageJobRequest(prompt, null, null, null, null, null, null, null);
    }

    @Override
    public JobKind kind() {
        return JobKind.IMAGE;
    }

    @Override
    public String title() {
        return prompt;
    }

    /** The alt text, or the prompt when there is none. */
    public String altOrPrompt() {
        return altText != null ? altText : prompt;
    }

    @Override
    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (prompt.isEmpty()) {
            problems.add(new FieldProblem("prompt", "Describe the picture to make."));
        } else if (prompt.length() > MAX_PROMPT) {
            problems.add(new FieldProblem("prompt", "The prompt is %,d characters long; shorten it to at most %,d."
                    .formatted(prompt.length(), MAX_PROMPT)));
        }
        if (altText != null && altText.length() > MAX_ALT_TEXT) {
            problems.add(new FieldProblem("altText", "The alt text is %,d characters long; shorten it to at most %,d."
                    .formatted(altText.length(), MAX_ALT_TEXT)));
        }
        if ((width == null) != (height == null)) {
            problems.add(new FieldProblem(width == null ? "width" : "height",
                    "Give both the width and the height, or neither for the maker's own size."));
        }
        side("width", width, problems);
        side("height", height, problems);
        if (!PLACEMENTS.contains(placement)) {
            problems.add(new FieldProblem("placement", "The placement must be featured, inline, social-wide or "
                    + "social-square, not \"" + placement + "\"."));
        }
        if (postId != null && postId.length() > 200) problems.add(new FieldProblem("postId", "That is no post id."));
        if (organizationId != null && organizationId.length() > BriefRules.MAX_SHORT_TEXT) {
            problems.add(new FieldProblem("organizationId", "The organization id is too long."));
        }
        return List.copyOf(problems);
    }

    private static void side(String field, Integer pixels, List<FieldProblem> problems) {
        if (pixels != null && (pixels < MIN_SIDE || pixels > MAX_SIDE)) {
            problems.add(new FieldProblem(field, "The " + field + " must be %d to %,d pixels, not %,d."
                    .formatted(MIN_SIDE, MAX_SIDE, pixels)));
        }
    }
}
