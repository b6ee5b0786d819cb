package dev.postwright.pipeline;

import dev.postwright.images.CardText;
import dev.postwright.images.ImageMaker;
import dev.postwright.images.ImageRequest;
import dev.postwright.images.ImageRequests;
import dev.postwright.images.ImageSize;
import dev.postwright.images.MadeImage;
import dev.postwright.jobs.JobFailure;
import dev.postwright.model.ImageJobRequest;
import dev.postwright.model.ImageStage;
import dev.postwright.model.JobEvent;
import dev.postwright.model.JobResult;
import dev.postwright.model.LibraryPost;
import dev.postwright.model.OrganizationProfile;
import dev.postwright.model.Stage;
import dev.postwright.model.StoredImage;
import dev.postwright.queue.JobContext;
import dev.postwright.store.OrganizationProfiles;
import dev.postwright.store.PostLibrary;
import dev.postwright.wire.CheckpointCodec;
import dev.postwright.wire.WireFormatException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * One run of an image job: processing (the request checked against the maker, the post and the
 * organization read) ▶ generating (the maker draws) ▶ storing (the file written, then its row
 * recorded in the same transaction as the job's checkpoint) ▶ completed. A re-run after a crash
 * or a retry restores the stored picture instead of drawing another; a cancelled run records no
 * row, and the file it may have written is one the library's sweep removes. Not thread-safe: one
 * per attempt, on its worker thread.
 */
final class ImageRun {
    /** The checkpoint of the stored picture. */
    static final String CHECKPOINT = "image";
    private static final System.Logger LOG = System.getLogger(ImageRun.class.getName());

    private final JobContext ctx;
    private final ImageJobRequest request;
    private final Illustrator illustrator;
    private final PostLibrary library;
    private final OrganizationProfiles profiles;
    private final Clock clock;

    ImageRun(JobContext ctx, ImageJobRequest request, Illustrator illustrator, PostLibrary library,
             OrganizationProfiles profiles, Clock clock) {
        this.ctx = ctx;
        this.request = request;
        this.illustrator = illustrator;
        this.library = library;
        this.profiles = profiles;
        this.clock = clock;
    }

    JobResult execute() throws JobFailure {
        long started = clock.millis();
        List<StoredImage> images = restored().or(this::recordedBefore).orElse(null);
        if (images == null) {
            announce(ImageStage.PROCESSING);
            ImageMaker maker = illustrator.maker();
            ImageRequest picture = picture(maker);
            ImageRequests.check(picture, maker);
            announce(ImageStage.GENERATING);
            MadeImage made = maker.make(picture, ctx.cancellation());
            announce(ImageStage.STORING);
            images = List.of(illustrator.keep(made, picture, request.placement(), ctx.jobId(), request.postId()));
            ctx.completeStage(CHECKPOINT, CheckpointCodec.IMAGES.write(images), events(images),
                    illustrator.store().recording(images, ctx.owner()));
        }
        ctx.emit(new JobEvent.ProgressUpdate(100, "Done", 0, Stage.COMPLETED, null, null));
        return JobResult.ofImages(images, clock.millis() - started);
    }

    /** The picture an earlier run stored (its events re-emitted, which the log keeps once); empty on a first run. */
    private Optional<List<StoredImage>> restored() {
        String saved = ctx.checkpoints().get(CHECKPOINT);
        if (saved == null) return Optional.empty();
        try {
            List<StoredImage> images = CheckpointCodec.IMAGES.read(saved);
            ctx.completeStage(CHECKPOINT, saved, events(images));
            return Optional.of(images);
        } catch (WireFormatException e) {
            LOG.log(Level.WARNING, "The image checkpoint of job {0} is damaged; making the picture again: {1}",
                    ctx.jobId(), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The picture an earlier run recorded although its checkpoint is unreadable: kept, not drawn
     * again (the row is the job's one picture for its placement, and a second would not be recorded).
     */
    private Optional<List<StoredImage>> recordedBefore() {
        List<StoredImage> kept = illustrator.store().ofJob(ctx.jobId()).stream()
                .filter(i -> i.placement().equals(request.placement())).toList();
        if (kept.isEmpty()) return Optional.empty();
        ctx.completeStage(CHECKPOINT, CheckpointCodec.IMAGES.write(kept), events(kept));
        return Optional.of(kept);
    }

    /**
     * What the maker is asked for: the prompt at the requested size (else the placement's, else
     * the maker's own), with the card an offline maker draws: the post's title and keyphrase when
     * the picture is for a post, else the prompt, in the organization's name and colours.
     *
     * @throws JobFailure permanent, when the post it is for is not (or no longer) the owner's
     */
    private ImageRequest picture(ImageMaker maker) throws JobFailure {
        Optional<LibraryPost> post = Optional.empty();
        if (request.postId() != null) {
            post = ctx.owner() == null ? library.find(request.postId()) : library.findOwned(request.postId(), ctx.owner());
            if (post.isEmpty()) {
                throw JobFailure.permanent("The post this picture was for is no longer in the library.", "POST_NOT_FOUND");
            }
        }
        String organizationId = request.organizationId() != null ? request.organizationId()
                : post.map(LibraryPost::organizationId).orElse(null);
        OrganizationProfile organization = organizationId == null ? OrganizationProfile.empty(null)
                : profiles.find(organizationId).orElse(OrganizationProfile.empty(organizationId));
        String title = post.map(p -> p.post().title()).filter(t -> t != null && !t.isBlank()).orElse(request.prompt());
        CardText card = title.isBlank() ? null : new CardText(cardTitle(title), post.map(LibraryPost::focusKeyphrase)
                .orElse(null), null, organization.name(), FeaturedImage.colours(organization));
        return new ImageRequest(request.prompt(), request.altOrPrompt(), size(maker), request.quality(), card);
    }

    private ImageSize size(ImageMaker maker) {
        if (request.width() != null && request.height() != null) return new ImageSize(request.width(), request.height());
        ImageSize preferred = switch (request.placement()) {
            case "featured" -> ImageSize.FEATURED;
            case "social-wide" -> ImageSize.SOCIAL_CARD;
            case "social-square" -> ImageSize.SQUARE;
            default -> maker.defaultSize();
        };
        return maker.accepts(preferred) ? preferred : maker.defaultSize();
    }

    /** A prompt used as a card's headline is cut at a sentence a card can hold. */
    private static String cardTitle(String title) {
        return title.length() <= 140 ? title : title.substring(0, 139).strip() + "…";
    }

    private void announce(ImageStage stage) {
        ctx.emit(new JobEvent.ProgressUpdate(stage.progress(), stage.step(), null, stage.wireName(), null, null));
    }

    private static List<JobEvent> events(List<StoredImage> images) {
        return List.of(new JobEvent.ImagesResult(images));
    }
}
