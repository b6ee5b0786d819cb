package dev.postwright.llm;

import dev.postwright.jobs.CancellationToken;
import dev.postwright.jobs.JobFailure;
import dev.postwright.model.Draft;
import dev.postwright.model.Outline;
import dev.postwright.model.VisualSuggestion;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes posts: the offline drafting engine or a model server. Called on a worker thread, one
 * job at a time per call; implementations are thread-safe. Every method checks {@code cancel}
 * and aborts blocking work when it fires. Failures are {@link JobFailure}s with a message for
 * the writer, marked transient when a retry may succeed.
 */
public interface TextGenerator {
    /** Shown as {@code generationMetadata.model}. */
    String model();

    /**
     * True for the offline engine, whose drafts are scaffolds for the writer to expand; the pipeline
     * records it in the post as {@code generationMetadata.scaffold}.
     */
    boolean isScaffold();

    Outline outline(Brief brief, CancellationToken cancel) throws JobFailure;

    /** Writes the body, passing each new piece of text to {@code deltas} as it is written. */
    Draft draft(Brief brief, Outline outline, Consumer<String> deltas, CancellationToken cancel) throws JobFailure;

    PostMetadata metadata(Brief brief, Outline outline, String markdown, CancellationToken cancel) throws JobFailure;

    List<VisualSuggestion> visuals(Brief brief, String markdown, CancellationToken cancel) throws JobFailure;
}
