package dev.postwright.ui.publish;

import dev.postwright.jobs.JobFailure;
import dev.postwright.model.BlogPost;
import dev.postwright.model.Embeds;
import dev.postwright.model.JobEvent;
import dev.postwright.model.JobResult;
import dev.postwright.model.LibraryPost;
import dev.postwright.model.Publication;
import dev.postwright.model.PublishRequest;
import dev.postwright.publish.wordpress.Site;
import dev.postwright.queue.JobContext;
import dev.postwright.queue.JobHandler;
import dev.postwright.queue.JobQueue;
import dev.postwright.queue.QueueSettings;
import dev.postwright.settings.PrivateFileSecrets;
import dev.postwright.settings.SiteBook;
import dev.postwright.store.Database;
import dev.postwright.store.PostLibrary;
import dev.postwright.store.Publications;
import dev.postwright.store.TimeOrderedIds;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real data folder for the dialog and outbox tests: the SQLite file with its library,
 * publications and queue, a site book in a config folder (passwords in a private file), and a
 * publish handler whose every run waits for the test to say how it ends.
 */
final class PublishFixture implements AutoCloseable {
    static final Site BLOG = new Site("Blog", URI.create("http://127.0.0.1:9/"), "editor");

    /** How one run of a publish job ends: published with a link, or failed. */
    sealed interface Ending {
        record Published(String link) implements Ending {}
        record Fails(JobFailure failure) implements Ending {}
    }

    final Database db;
    final PostLibrary library;
    final Publications publications;
    final SiteBook sites;
    final JobQueue queue;
    final LinkedBlockingQueue<Ending> endings = new LinkedBlockingQueue<>();
    /** The requests the handler was given, in order. */
    final LinkedBlockingQueue<PublishRequest> ran = new LinkedBlockingQueue<>();
    private final Clock clock;

    PublishFixture(Path dir, Clock clock) throws Exception {
        this.clock = clock;
        db = Database.open(dir.resolve("data").resolve("postwright.db"));
        library = new PostLibrary(db, clock, new TimeOrderedIds(clock, new SecureRandom()));
        publications = new Publications(db);
        sites = new SiteBook(dir.resolve("config"), new PrivateFileSecrets(dir.resolve("config")));
        queue = JobQueue.builder(db, handler()).settings(QueueSettings.DEFAULTS.withWorkers(1)).clock(clock).build();
    }

    PublishServices services() {
        return new PublishServices(queue, library, publications, sites);
    }

    LibraryPost post(String title, List<String> tags) {
        var post = new BlogPost(title, null, "Some text about " + title + ".", "Meta", tags, List.of(), null, List.of(),
                List.of(), null, null, Embeds.NONE);
        return library.save(new PostLibrary.NewPost(post, "local", "slug", "bread", "draft", 5, null));
    }

    private JobHandler handler() {
        return ctx -> {
            var request = (PublishRequest) ctx.input();
            ran.add(request);
            ctx.emit(new JobEvent.ProgressUpdate(80, "Sending the post to " + request.site(), null, "publish", null, null));
            Ending ending;
            while ((ending = endings.poll(20, TimeUnit.MILLISECONDS)) == null) ctx.cancellation().throwIfCancelled();
            return switch (ending) {
                case Ending.Fails f -> throw f.failure();
                case Ending.Published p -> published(ctx, request, p.link());
            };
        };
    }

    /** As PublishRun records it: the publication in the transaction of the job's checkpoint. */
    private JobResult published(JobContext ctx, PublishRequest request, String link) {
        var address = sites.find(request.site()).orElseThrow().address().toString();
        ctx.completeStage("published", "7\n" + link, List.of(), publications.recording(new Publication(
                request.postId(), address, 7, link, request.status(), "2026-12-02T09:00:00", 1, ctx.jobId(),
                clock.instant())));
        ctx.emit(new JobEvent.ProgressUpdate(100, "Published to " + request.site(), null, "publish", null, null));
        return JobResult.ofImages(List.of(), 1);
    }

    @Override
    public void close() {
        queue.close();
        db.close();
    }
}
