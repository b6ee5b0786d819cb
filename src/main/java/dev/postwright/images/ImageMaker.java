package dev.postwright.images;

import dev.postwright.jobs.CancellationToken;
import dev.postwright.jobs.JobFailure;

/**
 * Makes pictures for posts: the offline card renderer or an image server. Called on a worker
 * thread; implementations are thread-safe, so one instance serves every job. {@link #make}
 * checks {@code cancel} and aborts blocking work when it fires (a {@code JobCancelledException}
 * then propagates). Failures are {@link JobFailure}s with a message for the writer, marked
 * transient when a retry may succeed; a request the maker cannot take is refused before any work,
 * with error code {@code INVALID_IMAGE_REQUEST}.
 */
public interface ImageMaker {
    /** Who makes the pictures, as recorded in {@link MadeImage#source()}: {@code "offline"} or the server's model. */
    String source();

    /** Whether {@link #make} takes this size; the same rule {@link #make} applies. */
    boolean accepts(ImageSize size);

    /**
     * The sizes {@link #accepts} takes, as a clause for the writer: "the offline maker makes
     * 1200x630, 1080x1080 and 1600x900 images".
     */
    String sizeRule();

    /** The size to use when the writer chose none. */
    ImageSize defaultSize();

    /**
     * Makes one image for {@code request}.
     *
     * @throws JobFailure with {@code INVALID_IMAGE_REQUEST} for a prompt or size this maker refuses,
     *                    or the reason the image could not be made
     */
    MadeImage make(ImageRequest request, CancellationToken cancel) throws JobFailure;
}
