package dev.postwright.images.offline;

import dev.postwright.images.CardText;
import dev.postwright.images.ImageMaker;
import dev.postwright.images.ImageRequest;
import dev.postwright.images.ImageRequests;
import dev.postwright.images.ImageSize;
import dev.postwright.images.MadeImage;
import dev.postwright.jobs.CancellationToken;
import dev.postwright.jobs.JobFailure;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;

/**
 * The built-in maker: typographic cards drawn on this computer, with no server and no display.
 * A card shows the post's title, its kind and keyphrase, and the organization's name, in the
 * organization's colours over a pattern derived from the card; the same request always gives the
 * same PNG, byte for byte, on any machine with the same JDK, for text the shipped fonts cover (Latin,
 * Greek, Cyrillic; other scripts fall back to the machine's fonts). A request without
 * {@link CardText} gets a card whose title is the prompt.
 * Thread-safe and stateless: one instance serves every job.
 */
public final class OfflineImageMaker implements ImageMaker {
    /** What {@link MadeImage#source()} says for these cards. */
    public static final String SOURCE = "offline";
    /** The sizes drawn: a social card, a square and a featured image. */
    public static final List<ImageSize> SIZES = List.of(ImageSize.SOCIAL_CARD, ImageSize.SQUARE, ImageSize.FEATURED);

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public boolean accepts(ImageSize size) {
        return SIZES.contains(size);
    }

    @Override
    public String sizeRule() {
        return "the offline maker draws 1200x630 (social card), 1080x1080 (square) and 1600x900 (featured) images";
    }

    @Override
    public ImageSize defaultSize() {
        return ImageSize.SOCIAL_CARD;
    }

    /**
     * Takes tens of milliseconds; cancellation is checked before drawing and before encoding.
     *
     * @throws JobFailure {@code INVALID_IMAGE_REQUEST} for a size not in {@link #SIZES} or a bad
     *                    prompt; {@code FONTS_UNAVAILABLE} when the shipped fonts cannot be read
     */
    @Override
    public MadeImage make(ImageRequest request, CancellationToken cancel) throws JobFailure {
        ImageRequests.check(request, this);
        cancel.throwIfCancelled();
        CardText card = request.card() != null ? request.card() : new CardText(request.prompt(), null, null, null, null);
        BufferedImage image;
        try {
            image = CardRenderer.render(card, request.size(), CardFonts.shipped());
        } catch (IOException e) {
            throw JobFailure.permanent("The offline image maker could not load its fonts (" + e.getMessage() + "). Check "
                    + "that the temporary folder is writable, or reinstall Postwright.", "FONTS_UNAVAILABLE");
        }
        cancel.throwIfCancelled();
        byte[] png = PngEncoder.encode(image, request.quality());
        return MadeImage.of(png, "image/png", image.getWidth(), image.getHeight(), SOURCE);
    }
}
