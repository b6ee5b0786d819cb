package dev.postwright.testing;

import dev.postwright.engine.LocalEngine;
import dev.postwright.jobs.CancellationToken;
import dev.postwright.jobs.JobEventListener;
import dev.postwright.jobs.JobFailure;
import dev.postwright.jobs.LoggedEvent;
import dev.postwright.llm.Brief;
import dev.postwright.model.Draft;
import dev.postwright.model.Outline;
import dev.postwright.llm.PostMetadata;
import dev.postwright.llm.TextGenerator;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.model.JobEvent;
import dev.postwright.model.JobOptions;
import dev.postwright.model.VisualSuggestion;
import dev.postwright.queue.QueueSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A real job killed (SIGKILL) in the middle of its draft: a child process runs the local engine
 * on the data folder, and is killed once {@value #PIECES} pieces of the draft are in the job's
 * log. The job is left running in the database, for the next engine's start to resume.
 */
public final class KilledMidDraft {
    public static final int PIECES = 20;
    private static final long WAIT_SECONDS = 60;

    private KilledMidDraft() {}

    /**
     * Queues the sourdough brief in {@code data} for {@code owner} (nullable), lets a child process
     * get mid-draft, kills it; the job's id.
     */
    public static String job(Path data, String owner) throws Exception {
        String id;
        try (var engine = LocalEngine.open(data, new OfflineWriter(), QueueSettings.DEFAULTS.withWorkers(0),
                Clock.systemUTC())) {
            id = engine.jobs().enqueue(Briefs.sourdough(JobOptions.DEFAULTS), owner);
        }
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                KilledMidDraft.class.getName(), data.toString(), id).redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        // Should the child stall, kill it so the read below ends and the test fails instead of hanging.
        CompletableFuture.delayedExecutor(WAIT_SECONDS, TimeUnit.SECONDS).execute(child::destroyForcibly);
        try (var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("logged")) { }
            if (line == null) throw new AssertionError("the child ended before its draft was under way");
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no hand-back
        }
        if (!child.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) throw new AssertionError("the child outlived SIGKILL");
        return id;
    }

    /** The child: {@code <data folder> <job id>}; prints "logged" once the draft's pieces are stored, then waits to die. */
    public static void main(String[] args) throws Exception {
        var engine = LocalEngine.open(Path.of(args[0]), new StallingWriter(new OfflineWriter()),
                QueueSettings.DEFAULTS.withWorkers(1), Clock.systemUTC());
        // A subscription delivers only what is committed: when it sees the last piece, all are in the file.
        engine.jobs().subscribe(args[1], 0, new JobEventListener() {
            @Override
            public void onEvent(LoggedEvent e) {
                if (e.event() instanceof JobEvent.DraftDelta d && d.seq() == PIECES) {
                    System.out.println("logged");
                    System.out.flush();
                }
            }

            @Override
            public void onEnd() { }
        });
        engine.jobs().start();
        Thread.currentThread().join(); // until killed
    }

    /** The offline writer, stopped for good after {@value #PIECES} pieces of its draft. */
    private record StallingWriter(TextGenerator writer) implements TextGenerator {
        @Override
        public String model() {
            return writer.model();
        }

        @Override
        public boolean isScaffold() {
            return writer.isScaffold();
        }

        @Override
        public Outline outline(Brief brief, CancellationToken cancel) throws JobFailure {
            return writer.outline(brief, cancel);
        }

        @Override
        public Draft draft(Brief brief, Outline outline, Consumer<String> deltas, CancellationToken cancel)
                throws JobFailure {
            int[] pieces = {0};
            var never = new CountDownLatch(1);
            return writer.draft(brief, outline, text -> {
                deltas.accept(text);
                if (++pieces[0] == PIECES) {
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }, cancel);
        }

        @Override
        public PostMetadata metadata(Brief brief, Outline outline, String markdown, CancellationToken cancel)
                throws JobFailure {
            return writer.metadata(brief, outline, markdown, cancel);
        }

        @Override
        public List<VisualSuggestion> visuals(Brief brief, String markdown, CancellationToken cancel)
                throws JobFailure {
            return writer.visuals(brief, markdown, cancel);
        }
    }
}
