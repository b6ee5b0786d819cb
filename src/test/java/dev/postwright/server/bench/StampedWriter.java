package dev.postwright.server.bench;

import dev.postwright.jobs.CancellationToken;
import dev.postwright.llm.Brief;
import dev.postwright.model.Draft;
import dev.postwright.model.Outline;
import dev.postwright.llm.PostMetadata;
import dev.postwright.llm.TextGenerator;
import dev.postwright.model.VisualSuggestion;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * A writer whose draft tokens carry the moment they were emitted ({@code ~<nanoTime> }), at a
 * fixed rate: the load of a model streaming, with each token's latency readable at the far end.
 * Pacing is the load being generated, not synchronisation.
 */
final class StampedWriter implements TextGenerator {
    private final int tokensPerSecond;
    private final int tokens;
    private volatile CountDownLatch gate = new CountDownLatch(0);

    StampedWriter(int tokensPerSecond, int tokens) {
        this.tokensPerSecond = tokensPerSecond;
        this.tokens = tokens;
    }

    /** Drafts wait from now until the returned latch is counted down (every reader connected). */
    CountDownLatch hold() {
        gate = new CountDownLatch(1);
        return gate;
    }

    /** The emit time in a token's text, or -1 for text without one. */
    static long stamp(String text) {
        int at = text.indexOf('~');
        if (at < 0) return -1;
        int end = text.indexOf(' ', at);
        return Long.parseLong(text, at + 1, end < 0 ? text.length() : end, 10);
    }

    @Override
    public String model() {
        return "stamped-" + tokensPerSecond;
    }

    @Override
    public boolean isScaffold() {
        return false;
    }

    @Override
    public Outline outline(Brief brief, CancellationToken cancel) {
        return new Outline(brief.title(), "article", List.of(new Outline.Section("Load", List.of("a"))));
    }

    @Override
    public Draft draft(Brief brief, Outline outline, Consumer<String> deltas, CancellationToken cancel) {
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Draft("# Load\n\nInterrupted.", 0);
        }
        var text = new StringBuilder("# Load\n\n");
        long start = System.nanoTime();
        long interval = 1_000_000_000L / tokensPerSecond;
        for (int i = 0; i < tokens && !cancel.isCancelled(); i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) LockSupport.parkNanos(wait);
            String token = "~" + System.nanoTime() + " ";
            text.append(token);
            deltas.accept(token);
        }
        return new Draft(text.toString(), tokens);
    }

    @Override
    public PostMetadata metadata(Brief brief, Outline outline, String markdown, CancellationToken cancel) {
        return new PostMetadata(brief.title(), null, "A post written to load the server.", List.of(), List.of(), null);
    }

    @Override
    public List<VisualSuggestion> visuals(Brief brief, String markdown, CancellationToken cancel) {
        return List.of();
    }
}
