package dev.postwright.engine;

import dev.postwright.jobs.JobEventListener;
import dev.postwright.jobs.LoggedEvent;
import dev.postwright.model.BlogPost;
import dev.postwright.model.ImageRefs;
import dev.postwright.model.JobEvent;
import dev.postwright.model.JobResult;
import dev.postwright.model.StoredImage;
import dev.postwright.remote.RemoteEngine;
import dev.postwright.remote.RemoteException;
import dev.postwright.render.Slugs;
import dev.postwright.seo.text.PostTexts;
import dev.postwright.store.ImageStore;
import dev.postwright.store.PostLibrary;
import dev.postwright.store.StoreException;
import dev.postwright.wire.ImageCodec;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * Keeps the posts of jobs run on a team server in this computer's library too, so a writer's
 * drafts are all in one place and work offline. A remote job's {@code complete} is saved once
 * (by job: a replayed stream finds the copy already there), with copies of the images its result
 * names, and the event the views receive names the local copies, so "Open in library" opens the
 * post and the preview shows its pictures. An image the server cannot give is left out of the
 * copy (its reference then shows as missing) and logged.
 */
public final class RemoteResults {
    private static final System.Logger LOG = System.getLogger(RemoteResults.class.getName());

    private final PostLibrary library;
    private final ImageStore images;
    private final String organizationId;

    public RemoteResults(PostLibrary library, ImageStore images, String organizationId) {
        this.library = library;
        this.images = images;
        this.organizationId = organizationId;
    }

    /** {@code listener}, with each {@code complete} of {@code jobId} on {@code server} saved locally first. */
    public JobEventListener keeping(String jobId, RemoteEngine server, JobEventListener listener) {
        return new JobEventListener() {
            @Override
            public void onEvent(LoggedEvent event) {
                if (event.event() instanceof JobEvent.Complete complete && complete.result().post() != null) {
                    event = new LoggedEvent(event.jobId(), event.seq(), new JobEvent.Complete(kept(jobId, server,
                            complete.result())), event.at());
                }
                listener.onEvent(event);
            }

            @Override
            public void onEnd() {
                listener.onEnd();
            }
        };
    }

    private JobResult kept(String jobId, RemoteEngine server, JobResult result) {
        String keptAs = "remote:" + jobId;
        BlogPost post = result.post();
        for (StoredImage remote : result.images()) {
            Optional<StoredImage> copy = copy(remote, keptAs, server);
            if (copy.isEmpty()) continue;
            post = post.withContent(post.content() == null ? null
                    : post.content().replace(ImageRefs.of(remote.id()) + ")", ImageRefs.of(copy.get().id()) + ")"));
        }
        String status = result.savedPost() != null && result.savedPost().status() != null ? result.savedPost().status()
                : "draft";
        String keyphrase = post.seoKeywords().isEmpty() ? null : post.seoKeywords().getFirst();
        try {
            var local = library.save(new PostLibrary.NewPost(post, organizationId, Slugs.of(post.title()), keyphrase,
                    status, PostTexts.wordCount(post.content()), keptAs));
            images.attach(keptAs, local.id());
            return new JobResult(local.post(), result.visuals(), result.seo(), local.toSavedPost(), result.metadata(),
                    result.ctas(), images.ofJob(keptAs));
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "The post of remote job {0} could not be kept in the library: {1}", jobId,
                    e.getMessage());
            return result;
        }
    }

    /**
     * A local copy of a remote job's image, downloaded once per job and placement (a replayed
     * stream finds the copy kept before), or empty after logging why not.
     */
    private Optional<StoredImage> copy(StoredImage remote, String keptAs, RemoteEngine server) {
        Optional<StoredImage> kept = images.ofJob(keptAs).stream()
                .filter(i -> i.placement().equals(remote.placement())).findFirst();
        if (kept.isPresent()) return kept;
        try {
            Optional<RemoteEngine.Picture> picture = server.image(ImageCodec.url(remote.id()));
            if (picture.isEmpty()) {
                LOG.log(Level.WARNING, "The server no longer has image {0}; the local copy of the post leaves it out",
                        remote.id());
                return Optional.empty();
            }
            return Optional.of(images.save(new ImageStore.NewImage(picture.get().bytes(), picture.get().mediaType(),
                    remote.width(), remote.height(), remote.placement(), remote.prompt(), remote.altText(),
                    remote.source(), keptAs, null, null)));
        } catch (RemoteException | IOException | StoreException | IllegalArgumentException e) {
            LOG.log(Level.WARNING, "Image {0} of a remote job could not be kept: {1}", remote.id(), e.getMessage());
            return Optional.empty();
        }
    }
}
