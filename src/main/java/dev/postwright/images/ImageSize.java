package dev.postwright.images;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A picture's size in pixels, written {@code 1200x630} as OpenAI's {@code size} field is. */
public record ImageSize(int width, int height) {
    /** Open Graph and X cards: what a shared link shows. */
    public static final ImageSize SOCIAL_CARD = new ImageSize(1200, 630);
    /** Instagram and LinkedIn squares. */
    public static final ImageSize SQUARE = new ImageSize(1080, 1080);
    /** A featured image at the top of a post (16:9, WordPress themes crop from it). */
    public static final ImageSize FEATURED = new ImageSize(1600, 900);

    private static final Pattern TEXT = Pattern.compile("\\s*(\\d{1,5})\\s*[xX×]\\s*(\\d{1,5})\\s*");

    public ImageSize {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("An image size must be positive, not " + width + "x" + height + ".");
        }
    }

    /**
     * Reads {@code 1024x1024} (also {@code 1024X1024} and {@code 1024×1024}).
     *
     * @throws IllegalArgumentException naming the text when it is not a size
     */
    public static ImageSize parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not an image size; write it as width x height, "
                    + "e.g. 1200x630.");
        }
        return new ImageSize(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** {@code 1200x630}. */
    @Override
    public String toString() {
        return width + "x" + height;
    }
}
