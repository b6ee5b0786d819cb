package dev.postwright.ui.desk;

import dev.postwright.jobs.LoggedEvent;
import dev.postwright.jobs.Subscription;
import dev.postwright.model.ImageJobRequest;
import dev.postwright.model.ImageStage;
import dev.postwright.model.JobEvent;
import dev.postwright.model.Stage;
import dev.postwright.model.StoredImage;
import dev.postwright.model.VisualSuggestion;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One visual suggestion's picture as the Visuals panel shows it: none yet, its image job's stages
 * as they pass, the picture made, or why it was not. Changed by {@link VisualsViewModel} only,
 * on the FX thread (or the test thread, with no stage).
 */
public final class SuggestionImage {
    /** Where the suggestion's picture is. */
    public enum State { NONE, RUNNING, MADE, FAILED }

    /** The steps of the progress line, in order: processing, generating, storing. */
    public static final List<ImageStage> STEPS = List.of(ImageStage.values());

    private final VisualSuggestion suggestion;
    private final boolean featured;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.NONE);
    private final ReadOnlyIntegerWrapper stepIndex = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyStringWrapper step = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<StoredImage> image = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    /** The image job shown, or null; its events after {@code lastSeq} are still to come. */
    private String jobId;
    private long lastSeq;
    private Subscription subscription;

    SuggestionImage(VisualSuggestion suggestion, boolean featured) {
        this.suggestion = suggestion;
        this.featured = featured;
    }

    public VisualSuggestion suggestion() {
        return suggestion;
    }

    /** Whether this is the post's featured suggestion: its picture is made at the featured size. */
    public boolean featured() {
        return featured;
    }

    /**
     * What this suggestion's image job asks for: its prompt (else its description, else its
     * title), its alt text, the featured size for the featured suggestion, the post it is for.
     */
    ImageJobRequest request(String postId, String organizationId) {
        VisualSuggestion v = suggestion;
        return new ImageJobRequest(firstNonBlank(v.prompt(), v.description(), v.title()), v.altText(), null, null, null,
                featured ? "featured" : ImageJobRequest.INLINE, postId, organizationId);
    }

    /**
     * The suggestion the featured picture comes from, as the blog job's images stage chooses it:
     * one of type featured, else the first image or photo; null for none.
     */
    static VisualSuggestion featuredOf(List<VisualSuggestion> visuals) {
        return visuals.stream().filter(v -> typeContains(v, "featured")).findFirst()
                .or(() -> visuals.stream().filter(v -> typeContains(v, "image") || typeContains(v, "photo")).findFirst())
                .orElse(null);
    }

    private static boolean typeContains(VisualSuggestion v, String word) {
        return v.type() != null && v.type().toLowerCase(Locale.ROOT).contains(word);
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v.strip();
        return "";
    }

    /** A new image job for this suggestion is on its way: nothing of an earlier picture is shown. */
    void starting() {
        closeSubscription();
        jobId = null;
        lastSeq = 0;
        image.set(null);
        error.set(null);
        stepIndex.set(-1);
        step.set("Starting the picture");
        state.set(State.RUNNING);
    }

    /** Its image job is {@code id}, queued. */
    void started(String id) {
        jobId = id;
        waiting();
    }

    /** The failed job runs again: its new events follow the ones already seen. */
    void retried() {
        error.set(null);
        waiting();
    }

    private void waiting() {
        stepIndex.set(-1);
        step.set("Waiting for a worker");
        state.set(State.RUNNING);
    }

    /** The image job could not be started or retried: {@code why} is shown instead of its stages. */
    void refused(String why) {
        error.set(why);
        state.set(jobId == null ? State.NONE : State.FAILED);
        if (jobId == null) step.set("");
    }

    /** A picture made before for this suggestion (found in the library), shown as if just made. */
    void found(StoredImage made) {
        jobId = made.jobId();
        image.set(made);
        stepIndex.set(STEPS.size());
        step.set("");
        state.set(State.MADE);
    }

    /** Applies one event of its job, in order; events of another job, or seen before, are ignored. */
    void apply(LoggedEvent logged) {
        if (!logged.jobId().equals(jobId) || logged.seq() <= lastSeq) return;
        lastSeq = logged.seq();
        switch (logged.event()) {
            case JobEvent.ProgressUpdate p -> {
                if (Stage.COMPLETED.equals(p.stage())) stepIndex.set(STEPS.size());
                else ImageStage.ofWireName(p.stage()).ifPresent(s -> stepIndex.set(s.ordinal()));
                if (p.currentStep() != null) step.set(p.currentStep());
                if (state.get() != State.RUNNING) state.set(State.RUNNING); // a retried job runs again
            }
            case JobEvent.ImagesResult i -> { if (!i.images().isEmpty()) image.set(i.images().getFirst()); }
            case JobEvent.Complete c -> {
                if (!c.result().images().isEmpty()) image.set(c.result().images().getFirst());
                stepIndex.set(STEPS.size());
                step.set("");
                state.set(image.get() != null ? State.MADE : State.FAILED);
                if (image.get() == null) error.set("The job ended without a picture.");
            }
            case JobEvent.Failed f -> {
                error.set(f.isCancellation() ? "The image job was cancelled." : f.error());
                state.set(State.FAILED);
            }
            case JobEvent.StepChange s -> { if (s.currentStep() != null) step.set(s.currentStep()); }
            case JobEvent.Connected c -> { }
            case JobEvent.StreamTimeout t -> { }
            case JobEvent.ContextResult c -> { }
            case JobEvent.DraftDelta d -> { }
            case JobEvent.DraftReset r -> { }
            case JobEvent.BlogResult b -> { }
            case JobEvent.VisualsResult v -> { }
            case JobEvent.SeoResult s -> { }
        }
    }

    String jobId() {
        return jobId;
    }

    long lastSeq() {
        return lastSeq;
    }

    /** Keeps {@code live} as this row's subscription, closing the one before. */
    void following(Subscription live) {
        closeSubscription();
        subscription = live;
    }

    void closeSubscription() {
        if (subscription != null) subscription.close();
        subscription = null;
    }

    void busy(boolean now) {
        busy.set(now);
    }

    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }
    /** -1 before the first stage, then the index in {@link #STEPS}; {@code STEPS.size()} when done. */
    public ReadOnlyIntegerProperty stepIndexProperty() { return stepIndex.getReadOnlyProperty(); }
    /** The current step's sentence ("Making the picture"). */
    public ReadOnlyStringProperty stepProperty() { return step.getReadOnlyProperty(); }
    /** The picture made, once stored. */
    public ReadOnlyObjectProperty<StoredImage> imageProperty() { return image.getReadOnlyProperty(); }
    /** Why there is no picture: the failed job's sentence for the writer, or why it could not start. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    /** A command for this suggestion is on its way (start, retry, use as featured). */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
}
