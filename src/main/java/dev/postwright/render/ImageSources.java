package dev.postwright.render;

import dev.postwright.model.PictureTypes;
import java.util.Optional;

/**
 * Where the renderer and the exports find the library's images that a post names
 * ({@code ![alt](postwright-image:ID)}, see {@code model.ImageRefs}). Implementations are
 * thread-safe; an image that cannot be read is absent, and is shown as missing.
 */
@FunctionalInterface
public interface ImageSources {
    /** An image's bytes and what a file of them is called. */
    record ImageData(byte[] bytes, String mediaType, String sha256) {
        /** The file name an export gives it: its hash, shortened, and the type's extension. */
        public String fileName() {
            String extension = PictureTypes.extension(mediaType).orElse("png");
            return sha256.substring(0, Math.min(16, sha256.length())) + "." + extension;
        }
    }

    /** For posts shown without a library: every image is missing. */
    ImageSources NONE = id -> Optional.empty();

    Optional<ImageData> image(String id);
}
