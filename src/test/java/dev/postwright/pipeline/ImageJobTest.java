package dev.postwright.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postwright.images.ImageMaker;
import dev.postwright.images.ImageRequest;
import dev.postwright.images.ImageSize;
import dev.postwright.images.MadeImage;
import dev.postwright.images.offline.OfflineImageMaker;
import dev.postwright.jobs.CancellationToken;
import dev.postwright.jobs.CommandResult;
import dev.postwright.jobs.InvalidRequestException;
import dev.postwright.jobs.JobFailure;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.model.ImageJobRequest;
import dev.postwright.model.ImageQuality;
import dev.postwright.model.ImageStage;
import dev.postwright.model.JobEvent;
import dev.postwright.model.JobKind;
import dev.postwright.model.JobOptions;
import dev.postwright.model.JobState;
import dev.postwright.model.StoredImage;
import dev.postwright.queue.JobQueue;
import dev.postwright.queue.QueueSettings;
import dev.postwright.queue.internal.SqlJobQueue;
import dev.postwright.seo.SeoAnalyzer;
import dev.postwright.store.Database;
import dev.postwright.store.ImageStore;
import dev.postwright.store.OrganizationProfiles;
import dev.postwright.store.PostLibrary;
import dev.postwright.store.StageTimings;
import dev.postwright.store.TimeOrderedIds;
import dev.postwright.testing.Briefs;
import dev.postwright.testing.MutableClock;
import dev.postwright.testing.RecordingListener;
import dev.postwright.wire.JobEventCodec;
import dev.postwright.wire.Json;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Image jobs in the durable queue: their stages, their picture in the library, cancel, retry and owners. */
class ImageJobTest {
    @TempDir Path dir;
    final MutableClock clock = new MutableClock(Instant.now());
    Database db;
    PostLibrary library;
    ImageStore images;
    SqlJobQueue queue;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve("p.db"));
        library = new PostLibrary(db, clock, new TimeOrderedIds(clock, new Random(1)));
        images = new ImageStore(db, dir.resolve("images"), clock, new TimeOrderedIds(clock, new Random(2)));
    }

    @AfterEach
    void close() {
        if (queue != null) queue.close();
        db.close();
    }

    private SqlJobQueue queue(ImageMaker maker, int workers) {
        var pipeline = new ContentPipeline(OfflineWriter::new, new OrganizationProfiles(db, clock), library,
                new Illustrator(() -> maker, images), new StageTimings(db, clock), SeoAnalyzer.standard(), clock);
        queue = (SqlJobQueue) JobQueue.builder(db, pipeline).clock(clock)
                .settings(QueueSettings.DEFAULTS.withWorkers(workers)).build();
        return queue;
    }

    private static ImageJobRequest picture(String prompt, Integer width, Integer height) {
        return new ImageJobRequest(prompt, "A loaf on a board", width, height, ImageQuality.STANDARD, null, null, null);
    }

    @Test
    void anImageJobGoesThroughItsStagesAndLeavesAPngInTheLibrary() throws Exception {
        var queue = queue(new OfflineImageMaker(), 0);
        String id = queue.enqueue(picture("A crusty sourdough loaf on a wooden board", 1200, 630), "alice");
        queue.runDueJobs();
        var listener = new RecordingListener();
        queue.subscribe(id, 0, listener);
        var events = listener.awaitEnd(Duration.ofSeconds(30));

        assertThat(events).extracting(e -> e.event() instanceof JobEvent.ProgressUpdate p ? p.stage() : JobEventCodec.name(e.event()))
                .containsExactly("processing", "generating", "uploading", "images-result", "completed", "complete");
        assertThat(events).extracting(e -> e.event() instanceof JobEvent.ProgressUpdate p ? p.progress() : -1)
                .filteredOn(p -> p >= 0).containsExactly(ImageStage.PROCESSING.progress(),
                        ImageStage.GENERATING.progress(), ImageStage.STORING.progress(), 100);
        var result = ((JobEvent.Complete) events.getLast().event()).result();
        assertThat(result.post()).isNull();
        StoredImage made = result.images().getFirst();
        assertThat(made.width()).isEqualTo(1200);
        assertThat(made.height()).isEqualTo(630);
        assertThat(made.placement()).isEqualTo("inline");
        assertThat(made.altText()).isEqualTo("A loaf on a board");
        assertThat(made.jobId()).isEqualTo(id);
        var png = ImageIO.read(new ByteArrayInputStream(images.bytes(made)));
        assertThat(png.getWidth()).isEqualTo(1200);
        assertThat(images.findOwned(made.id(), "alice")).contains(made);
        assertThat(images.findOwned(made.id(), "bob")).isEmpty();

        var status = queue.status(id).orElseThrow();
        assertThat(status.kind()).isEqualTo(JobKind.IMAGE);
        assertThat(status.title()).isEqualTo("A crusty sourdough loaf on a wooden board");
        assertThat(status.result().images()).containsExactly(made);
        assertThat(queue.list(10)).extracting(s -> s.kind()).containsExactly(JobKind.IMAGE);
        var completeData = Json.parse(JobEventCodec.encodeData(events.getLast().event()), "complete");
        assertThat(completeData.at("/result/imageGeneration/images/0/url").asText())
                .isEqualTo("/api/v1/images/" + made.id() + "/file");
        assertThat(completeData.at("/result/content").isMissingNode()).as("no post in an image job's result").isTrue();
    }

    @Test
    void aPictureForAPostTakesItsTitleAndGoesWithThePost() throws Exception {
        var blog = queue(new OfflineImageMaker(), 0);
        String blogId = blog.enqueue(Briefs.sourdough(JobOptions.DEFAULTS), "alice");
        blog.runDueJobs();
        String postId = library.findBySourceJob(blogId).orElseThrow().id();

        String id = blog.enqueue(new ImageJobRequest("Hands shaping dough", null, null, null, null, "featured", postId,
                null), "alice");
        blog.runDueJobs();
        var done = blog.whenFinished(id).get(30, TimeUnit.SECONDS);
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        StoredImage made = images.ofJob(id).getFirst();
        assertThat(made.postId()).isEqualTo(postId);
        assertThat(made.width() + "x" + made.height()).as("the featured size").isEqualTo("1600x900");
        assertThat(made.altText()).as("the prompt when no alt text was given").isEqualTo("Hands shaping dough");
        assertThat(images.ofPost(postId)).contains(made);

        String bobs = blog.enqueue(new ImageJobRequest("Hands shaping dough", null, null, null, null, null, postId, null),
                "bob");
        blog.runDueJobs();
        var refused = blog.whenFinished(bobs).get(30, TimeUnit.SECONDS);
        assertThat(refused.state()).isEqualTo(JobState.FAILED);
        assertThat(refused.errorCode()).isEqualTo("POST_NOT_FOUND");
        assertThat(images.ofJob(bobs)).isEmpty();
    }

    @Test
    void aJobsRequestIsReadBackAsItWasStoredAfterTheFileIsReopened() throws Exception {
        var request = new ImageJobRequest("A loaf", "A loaf on a board", 1200, 630, ImageQuality.DRAFT, "featured", null,
                "org-1");
        String id = queue(new OfflineImageMaker(), 0).enqueue(request, "alice");
        String blog = queue.enqueue(Briefs.sourdough(JobOptions.DEFAULTS), null);
        queue.close();
        db.close();
        db = Database.open(dir.resolve("p.db"));
        var reopened = queue(new OfflineImageMaker(), 0);
        assertThat(reopened.input(id)).contains(request);
        assertThat(reopened.input(blog)).contains(Briefs.sourdough(JobOptions.DEFAULTS));
        assertThat(reopened.input("no-such-job")).isEmpty();
    }

    @Test
    void deletingAnImageJobDeletesItsPictureUnlessItIsAPosts() throws Exception {
        var queue = queue(new OfflineImageMaker(), 0);
        String blog = queue.enqueue(Briefs.sourdough(JobOptions.DEFAULTS), null);
        queue.runDueJobs();
        String postId = library.findBySourceJob(blog).orElseThrow().id();
        String alone = queue.enqueue(picture("A loaf", null, null), null);
        String forPost = queue.enqueue(new ImageJobRequest("A loaf", null, null, null, null, null, postId, null), null);
        queue.runDueJobs();
        queue.whenFinished(forPost).get(30, TimeUnit.SECONDS);
        assertThat(queue.delete(alone)).isEqualTo(CommandResult.APPLIED);
        assertThat(queue.delete(forPost)).isEqualTo(CommandResult.APPLIED);
        assertThat(images.ofJob(alone)).as("a picture of its own goes with its job").isEmpty();
        assertThat(images.ofJob(forPost)).as("a post's picture stays with the post").hasSize(1);
    }

    @Test
    void aPictureWhosePostWasPurgedWhileItWasDrawnIsKeptWithoutNamingThePost() throws Exception {
        var blog = queue(new OfflineImageMaker(), 0);
        String blogId = blog.enqueue(Briefs.sourdough(JobOptions.DEFAULTS), null);
        blog.runDueJobs();
        String postId = library.findBySourceJob(blogId).orElseThrow().id();
        blog.close();
        var purging = new ImageMaker() {
            final OfflineImageMaker real = new OfflineImageMaker();

            public String source() { return "offline"; }
            public boolean accepts(ImageSize size) { return real.accepts(size); }
            public String sizeRule() { return real.sizeRule(); }
            public ImageSize defaultSize() { return real.defaultSize(); }
            public MadeImage make(ImageRequest request, CancellationToken cancel) throws JobFailure {
                library.delete(postId); // the writer deletes the post, and it is purged, while the picture is drawn
                library.purgeDeletedBefore(Instant.now().plusSeconds(60));
                return real.make(request, cancel);
            }
        };
        var queue = queue(purging, 0);
        String id = queue.enqueue(new ImageJobRequest("A loaf", null, null, null, null, null, postId, null), null);
        queue.runDueJobs();
        assertThat(queue.whenFinished(id).get(30, TimeUnit.SECONDS).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(images.ofJob(id)).singleElement().satisfies(i -> assertThat(i.postId()).isNull());
    }

    @Test
    void aSizeTheMakerCannotDrawFailsTheJobWithTheRuleAndStoresNothing() throws Exception {
        var queue = queue(new OfflineImageMaker(), 0);
        String id = queue.enqueue(picture("A loaf", 640, 480), null);
        queue.runDueJobs();
        var failed = queue.whenFinished(id).get(30, TimeUnit.SECONDS);
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.errorCode()).isEqualTo("INVALID_IMAGE_REQUEST");
        assertThat(failed.error()).contains("640x480").contains("1200x630");
        assertThat(images.ofJob(id)).isEmpty();
        assertThat(failed.attempts()).as("not retried: no retry can change it").isEqualTo(1);
    }

    @Test
    void requestsWithProblemsAreRefusedBeforeAnythingIsStored() {
        var queue = queue(new OfflineImageMaker(), 0);
        assertThatThrownBy(() -> queue.enqueue(picture("   ", null, null), null))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field()).containsExactly("prompt"));
        assertThatThrownBy(() -> queue.enqueue(picture("x".repeat(ImageJobRequest.MAX_PROMPT + 1), 5000, null), null))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field()).containsExactly("prompt", "height", "width"));
        assertThat(queue.list(10)).isEmpty();
    }

    @Test
    void aCancelWhileThePictureIsDrawnEndsTheJobCancelledWithNoRow() throws Exception {
        var drawing = new CountDownLatch(1);
        ImageMaker stalling = new Stalling(drawing);
        var queue = queue(stalling, 1);
        queue.start();
        String id = queue.enqueue(picture("A loaf", null, null), null);
        assertThat(drawing.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(queue.cancel(id)).isEqualTo(CommandResult.APPLIED);
        var cancelled = queue.whenFinished(id).get(30, TimeUnit.SECONDS);
        assertThat(cancelled.state()).isEqualTo(JobState.CANCELLED);
        assertThat(images.ofJob(id)).isEmpty();
        assertThat(queue.events(id, 0)).extracting(e -> JobEventCodec.name(e.event())).doesNotContain("images-result");
    }

    @Test
    void aRetriedJobDrawsAgainAndARerunAfterTheStoreRestoresThePicture() throws Exception {
        var calls = new AtomicInteger();
        ImageMaker flaky = new ImageMaker() {
            final OfflineImageMaker real = new OfflineImageMaker();

            public String source() { return "flaky"; }
            public boolean accepts(ImageSize size) { return real.accepts(size); }
            public String sizeRule() { return real.sizeRule(); }
            public ImageSize defaultSize() { return real.defaultSize(); }
            public MadeImage make(ImageRequest request, CancellationToken cancel) throws JobFailure {
                if (calls.incrementAndGet() == 1) throw JobFailure.permanent("The server is down.", "UNREACHABLE");
                return real.make(request, cancel);
            }
        };
        var queue = queue(flaky, 0);
        String id = queue.enqueue(picture("A loaf", null, null), null);
        queue.runDueJobs();
        assertThat(queue.whenFinished(id).get(30, TimeUnit.SECONDS).state()).isEqualTo(JobState.FAILED);
        assertThat(queue.retry(id)).isEqualTo(CommandResult.APPLIED);
        queue.runDueJobs();
        var done = queue.whenFinished(id).get(30, TimeUnit.SECONDS);
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        StoredImage made = images.ofJob(id).getFirst();
        assertThat(Files.exists(images.file(made))).isTrue();
        assertThat(calls.get()).isEqualTo(2);
        assertThat(queue.events(id, 0)).extracting(e -> JobEventCodec.name(e.event()))
                .filteredOn("images-result"::equals).hasSize(1);
    }

    /** Draws nothing: says it started, then waits for the job's cancel, as a slow image server would. */
    private record Stalling(CountDownLatch drawing) implements ImageMaker {
        public String source() { return "stalling"; }
        public boolean accepts(ImageSize size) { return true; }
        public String sizeRule() { return "any size"; }
        public ImageSize defaultSize() { return ImageSize.SQUARE; }
        public MadeImage make(ImageRequest request, CancellationToken cancel) {
            drawing.countDown();
            var stopped = new CountDownLatch(1);
            cancel.onCancel(stopped::countDown);
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            cancel.throwIfCancelled();
            throw new AssertionError("cancel.throwIfCancelled returned after a cancel");
        }
    }
}
