package dev.postwright.images;

import dev.postwright.jobs.JobFailure;
import dev.postwright.model.ImageJobRequest;

/** The checks every maker runs before it starts: a prompt within limits, a size it takes. */
public final class ImageRequests {
    /** OpenAI's limit for DALL·E 3 and what local servers' models can make sense of; longer prompts are refused. */
    public static final int MAX_PROMPT_CHARS = ImageJobRequest.MAX_PROMPT;
    public static final String INVALID = "INVALID_IMAGE_REQUEST";

    private ImageRequests() {}

    /** @throws JobFailure (permanent, {@link #INVALID}) saying what to change */
    public static void check(ImageRequest request, ImageMaker maker) throws JobFailure {
        if (request.prompt().isEmpty()) {
            throw JobFailure.permanent("The image has no prompt: describe the picture to make.", INVALID);
        }
        if (request.prompt().length() > MAX_PROMPT_CHARS) {
            throw JobFailure.permanent("The image prompt is %,d characters long; shorten it to at most %,d."
                    .formatted(request.prompt().length(), MAX_PROMPT_CHARS), INVALID);
        }
        if (!maker.accepts(request.size())) {
            throw JobFailure.permanent("An image of " + request.size() + " cannot be made: " + maker.sizeRule() + ".",
                    INVALID);
        }
    }
}
