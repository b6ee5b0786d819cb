package dev.postwright.images;

import dev.postwright.model.ImageQuality;
import java.util.Objects;

/**
 * One picture to make. What each maker accepts is checked by {@link ImageRequests#check} when it
 * makes the image, so a request can be built from any input and refused with a sentence later.
 *
 * @param prompt  what to draw, sent to an image server; the offline maker's title when {@code card} is null
 * @param altText the picture's description for readers who cannot see it; may be null (kept with
 *                the image, not drawn)
 * @param size    width and height in pixels
 * @param quality how much effort to spend
 * @param card    what the offline maker writes on the card; may be null
 */
public record ImageRequest(String prompt, String altText, ImageSize size, ImageQuality quality, CardText card) {
    public ImageRequest {
        prompt = prompt == null ? "" : prompt.strip();
        Objects.requireNonNull(size, "size");
        if (quality == null) quality = ImageQuality.STANDARD;
    }

    /** A request for an image server: a prompt and a size. */
    public static ImageRequest ofPrompt(String prompt, ImageSize size) {
        return new ImageRequest(prompt, null, size, ImageQuality.STANDARD, null);
    }

    /** A card for the offline maker, its title doubling as the prompt. */
    public static ImageRequest ofCard(CardText card, ImageSize size) {
        return new ImageRequest(card.title(), card.title(), size, ImageQuality.STANDARD, card);
    }
}
