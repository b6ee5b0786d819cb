package dev.postwright.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.engine.LocalEngine;
import dev.postwright.images.ImageMaker;
import dev.postwright.images.ImageRequest;
import dev.postwright.images.ImageSize;
import dev.postwright.images.MadeImage;
import dev.postwright.images.offline.OfflineImageMaker;
import dev.postwright.jobs.CancellationToken;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.model.ImageJobRequest;
import dev.postwright.model.JobEvent;
import dev.postwright.model.JobState;
import dev.postwright.model.StoredImage;
import dev.postwright.queue.QueueSettings;
import dev.postwright.testing.LogFold;
import dev.postwright.wire.JobEventCodec;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An image job whose process is killed (SIGKILL) while its picture is drawn: the next start
 * re-queues it, draws it again, and the library ends with one picture and the log with one result.
 */
class KilledImageJobTest {
    private static final long WAIT_SECONDS = 60;

    @TempDir Path data;

    @Test
    void anImageJobKilledWhileDrawingIsFinishedByTheNextStartWithOnePicture() throws Exception {
        String id;
        try (var engine = LocalEngine.open(data, new OfflineWriter(), QueueSettings.DEFAULTS.withWorkers(0),
                Clock.systemUTC())) {
            id = engine.jobs().enqueue(new ImageJobRequest("A crusty loaf cooling on a rack", null, 1200, 630, null,
                    null, null, null), null);
        }
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                KilledImageJobTest.class.getName(), data.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        CompletableFuture.delayedExecutor(WAIT_SECONDS, TimeUnit.SECONDS).execute(child::destroyForcibly);
        try (var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("drawing")) { }
            assertThat(line).as("the child reached the picture").isEqualTo("drawing");
            child.destroyForcibly(); // SIGKILL: no hand-back, the job is left running
        }
        assertThat(child.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

        try (var engine = LocalEngine.open(data, new OfflineWriter(), QueueSettings.DEFAULTS.withWorkers(1),
                Clock.systemUTC())) {
            assertThat(engine.jobs().status(id).orElseThrow().state()).isEqualTo(JobState.RUNNING);
            assertThat(engine.images().ofJob(id)).as("no row before the picture was stored").isEmpty();
            engine.jobs().start(); // its start-up sweep sees the dead process and re-queues the job
            var done = engine.jobs().whenFinished(id).get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(done.attempts()).isEqualTo(2);
            StoredImage made = engine.images().ofJob(id).getFirst();
            assertThat(engine.images().ofJob(id)).hasSize(1);
            assertThat(made.source()).isEqualTo(OfflineImageMaker.SOURCE);
            assertThat(Files.size(engine.images().file(made))).isEqualTo(made.size());
            assertThat(done.result().images()).containsExactly(made);
            var log = engine.jobs().events(id, 0);
            assertThat(log).extracting(e -> JobEventCodec.name(e.event())).filteredOn("images-result"::equals).hasSize(1);
            assertThat(LogFold.progress(log)).isSorted().endsWith(100);
            assertThat(log.getLast().event()).isInstanceOf(JobEvent.Complete.class);
        }
    }

    /** The child: {@code <data folder>}; prints "drawing" once the maker has the job's picture, then waits to die. */
    public static void main(String[] args) throws Exception {
        ImageMaker stalled = new ImageMaker() {
            public String source() { return "stalled"; }
            public boolean accepts(ImageSize size) { return true; }
            public String sizeRule() { return "any size"; }
            public ImageSize defaultSize() { return ImageSize.SOCIAL_CARD; }
            public MadeImage make(ImageRequest request, CancellationToken cancel) {
                System.out.println("drawing");
                System.out.flush();
                try {
                    new CountDownLatch(1).await(); // until killed
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("interrupted while stalled");
            }
        };
        var engine = LocalEngine.open(Path.of(args[0]), OfflineWriter::new, () -> stalled,
                QueueSettings.DEFAULTS.withWorkers(1), Clock.systemUTC());
        engine.jobs().start();
        Thread.currentThread().join();
    }
}
