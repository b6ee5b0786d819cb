package dev.postwright.llm.offline;

import dev.postwright.jobs.CancellationToken;
import dev.postwright.llm.Brief;
import dev.postwright.llm.DerivedVisuals;
import dev.postwright.model.Draft;
import dev.postwright.model.Outline;
import dev.postwright.llm.PostMetadata;
import dev.postwright.llm.TextGenerator;
import dev.postwright.model.VisualSuggestion;
import java.util.List;
import java.util.function.Consumer;

/**
 * The offline drafting engine: needs nothing installed and no network. It turns a brief into a
 * complete, well-structured scaffold, deterministic for a given brief, which the writer expands.
 * Its output is labelled as a scaffold ({@link #isScaffold()}). Thread-safe (stateless).
 */
public final class OfflineWriter implements TextGenerator {
    public static final String MODEL = "postwright-offline-scaffold";
    private static final int CHUNK = 48;

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public boolean isScaffold() {
        return true;
    }

    @Override
    public Outline outline(Brief brief, CancellationToken cancel) {
        cancel.throwIfCancelled();
        return OfflineOutline.of(brief);
    }

    /** Streams the draft in pieces of about {@value #CHUNK} characters, split at spaces. */
    @Override
    public Draft draft(Brief brief, Outline outline, Consumer<String> deltas, CancellationToken cancel) {
        String markdown = OfflineDraft.write(brief, outline);
        int at = 0;
        while (at < markdown.length()) {
            cancel.throwIfCancelled();
            int end = Math.min(markdown.length(), at + CHUNK);
            int space = markdown.lastIndexOf(' ', end);
            if (end < markdown.length() && space > at) end = space + 1;
            deltas.accept(markdown.substring(at, end));
            at = end;
        }
        return new Draft(markdown, 0);
    }

    @Override
    public PostMetadata metadata(Brief brief, Outline outline, String markdown, CancellationToken cancel) {
        cancel.throwIfCancelled();
        return OfflineMetadata.of(brief, outline, markdown);
    }

    @Override
    public List<VisualSuggestion> visuals(Brief brief, String markdown, CancellationToken cancel) {
        cancel.throwIfCancelled();
        return DerivedVisuals.of(brief.title(), brief.focusKeyphrase(), markdown);
    }
}
