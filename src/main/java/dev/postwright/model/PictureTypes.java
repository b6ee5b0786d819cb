package dev.postwright.model;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The picture formats Postwright keeps, shows and exports (PNG, JPEG, WebP: what browsers decode
 * without running anything, so never SVG), by media type and by file extension. Stateless.
 */
public final class PictureTypes {
    private static final Map<String, String> EXTENSIONS = Map.of("image/png", "png", "image/jpeg", "jpg",
            "image/webp", "webp");
    private static final Map<String, String> BY_EXTENSION = Map.of("png", "image/png", "jpg", "image/jpeg",
            "jpeg", "image/jpeg", "webp", "image/webp");

    private PictureTypes() {}

    /** Whether {@code mediaType} is one of the formats kept (parameters not included). */
    public static boolean isPicture(String mediaType) {
        return mediaType != null && EXTENSIONS.containsKey(mediaType);
    }

    /** The usual file extension of a kept format ({@code png}, {@code jpg}, {@code webp}), without the dot. */
    public static Optional<String> extension(String mediaType) {
        return Optional.ofNullable(mediaType == null ? null : EXTENSIONS.get(mediaType));
    }

    /** The media type a file name's extension asks for, in any case; empty for another kind of file. */
    public static Optional<String> ofFileName(String name) {
        int dot = name == null ? -1 : name.lastIndexOf('.');
        return dot < 0 ? Optional.empty()
                : Optional.ofNullable(BY_EXTENSION.get(name.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }
}
