package dev.postwright.pipeline;

import dev.postwright.images.ImageMaker;
import dev.postwright.model.ImageQuality;
import dev.postwright.images.ImageRequest;
import dev.postwright.images.ImageSize;
import dev.postwright.images.MadeImage;
import dev.postwright.images.offline.OfflineImageMaker;
import dev.postwright.jobs.CancellationToken;
import dev.postwright.jobs.JobFailure;
import dev.postwright.model.BlogPost;
import dev.postwright.model.OrganizationProfile;
import dev.postwright.model.Outline;
import dev.postwright.model.StoredImage;
import dev.postwright.model.VisualSuggestion;
import dev.postwright.store.ImageStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Makes a blog job's images and keeps their files: the featured picture by the image maker the
 * writer's settings name when the job reaches its images stage, the social cards by the offline
 * maker, all kept by the library's {@link ImageStore}. Thread-safe.
 */
public final class Illustrator {
    private final Supplier<? extends ImageMaker> makers;
    private final ImageStore store;
    private final ImageMaker cardMaker = new OfflineImageMaker();

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
    StoredImage make(VisualSuggestion suggestion, BlogPost post, Outline outline, String keyphrase,
                     OrganizationProfile organization, String jobId, CancellationToken cancel) throws JobFailure {
        ImageMaker maker = makers.get();
        return kept(maker, FeaturedImage.request(suggestion, post, outline, keyphrase, organization, maker),
                FeaturedImage.PLACEMENT, jobId, cancel);
    }

    /**
     * The post's social cards (1200×630 for links, 1080×1080 for squares), always drawn by the
     * offline maker: a card is typography from the title, whatever makes the featured picture.
     */
    List<StoredImage> socialCards(BlogPost post, Outline outline, String keyphrase, OrganizationProfile organization,
                                  String jobId, CancellationToken cancel) throws JobFailure {
        List<StoredImage> cards = new ArrayList<>();
        for (var card : SocialCards.ALL) {
            var request = new ImageRequest(post.title(), post.title() + " — " + card.description(), card.size(),
                    ImageQuality.STANDARD, FeaturedImage.card(post, outline, keyphrase, organization));
            cards.add(kept(cardMaker, request, card.placement(), jobId, cancel));
        }
        return cards;
    }

    /** The maker the writer's settings name now; an image job keeps the one it started with. */
    ImageMaker maker() {
        return makers.get();
    }

    /**
     * Writes the file of a picture an image job made for {@code postId} (may be null); its row is
     * the caller's to record.
     *
     * @throws JobFailure a transient one when the file cannot be written
     */
    StoredImage keep(MadeImage made, ImageRequest request, String placement, String jobId, String postId)
            throws JobFailure {
        return kept(made, request, placement, jobId, postId);
    }

    private StoredImage kept(ImageMaker maker, ImageRequest request, String placement, String jobId,
                             CancellationToken cancel) throws JobFailure {
        return kept(maker.make(request, cancel), request, placement, jobId, null);
    }

    private StoredImage kept(MadeImage made, ImageRequest request, String placement, String jobId, String postId)
            throws JobFailure {
        try {
            return store.keepFile(new ImageStore.NewImage(made.bytes(), made.mediaType(), made.width(), made.height(),
                    placement, request.prompt(), request.altText(), made.source(), jobId, postId, null));
        } catch (IOException e) {
            throw JobFailure.transientFailure("The image was made but could not be saved in the library folder ("
                    + e.getClass().getSimpleName() + "). Check that its disk has room and the folder can be written.",
                    "IMAGE_NOT_STORED", null, e);
        }
    }

    /** The social cards a post gets, by placement. */
    private record SocialCards(String placement, ImageSize size, String description) {
        static final List<SocialCards> ALL = List.of(
                new SocialCards("social-wide", ImageSize.SOCIAL_CARD, "card for shared links"),
                new SocialCards("social-square", ImageSize.SQUARE, "square card for social posts"));
    }
}
