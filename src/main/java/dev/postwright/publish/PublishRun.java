package dev.postwright.publish;

import dev.postwright.jobs.JobFailure;
import dev.postwright.model.ImageRefs;
import dev.postwright.model.JobEvent;
import dev.postwright.model.JobResult;
import dev.postwright.model.LibraryPost;
import dev.postwright.model.PictureTypes;
import dev.postwright.model.Publication;
import dev.postwright.model.PublishRequest;
import dev.postwright.model.StoredImage;
import dev.postwright.publish.wordpress.PostDraft;
import dev.postwright.publish.wordpress.RemotePost;
import dev.postwright.publish.wordpress.SeoFields;
import dev.postwright.publish.wordpress.Site;
import dev.postwright.publish.wordpress.UploadedMedia;
import dev.postwright.publish.wordpress.WordPressClient;
import dev.postwright.publish.wordpress.WordPressException;
import dev.postwright.queue.JobContext;
import dev.postwright.store.ImageStore;
import dev.postwright.store.Publications;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * One attempt of a publish job: read the post ▶ upload its images (each once per site, reused
 * after) ▶ find or create its categories and tags ▶ update the site's post, or create it once ▶
 * record where it is, in the transaction of the job's checkpoint. A post the site changed since
 * the last publish is not overwritten unless the request agrees to. A retry after a create whose
 * answer was lost finds the post by its marker (decision 0032) instead of making a second. Not
 * thread-safe: one per attempt, on its worker thread.
 */
final class PublishRun {
    /** The checkpoint of a finished publish: the site's post id and link, one per line. */
    static final String CHECKPOINT = "published";

    private final JobContext ctx;
    private final PublishRequest request;
    private final PostPublisher.Services services;
    private final Clock clock;

    PublishRun(JobContext ctx, PublishRequest request, PostPublisher.Services services, Clock clock) {
        this.ctx = ctx;
        this.request = request;
        this.services = services;
        this.clock = clock;
    }

    JobResult execute() throws JobFailure {
        long started = clock.millis();
        if (!ctx.checkpoints().containsKey(CHECKPOINT)) {
            LibraryPost post = post();
            Site site = services.site(request.site());
            WordPressClient client = services.client(site);
            try {
                publish(post, site, client);
            } catch (WordPressException e) {
                throw PublishFailures.of(e);
            }
        }
        ctx.emit(step(100, "Published to " + request.site()));
        return JobResult.ofPublish(clock.millis() - started);
    }

    private void publish(LibraryPost post, Site site, WordPressClient client) throws WordPressException, JobFailure {
        URI address = site.address();
        ctx.emit(step(10, "Checking the post on " + site.name()));
        Optional<Publication> earlier = services.publications().find(post.id(), address);
        if (earlier.isPresent()) {
            Optional<RemotePost> there = client.read(earlier.get().remoteId());
            if (there.isEmpty()) {
                earlier = Optional.empty(); // deleted on the site: published anew (its marker finds no post either)
            } else if (!there.get().modifiedGmt().equals(earlier.get().modifiedGmt()) && !request.replaceSiteChanges()) {
                throw JobFailure.permanent("\"" + post.post().title() + "\" was changed on " + site.name()
                        + " since Postwright last published it, so it was not overwritten. Publish again and choose "
                        + "to replace the site's version, or copy those changes into the library first.",
                        PublishFailures.CHANGED_ON_SITE);
            }
        }
        String featuredId = featuredImage(post);
        Map<String, URI> uploaded = new LinkedHashMap<>();
        Long featuredMedia = upload(post, site, client, featuredId, uploaded);

        ctx.emit(step(60, "Finding categories and tags on " + site.name()));
        List<Long> categories = client.ensureTerms("categories", request.categories());
        List<Long> tags = client.ensureTerms("tags", request.tags());

        SeoFields fields = client.seoFields();
        Map<PostDraft.SeoField, String> seo = seo(post, fields);
        PostDraft draft = new PostDraft(post.id(), post.post().title(),
                WordPressHtml.of(post.post().content(), post.post().embeds(), uploaded, featuredId),
                status(), Optional.ofNullable(request.publishAt()), post.slug(), blankIfNull(post.post().metaDescription()),
                categories, tags, Optional.ofNullable(featuredMedia), seo);

        ctx.emit(step(80, (earlier.isPresent() ? "Updating the post on " : "Sending the post to ") + site.name()));
        RemotePost sent = earlier.isPresent() ? client.update(earlier.get().remoteId(), draft) : client.createOnce(draft);
        var publication = new Publication(post.id(), address.toString(), sent.id(), sent.link().toString(),
                sent.status(), sent.modifiedGmt(), post.version(), ctx.jobId(), clock.instant());
        List<JobEvent> said = fields.plugin() == SeoFields.Plugin.NONE
                ? List.of(step(90, fields.words())) : List.of();
        ctx.completeStage(CHECKPOINT, sent.id() + "\n" + sent.link(), said, services.publications().recording(publication));
    }

    /** Uploads the images the text names (and the featured one) that the site lacks; returns the featured one's media id. */
    private Long upload(LibraryPost post, Site site, WordPressClient client, String featuredId, Map<String, URI> uploaded)
            throws WordPressException, JobFailure {
        // The alt text a reader gets is the one the text gives (the editor changes it there).
        Map<String, String> alts = new LinkedHashMap<>();
        Matcher ref = ImageRefs.MARKDOWN.matcher(blankIfNull(post.post().content()));
        while (ref.find()) alts.putIfAbsent(ref.group(2), ImageRefs.alt(ref.group(1)));
        Long featuredMedia = null;
        int done = 0;
        for (Map.Entry<String, String> named : alts.entrySet()) {
            String id = named.getKey();
            Optional<StoredImage> image = services.images().find(id);
            if (image.isEmpty()) continue; // the preview shows it as missing; there is nothing to send
            ctx.emit(step(20 + 35 * done++ / alts.size(), "Uploading images to " + site.name() + " (" + done + " of "
                    + alts.size() + ")"));
            String alt = named.getValue().isBlank() ? image.get().altText() : named.getValue();
            Publications.Media media = media(image.get(), alt, site, client);
            uploaded.put(id, media.url());
            if (id.equals(featuredId)) featuredMedia = media.mediaId();
        }
        return featuredMedia;
    }

    /**
     * The site's copy of the picture: reused when the site still has it (its alt text brought up
     * to date), else uploaded now.
     */
    private Publications.Media media(StoredImage image, String alt, Site site, WordPressClient client)
            throws WordPressException, JobFailure {
        Optional<Publications.Media> kept = services.publications().media(site.address(), image.sha256());
        if (kept.isPresent() && client.media(kept.get().mediaId()).isEmpty()) {
            services.publications().forgetMedia(site.address(), image.sha256()); // deleted on the site: sent again
            kept = Optional.empty();
        }
        if (kept.isPresent()) {
            if (!kept.get().altText().equals(alt)) {
                client.setAltText(kept.get().mediaId(), alt);
                Publications.Media renamed = new Publications.Media(kept.get().mediaId(), kept.get().url(), alt);
                services.publications().recordMedia(site.address(), image.sha256(), renamed, clock.instant());
                return renamed;
            }
            return kept.get();
        }
        byte[] bytes;
        try {
            bytes = services.images().bytes(image);
        } catch (IOException e) {
            throw JobFailure.permanent("A picture of this post cannot be read from the library (" + e.getMessage()
                    + "); replace it in the editor and publish again.", "IMAGE_UNREADABLE");
        }
        String name = image.sha256().substring(0, 16) + "." + PictureTypes.extension(image.mediaType()).orElse("png");
        UploadedMedia sent = client.upload(name, image.mediaType(), bytes, alt);
        var media = new Publications.Media(sent.id(), sent.sourceUrl(), sent.altText());
        services.publications().recordMedia(site.address(), image.sha256(), media, clock.instant());
        return media;
    }

    /** The featured picture the text shows: the post's image placed as featured that it names, if any. */
    private String featuredImage(LibraryPost post) {
        String content = blankIfNull(post.post().content());
        return services.images().ofPost(post.id()).stream()
                .filter(i -> i.placement().equals("featured") && content.contains(ImageRefs.of(i.id()) + ")"))
                .map(StoredImage::id).reduce((first, later) -> later).orElse(null);
    }

    private LibraryPost post() throws JobFailure {
        Optional<LibraryPost> post = services.library().find(request.postId());
        if (post.isEmpty()) {
            throw JobFailure.permanent("The post to publish is no longer in the library.", "POST_NOT_FOUND");
        }
        return post.get();
    }

    private Map<PostDraft.SeoField, String> seo(LibraryPost post, SeoFields fields) {
        Map<PostDraft.SeoField, String> seo = new EnumMap<>(PostDraft.SeoField.class);
        if (fields.plugin() == SeoFields.Plugin.NONE) return seo;
        if (post.focusKeyphrase() != null && !post.focusKeyphrase().isBlank()) {
            seo.put(PostDraft.SeoField.FOCUS_KEYPHRASE, post.focusKeyphrase());
        }
        seo.put(PostDraft.SeoField.TITLE, post.post().title());
        String description = post.post().metaDescription();
        if (description != null && !description.isBlank()) seo.put(PostDraft.SeoField.DESCRIPTION, description);
        return seo;
    }

    private PostDraft.Status status() {
        return switch (request.status()) {
            case "pending" -> PostDraft.Status.PENDING;
            case "publish" -> PostDraft.Status.PUBLISH;
            case "future" -> PostDraft.Status.FUTURE;
            default -> PostDraft.Status.DRAFT;
        };
    }

    private static String blankIfNull(String text) {
        return text == null ? "" : text;
    }

    private static JobEvent step(int progress, String words) {
        return new JobEvent.ProgressUpdate(progress, words, null, "publish", null, null);
    }
}
