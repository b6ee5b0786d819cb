package dev.postwright.pipeline;

import dev.postwright.engine.LocalEngine;
import dev.postwright.images.ImageRequest;
import dev.postwright.images.ImageSize;
import dev.postwright.images.offline.OfflineImageMaker;
import dev.postwright.jobs.CancellationToken;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.model.ImageJobRequest;
import dev.postwright.model.JobState;
import dev.postwright.queue.QueueSettings;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * An offline image job (a 1200x630 card) from submit to {@code complete} through the real engine
 * (SQLite file, queue, worker, file written and flushed, row recorded with the checkpoint), against
 * the same card made in memory in the same run; then a batch of 20 on two workers.
 *
 * <pre>mvn -B -Pbench verify -DskipTests -Dbench.class=dev.postwright.pipeline.ImageJobBenchmark</pre>
 */
public final class ImageJobBenchmark {
    private static final int JOBS = 200;
    private static final int BATCH = 20;

    public static void main(String[] args) throws Exception {
        java.util.logging.LogManager.getLogManager().reset();
        System.setProperty("java.awt.headless", "true");
        var maker = new OfflineImageMaker();
        var dir = Files.createTempDirectory("postwright-image-bench");
        System.out.printf(Locale.ROOT, "Java %s, %d cores%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        try (var engine = LocalEngine.open(dir, OfflineWriter::new, () -> maker, QueueSettings.DEFAULTS.withWorkers(1),
                Clock.systemUTC())) {
            engine.jobs().start();
            for (int i = 0; i < 100; i++) submitAndWait(engine, i); // warm-up
            for (int i = 0; i < 100; i++) inMemory(maker, i);
            double[] job = new double[JOBS];
            double[] memory = new double[JOBS];
            for (int i = 0; i < JOBS; i++) {
                job[i] = submitAndWait(engine, 1_000 + i);
                memory[i] = inMemory(maker, 1_000 + i);
            }
            Arrays.sort(job);
            Arrays.sort(memory);
            System.out.printf(Locale.ROOT, "image job, submit to complete: median %.1f ms, p95 %.1f ms, max %.1f ms%n",
                    job[JOBS / 2], job[(int) (JOBS * 0.95)], job[JOBS - 1]);
            System.out.printf(Locale.ROOT, "the same card in memory (no queue, no file): median %.1f ms, p95 %.1f ms; "
                    + "job / in-memory %.2fx%n", memory[JOBS / 2], memory[(int) (JOBS * 0.95)], job[JOBS / 2] / memory[JOBS / 2]);
        }
        try (var engine = LocalEngine.open(Files.createTempDirectory("postwright-image-batch"), OfflineWriter::new,
                () -> maker, QueueSettings.DEFAULTS.withWorkers(2), Clock.systemUTC())) {
            engine.jobs().start();
            batch(engine, 0); // warm-up
            long t = System.nanoTime();
            batch(engine, 100);
            double ms = (System.nanoTime() - t) / 1e6;
            System.out.printf(Locale.ROOT, "a batch of %d image jobs on 2 workers: %.0f ms, %.1f ms per picture%n",
                    BATCH, ms, ms / BATCH);
        }
    }

    /** A different prompt each time, so every job draws and writes a new file. */
    private static ImageJobRequest request(int n) {
        return new ImageJobRequest("A crusty sourdough loaf number " + n + " cooling on a wire rack", null, 1200, 630,
                null, null, null, null);
    }

    private static double submitAndWait(LocalEngine engine, int n) throws Exception {
        long t = System.nanoTime();
        String id = engine.jobs().enqueueImage(request(n), null);
        var done = engine.jobs().whenFinished(id).get(30, TimeUnit.SECONDS);
        if (done.state() != JobState.SUCCEEDED) throw new IllegalStateException("job " + id + " " + done.state());
        return (System.nanoTime() - t) / 1e6;
    }

    private static double inMemory(OfflineImageMaker maker, int n) throws Exception {
        long t = System.nanoTime();
        var r = request(n);
        var card = new dev.postwright.images.CardText(r.prompt(), null, null, null, null);
        maker.make(new ImageRequest(r.prompt(), r.prompt(), ImageSize.SOCIAL_CARD, r.quality(), card), new CancellationToken());
        return (System.nanoTime() - t) / 1e6;
    }

    private static void batch(LocalEngine engine, int from) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) ids.add(engine.jobs().enqueueImage(request(from + i), null));
        for (String id : ids) engine.jobs().whenFinished(id).get(60, TimeUnit.SECONDS);
    }
}
