package dev.postwright.pipeline;

import dev.postwright.images.ImageMaker;
import dev.postwright.images.MadeImage;
import dev.postwright.jobs.CancellationToken;
import dev.postwright.jobs.JobFailure;
import dev.postwright.model.BlogPost;
import dev.postwright.model.Outline;
import dev.postwright.model.StoredImage;
import dev.postwright.model.VisualSuggestion;
import dev.postwright.store.ImageStore;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * Makes a blog job's images and keeps their files: the image maker the writer's settings name
 * when the job reaches its images stage, and the library's {@link ImageStore}. Thread-safe.
 */
public final class Illustrator {
    private final Supplier<? extends ImageMaker> makers;
    private final ImageStore store;

    public Illustrator(Supplier<? extends ImageMaker> makers, ImageStore store) {
        this.makers = makers;
        this.store = store;
    }

    ImageStore store() {
        return store;
    }

    /**
     * Makes the featured image from {@code suggestion} and writes its file; its row is the caller's
     * to record ({@link ImageStore#recording}).
     *
     * @throws JobFailure the maker's, or a transient one when the file cannot be written
     */
    StoredImage make(VisualSuggestion suggestion, BlogPost post, Outline outline, String keyphrase, String organization,
                     String jobId, CancellationToken cancel) throws JobFailure {
        ImageMaker maker = makers.get();
        var request = FeaturedImage.request(suggestion, post, outline, keyphrase, organization, maker);
        MadeImage made = maker.make(request, cancel);
        try {
            return store.keepFile(new ImageStore.NewImage(made.bytes(), made.mediaType(), made.width(), made.height(),
                    FeaturedImage.PLACEMENT, request.prompt(), request.altText(), made.source(), jobId, null, null));
        } catch (IOException e) {
            throw JobFailure.transientFailure("The image could not be kept in the data folder: " + e.getMessage(),
                    "IMAGE_NOT_STORED", null, e);
        }
    }
}
