package dev.postwright.engine;

import dev.postwright.model.StoredImage;
import dev.postwright.render.ImageSources;
import dev.postwright.store.ImageStore;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * The library's images for the renderer and the exports. An image whose file is missing or
 * damaged is logged once per lookup and shown as missing: the post still renders.
 */
public final class LibraryImageSources implements ImageSources {
    private static final System.Logger LOG = System.getLogger(LibraryImageSources.class.getName());

    private final ImageStore store;

    public LibraryImageSources(ImageStore store) {
        this.store = store;
    }

    @Override
    public Optional<ImageData> image(String id) {
        Optional<StoredImage> image = store.find(id);
        if (image.isEmpty()) return Optional.empty();
        try {
            return Optional.of(new ImageData(store.bytes(image.get()), image.get().mediaType(), image.get().sha256()));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Image {0} cannot be shown: {1}", id, e.getMessage());
            return Optional.empty();
        }
    }
}
