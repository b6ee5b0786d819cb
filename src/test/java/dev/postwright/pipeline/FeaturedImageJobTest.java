package dev.postwright.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.images.ImageMaker;
import dev.postwright.images.ImageRequest;
import dev.postwright.images.ImageSize;
import dev.postwright.images.MadeImage;
import dev.postwright.images.offline.OfflineImageMaker;
import dev.postwright.jobs.CancellationToken;
import dev.postwright.jobs.JobFailure;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.model.ImageRefs;
import dev.postwright.model.JobEvent;
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
import dev.postwright.wire.ResultCodec;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A blog job that asks for images makes its featured image, shows it in the post and saves it with the post. */
class FeaturedImageJobTest {
    static final JobOptions WITH_IMAGES = new JobOptions(true, true, null, false, null, true);

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

    @Test
    void theFeaturedSuggestionBecomesARealPngInThePostItsResultAndTheLibrary() throws Exception {
        var queue = queue(new OfflineImageMaker(), 0);
        String id = queue.enqueue(Briefs.sourdough(WITH_IMAGES), "alice");
        queue.runDueJobs();
        var listener = new RecordingListener();
        queue.subscribe(id, 0, listener);
        var events = listener.awaitEnd(Duration.ofSeconds(30));

        assertThat(events).extracting(e -> JobEventCodec.name(e.event())).containsSubsequence("visuals-result",
                "images-result", "seo-result", "complete");
        var result = ((JobEvent.Complete) events.getLast().event()).result();
        StoredImage featured = result.images().getFirst();
        assertThat(result.images()).extracting(StoredImage::placement)
                .containsExactly("featured", "social-wide", "social-square");
        assertThat(result.images()).extracting(i -> i.width() + "x" + i.height())
                .containsExactly("1600x900", "1200x630", "1080x1080");
        assertThat(featured.placement()).isEqualTo("featured");
        assertThat(featured.source()).isEqualTo(OfflineImageMaker.SOURCE);
        assertThat(featured.altText()).isNotBlank();
        var png = ImageIO.read(new ByteArrayInputStream(images.bytes(featured)));
        assertThat(png.getWidth()).isEqualTo(featured.width());
        assertThat(png.getHeight()).isEqualTo(featured.height());

        String content = result.post().content();
        assertThat(content).contains(ImageRefs.markdown(featured.altText(), featured.id()));
        assertThat(content).doesNotContain("![IMAGE:featured"); // the placeholder it replaced
        assertThat(library.find(result.savedPost().id()).orElseThrow().post().content()).isEqualTo(content);
        String lengthCheck = result.seo().checks().stream().filter(c -> c.id().equals(dev.postwright.seo.checks.TextLength.ID)).findFirst()
                .orElseThrow().explanation();
        assertThat(lengthCheck).as("the library counts the words the SEO check counts, not the image's alt text")
                .startsWith("The text has " + library.find(result.savedPost().id()).orElseThrow().wordCount() + " words");
        assertThat(images.ofPost(result.savedPost().id())).extracting(StoredImage::id)
                .containsExactlyElementsOf(result.images().stream().map(StoredImage::id).toList());
        assertThat(content).doesNotContain(ImageRefs.of(result.images().get(1).id())); // cards are for sharing
        assertThat(images.findOwned(featured.id(), "alice")).isPresent();
        assertThat(images.findOwned(featured.id(), "bob")).isEmpty();
        assertThat(JobEventCodec.encodeData(events.getLast().event())).contains("\"imageGeneration\":{")
                .contains("\"url\":\"/api/v1/images/" + featured.id() + "/file\"");
    }

    @Test
    void anImageServerSpeakingOpenAisFormatMakesTheFeaturedImageFromTheSuggestionsPrompt() throws Exception {
        var picture = new java.awt.image.BufferedImage(1600, 900, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var png = new java.io.ByteArrayOutputStream();
        ImageIO.write(picture, "png", png);
        try (var server = new mockwebserver3.MockWebServer()) {
            server.enqueue(new mockwebserver3.MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                    .body("{\"created\": 1, \"data\": [{\"b64_json\": \""
                            + java.util.Base64.getEncoder().encodeToString(png.toByteArray()) + "\"}]}").build());
            server.start();
            var maker = new dev.postwright.images.openai.OpenAiImageMaker(dev.postwright.images.openai.ImageServer
                    .of(server.url("/").toString(), "sd-turbo").withApiKey(() -> "sk-img"), new okhttp3.OkHttpClient());
            var queue = queue(maker, 0);
            String id = queue.enqueue(Briefs.sourdough(WITH_IMAGES), null);
            queue.runDueJobs();

            var result = queue.whenFinished(id).get(30, TimeUnit.SECONDS);
            assertThat(result.state()).isEqualTo(JobState.SUCCEEDED);
            StoredImage featured = images.ofJob(id).getFirst();
            assertThat(featured.source()).isEqualTo("sd-turbo");
            assertThat(images.ofJob(id).get(1).source()).as("social cards are drawn here").isEqualTo("offline");
            assertThat(images.bytes(featured)).isEqualTo(png.toByteArray());
            var asked = server.takeRequest();
            assertThat(asked.getHeaders().get("Authorization")).isEqualTo("Bearer sk-img");
            var body = dev.postwright.wire.Json.parse(asked.getBody().utf8(), "request");
            assertThat(body.get("size").asText()).isEqualTo("1600x900");
            assertThat(body.get("prompt").asText()).isEqualTo(featured.prompt()).contains("sourdough bread");
        }
    }

    @Test
    void theCardsAreDrawnInTheOrganizationsBrandColour() throws Exception {
        var queue = queue(new OfflineImageMaker(), 0);
        String plain = queue.enqueue(Briefs.sourdough(WITH_IMAGES), null);
        queue.runDueJobs();
        new OrganizationProfiles(db, clock).save(new dev.postwright.model.OrganizationProfile("org-1", "Crumb & Co",
                null, null, null, null, List.of(), List.of(), "#2a9d8f", null));
        String branded = queue.enqueue(Briefs.sourdough(WITH_IMAGES), null);
        queue.runDueJobs();

        for (int i = 0; i < 3; i++) {
            var before = ImageIO.read(new ByteArrayInputStream(images.bytes(images.ofJob(plain).get(i))));
            var after = ImageIO.read(new ByteArrayInputStream(images.bytes(images.ofJob(branded).get(i))));
            int corner = after.getRGB(after.getWidth() - 8, after.getHeight() - 8);
            assertThat(distance(corner, 0x2a9d8f)).as("placement %d", i).isLessThan(distance(corner, 0x1d3557));
            assertThat(distance(before.getRGB(before.getWidth() - 8, before.getHeight() - 8), 0x1d3557))
                    .isLessThan(distance(before.getRGB(before.getWidth() - 8, before.getHeight() - 8), 0x2a9d8f));
        }
    }

    private static int distance(int rgb, int other) {
        int dr = ((rgb >> 16) & 0xff) - ((other >> 16) & 0xff);
        int dg = ((rgb >> 8) & 0xff) - ((other >> 8) & 0xff);
        int db = (rgb & 0xff) - (other & 0xff);
        return dr * dr + dg * dg + db * db;
    }

    @Test
    void anImageServerThatRefusesTheKeyCostsThePictureNotThePostAndSaysWhy() throws Exception {
        try (var server = new mockwebserver3.MockWebServer()) {
            server.enqueue(new mockwebserver3.MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
                    .body("{\"error\": {\"message\": \"Incorrect API key provided\"}}").build());
            server.start();
            var maker = new dev.postwright.images.openai.OpenAiImageMaker(dev.postwright.images.openai.ImageServer
                    .of(server.url("/").toString(), "dall-e-3"), new okhttp3.OkHttpClient());
            var queue = queue(maker, 0);
            String id = queue.enqueue(Briefs.sourdough(WITH_IMAGES), null);
            queue.runDueJobs();
            var listener = new RecordingListener();
            queue.subscribe(id, 0, listener);
            var events = listener.awaitEnd(Duration.ofSeconds(30));

            var result = ((JobEvent.Complete) events.getLast().event()).result();
            assertThat(result.post().content()).contains("![IMAGE:featured");
            assertThat(result.images()).extracting(StoredImage::placement).containsExactly("social-wide", "social-square");
            assertThat(events).anySatisfy(e -> assertThat(e.event()).isInstanceOfSatisfying(JobEvent.ProgressUpdate.class,
                    p -> assertThat(p.currentStep()).startsWith("No featured image: ").containsIgnoringCase("key")));
            assertThat(library.findBySourceJob(id)).isPresent();
        }
    }

    @Test
    void withoutImagesAskedForThePostKeepsItsPlaceholderAndTheResultHasNone() throws Exception {
        var queue = queue(new OfflineImageMaker(), 0);
        String id = queue.enqueue(Briefs.sourdough(JobOptions.DEFAULTS), null);
        queue.runDueJobs();
        var result = queue.whenFinished(id).get(30, TimeUnit.SECONDS);
        var envelope = ResultCodec.writeResult(queue.status(id).orElseThrow().result());

        assertThat(envelope.get("imageGeneration").isNull()).isTrue();
        assertThat(envelope.at("/data/content").asText()).contains("![IMAGE:featured").doesNotContain(ImageRefs.SCHEME);
        assertThat(images.ofJob(id)).isEmpty();
    }

    @Test
    void aJobCancelledWhileItsImageIsMadeKeepsNoImageRowAndSavesNoPost() throws Exception {
        var making = new CountDownLatch(1);
        ImageMaker stalls = new ImageMaker() { // stands for a slow image server: waits until cancelled
            @Override public String source() { return "stalling"; }
            @Override public boolean accepts(ImageSize size) { return true; }
            @Override public String sizeRule() { return "any size"; }
            @Override public ImageSize defaultSize() { return ImageSize.FEATURED; }
            @Override public MadeImage make(ImageRequest request, CancellationToken cancel) throws JobFailure {
                var cancelled = new CountDownLatch(1);
                try (var registration = cancel.onCancel(cancelled::countDown)) {
                    making.countDown();
                    if (!cancelled.await(30, TimeUnit.SECONDS)) throw JobFailure.permanent("never cancelled", "TEST");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                cancel.throwIfCancelled();
                throw JobFailure.permanent("the token fired but did not say so", "TEST");
            }
        };
        var queue = queue(stalls, 1);
        queue.start();
        String id = queue.enqueue(Briefs.sourdough(WITH_IMAGES), "alice");
        assertThat(making.await(30, TimeUnit.SECONDS)).isTrue();
        queue.cancel(id);

        assertThat(queue.whenFinished(id).get(30, TimeUnit.SECONDS).state()).isEqualTo(JobState.CANCELLED);
        assertThat(images.ofJob(id)).isEmpty();
        assertThat(library.findBySourceJob(id)).isEmpty();
    }

    @Test
    void aFileWrittenByARunThatNeverRecordedItsRowIsSweptAndTheRetryRecordsOne() throws Exception {
        var queue = queue(new OfflineImageMaker(), 0);
        String id = queue.enqueue(Briefs.sourdough(WITH_IMAGES), null);
        queue.runDueJobs();
        StoredImage featured = images.ofJob(id).getFirst();
        // The same picture kept by a run whose row was never written (a crash before its checkpoint):
        var kept = images.keepFile(new ImageStore.NewImage(images.bytes(featured), featured.mediaType(),
                featured.width(), featured.height(), "featured", "p", "a", "offline", "job-that-crashed", null, null));
        assertThat(images.find(kept.id())).isEmpty();
        clock.advance(Duration.ofMinutes(11));

        assertThat(images.sweepUnnamedFiles()).isZero(); // the file is the job's image too: kept
        assertThat(images.file(featured)).exists();
        assertThat(List.of(images.ofJob(id).size(), images.ofJob("job-that-crashed").size())).containsExactly(3, 0);
    }
}
