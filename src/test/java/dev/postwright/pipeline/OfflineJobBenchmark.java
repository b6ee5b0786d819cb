package dev.postwright.pipeline;

import dev.postwright.engine.LocalEngine;
import dev.postwright.jobs.CancellationToken;
import dev.postwright.llm.Brief;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.model.JobOptions;
import dev.postwright.model.OrganizationProfile;
import dev.postwright.queue.QueueSettings;
import dev.postwright.seo.SeoAnalyzer;
import dev.postwright.seo.text.PostTexts;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * An offline job from submit to {@code complete}, through the real engine (SQLite file, queue,
 * worker, every stage, autosave), against the same writing and analysis done in memory.
 *
 * <pre>mvn -B -Pbench verify -DskipTests -Dbench.class=dev.postwright.pipeline.OfflineJobBenchmark</pre>
 */
public final class OfflineJobBenchmark {
    private static final int JOBS = 200;

    public static void main(String[] args) throws Exception {
        java.util.logging.LogManager.getLogManager().reset();
        var request = ContentPipelineTest.request(JobOptions.DEFAULTS);
        var dir = Files.createTempDirectory("postwright-bench");
        try (var engine = LocalEngine.open(dir, new OfflineWriter(), QueueSettings.DEFAULTS.withWorkers(1),
                Clock.systemUTC())) {
            engine.jobs().start();
            for (int i = 0; i < 100; i++) submitAndWait(engine, request); // warm-up
            for (int i = 0; i < 100; i++) inMemory(request);
            double[] job = new double[JOBS];
            double[] memory = new double[JOBS];
            for (int i = 0; i < JOBS; i++) {
                job[i] = submitAndWait(engine, request);
                memory[i] = inMemory(request);
            }
            Arrays.sort(job);
            Arrays.sort(memory);
            System.out.printf(Locale.ROOT, "Java %s, %d cores%n", System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "offline job, submit to complete: median %.1f ms, p95 %.1f ms, max %.1f ms%n",
                    job[JOBS / 2], job[(int) (JOBS * 0.95)], job[JOBS - 1]);
            System.out.printf(Locale.ROOT, "same work in memory (no queue, no database): median %.1f ms, p95 %.1f ms; "
                    + "job / in-memory %.1fx%n", memory[JOBS / 2], memory[(int) (JOBS * 0.95)], job[JOBS / 2] / memory[JOBS / 2]);
        }
    }

    private static double submitAndWait(LocalEngine engine, dev.postwright.model.JobRequest request) throws Exception {
        long t = System.nanoTime();
        String id = engine.jobs().enqueue(request, null);
        engine.jobs().whenFinished(id).get(30, TimeUnit.SECONDS);
        return (System.nanoTime() - t) / 1e6;
    }

    private static double inMemory(dev.postwright.model.JobRequest request) {
        long t = System.nanoTime();
        var writer = new OfflineWriter();
        var token = new CancellationToken();
        var brief = Brief.of(request, OrganizationProfile.empty(request.organizationId()));
        var outline = writer.outline(brief, token);
        var draft = writer.draft(brief, outline, text -> { }, token);
        var meta = writer.metadata(brief, outline, draft.markdown(), token);
        writer.visuals(brief, draft.markdown(), token);
        SeoAnalyzer.standard().analyze(draft.markdown(), new PostTexts.Meta(meta.title(), meta.metaDescription(),
                "slug", brief.focusKeyphrase(), "", 0));
        return (System.nanoTime() - t) / 1e6;
    }
}
