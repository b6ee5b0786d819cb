package dev.postwright.ui.library;

import dev.postwright.images.ImageBytes;
import dev.postwright.store.ImageStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A picture the writer adds from a file: at most {@link #MAX_BYTES}, checked to be a whole PNG,
 * JPEG or WebP by its content ({@link ImageBytes}), whatever its name says; kept as an
 * {@code inline} image from source {@code file}, its file name as the prompt, and no owner (the
 * desktop's own library). Stateless.
 */
final class PictureFiles {
    /** The largest picture file accepted, as for pictures a server sends. */
    static final long MAX_BYTES = 20L * 1024 * 1024;

    private PictureFiles() {}

    /** A file the writer chose that is no picture to keep, with the sentence that says why. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The picture in {@code file}, checked, as post {@code postId}'s new inline image with a
     * default alt text. Reads the disk: call it off the FX thread.
     *
     * @throws Refused     when the file is empty, larger than {@link #MAX_BYTES} or no whole picture
     * @throws IOException when it cannot be read
     */
    static ImageStore.NewImage read(Path file, String postId) throws IOException, Refused {
        String name = file.getFileName().toString();
        long size = Files.size(file);
        if (size > MAX_BYTES) throw tooLarge(name);
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_BYTES + 1); // the file may have grown since
        }
        if (bytes.length > MAX_BYTES) throw tooLarge(name);
        if (bytes.length == 0) throw new Refused("“" + name + "” is empty. Nothing was added.");
        ImageBytes.Picture picture;
        try {
            picture = ImageBytes.inspect(bytes);
        } catch (ImageBytes.NotAnImageException e) {
            throw new Refused("“" + name + "” is not a whole PNG, JPEG or WebP picture: it is " + e.getMessage()
                    + ". Nothing was added.");
        }
        return new ImageStore.NewImage(bytes, picture.mediaType(), picture.width(), picture.height(), "inline", name,
                defaultAlt(name), "file", null, postId, null);
    }

    private static Refused tooLarge(String name) {
        return new Refused("“" + name + "” is larger than " + MAX_BYTES / (1024 * 1024) + " MB, the most a picture "
                + "may be. Nothing was added.");
    }

    /** "sourdough-loaf_2.png" → "Sourdough loaf 2": a start the writer is asked to improve. */
    static String defaultAlt(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String words = (dot > 0 ? fileName.substring(0, dot) : fileName).replaceAll("[-_.]+", " ").strip();
        if (words.isEmpty()) return "Picture";
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
