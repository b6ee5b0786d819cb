package dev.postwright.ui.bench;

import dev.postwright.jobs.CancellationToken;
import dev.postwright.llm.Brief;
import dev.postwright.model.Draft;
import dev.postwright.model.Outline;
import dev.postwright.llm.PostMetadata;
import dev.postwright.llm.TextGenerator;
import dev.postwright.model.VisualSuggestion;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * A writer that streams its draft at a fixed rate: the load shape of a fast model (tokens a
 * second, for a number of seconds), with paragraphs, headings and lists like a real post.
 * Pacing is the load being generated, not synchronisation.
 */
final class PacedWriter implements TextGenerator {
    private static final String[] WORDS = ("sourdough starter flour water salt levain crumb crust oven dough proof "
            + "bake knead fold shape score steam loaf rise patience home bakers").split(" ");

    private final int tokensPerSecond;
    private final int seconds;

    PacedWriter(int tokensPerSecond, int seconds) {
        this.tokensPerSecond = tokensPerSecond;
        this.seconds = seconds;
    }

    @Override
    public String model() {
        return "paced-" + tokensPerSecond;
    }

    @Override
    public boolean isScaffold() {
        return false;
    }

    @Override
    public Outline outline(Brief brief, CancellationToken cancel) {
        return new Outline(brief.title(), "guide", List.of(new Outline.Section("Start", List.of("a"))));
    }

    @Override
    public Draft draft(Brief brief, Outline outline, Consumer<String> deltas, CancellationToken cancel) {
        var text = new StringBuilder();
        long total = (long) tokensPerSecond * seconds;
        long start = System.nanoTime();
        long interval = 1_000_000_000L / tokensPerSecond;
        for (long i = 0; i < total && !cancel.isCancelled(); i++) {
            String token = token(i);
            text.append(token);
            deltas.accept(token);
            long due = start + (i + 1) * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) LockSupport.parkNanos(wait);
        }
        return new Draft(text.toString(), total);
    }

    /** Token i: words, with a paragraph break every 60 tokens, a heading every 600 and a list now and then. */
    static String token(long i) {
        if (i == 0) return "# A long post\n\n";
        if (i % 600 == 0) return "\n\n## Section " + (i / 600) + "\n\n";
        if (i % 300 == 0) return "\n\n- " + WORDS[(int) (i % WORDS.length)] + "\n- item\n\n";
        if (i % 60 == 0) return ".\n\n";
        return (i % 60 == 1 ? "" : " ") + WORDS[(int) (i * 7 % WORDS.length)];
    }

    @Override
    public PostMetadata metadata(Brief brief, Outline outline, String markdown, CancellationToken cancel) {
        return new PostMetadata(brief.title(), null, "A long post.", List.of(), List.of(), null);
    }

    @Override
    public List<VisualSuggestion> visuals(Brief brief, String markdown, CancellationToken cancel) {
        return List.of();
    }
}
