package dev.postwright.model;

import java.util.List;

/**
 * One event of the job stream protocol. Consumers dispatch with one exhaustive {@code switch},
 * so a new event type is a compile error wherever events are handled. Wire names live in
 * {@code dev.postwright.wire}.
 */
public sealed interface JobEvent {

    /** True for the events that end a job's stream. */
    default boolean isTerminal() {
        return this instanceof Complete || this instanceof Failed;
    }

    /** The stream is open; per connection, never stored in a job's log. */
    record Connected(String connectionId, String jobId, Integer maxAgeSeconds, String hint) implements JobEvent {}

    /** A worker picked the job up. */
    record StepChange(int progress, String currentStep, Integer estimatedTimeRemaining) implements JobEvent {}

    /**
     * Progress. {@code stage} is Postwright's fine-grained stage name; {@code phase} and
     * {@code detail} come from other job types. All but {@code progress} may be null.
     */
    record ProgressUpdate(int progress, String currentStep, Integer estimatedTimeRemaining,
                          String stage, String phase, String detail) implements JobEvent {}

    /** The organization context was loaded. */
    record ContextResult(ContextSummary context) implements JobEvent {}

    /** The draft is ready. */
    record BlogResult(BlogPost post) implements JobEvent {}

    /**
     * Images made for the post (only when the brief asked for them): a Postwright event, sent as
     * soon as they are stored, before the SEO check that sees them in the post.
     */
    record ImagesResult(List<StoredImage> images) implements JobEvent {
        public ImagesResult {
            images = Lists.copyOf(images);
        }
    }

    /** Suggested visuals (only when the brief asked for them). */
    record VisualsResult(List<VisualSuggestion> suggestions) implements JobEvent {
        public VisualsResult {
            suggestions = Lists.copyOf(suggestions);
        }
    }

    /** The SEO analysis (unless skipped). */
    record SeoResult(SeoAnalysis analysis) implements JobEvent {}

    /** The job succeeded. Terminal. */
    record Complete(JobResult result) implements JobEvent {}

    /**
     * The job failed or was cancelled. Terminal. A cancel is known by its code ({@link
     * #isCancellation()}), never by its sentence; the codecs give the code to the protocol's
     * code-less cancel ({@code error} "Cancelled").
     */
    record Failed(String error, String errorCode) implements JobEvent {
        public static final String CANCELLED = "Cancelled";
        public static final String CANCELLED_CODE = "CANCELLED";

        public static Failed cancelled() {
            return new Failed(CANCELLED, CANCELLED_CODE);
        }

        /** True when someone cancelled the job, rather than it failing. */
        public boolean isCancellation() {
            return CANCELLED_CODE.equals(errorCode);
        }
    }

    /** The server is about to give up on this stream; reconnect or poll. */
    record StreamTimeout(String jobId, String message) implements JobEvent {}

    /**
     * Postwright addition: the next piece of the draft as it is written. {@code seq} counts the
     * pieces since the draft began, or since the last {@link DraftReset}.
     */
    record DraftDelta(long seq, String text) implements JobEvent {}

    /**
     * Postwright addition: the draft is being written again from the start (a resumed job re-runs
     * an interrupted draft), so every {@link DraftDelta} logged before this event is void. A
     * consumer discards the draft text it has joined so far; the pieces after it make the draft.
     */
    record DraftReset() implements JobEvent {}
}
