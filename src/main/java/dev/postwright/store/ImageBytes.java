package dev.postwright.store;

import dev.postwright.model.StoredImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Where {@link ImageStore} keeps the bytes of its images, named by their SHA-256: files in the
 * data folder ({@link ImageFiles}, SQLite's library) or rows of the database
 * ({@link ImageRows}, PostgreSQL's, which every node of a team reads). Either way the bytes are
 * kept before the row that names them, and swept once no row does. Thread-safe.
 */
sealed interface ImageBytes permits ImageFiles, ImageRows {

    /**
     * Keeps {@code bytes} durably under {@code sha256}; for bytes kept already, renews their time so
     * a sweep running now leaves them to the row on its way.
     *
     * @throws IOException    a file cannot be written
     * @throws StoreException the database cannot keep them
     */
    void keep(String sha256, String mediaType, byte[] bytes) throws IOException;

    /**
     * The bytes kept for {@code image}, unchecked.
     *
     * @throws IOException with a sentence when they are missing
     */
    byte[] read(StoredImage image) throws IOException;

    /** What the damaged bytes of {@code image} are, for a sentence: "The image file X" or "The image X". */
    String described(StoredImage image);

    /** Deletes the bytes no image row names and not kept since {@code cutoff}; returns how many. */
    int sweep(Instant cutoff) throws IOException;

    /** The file that holds {@code image}'s bytes; empty when they are not a file. */
    Optional<Path> file(StoredImage image);
}
