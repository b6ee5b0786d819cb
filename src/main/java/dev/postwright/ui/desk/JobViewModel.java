package dev.postwright.ui.desk;

import dev.postwright.jobs.LoggedEvent;
import dev.postwright.model.BlogPost;
import dev.postwright.model.ContextSummary;
import dev.postwright.model.JobEvent;
import dev.postwright.model.JobResult;
import dev.postwright.model.SavedPost;
import dev.postwright.model.SeoAnalysis;
import dev.postwright.model.Stage;
import dev.postwright.model.StoredImage;
import dev.postwright.model.VisualSuggestion;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the desk shows about one job, built from its events. Read-only properties for views;
 * {@link #apply} is called on the FX thread with one batch of events per frame (or directly in
 * tests, which need no stage).
 */
public final class JobViewModel {
    /** Where the job is, as the writer sees it. */
    public enum Phase { IDLE, RUNNING, SUCCEEDED, FAILED, CANCELLED }

    /** The stepper's steps: the blog job's stages, which name themselves on the wire and label themselves. */
    public static final List<Stage> STEPS = List.of(Stage.values());

    /**
     * Text added to the draft in one batch; when {@code restart}, the draft so far is void (a new
     * start, or {@code draft-reset}) and {@code text} begins it again.
     */
    public record DraftPiece(boolean restart, String text) {}

    private final ReadOnlyStringWrapper jobId = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.IDLE);
    private final ReadOnlyIntegerWrapper progress = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper stepIndex = new ReadOnlyIntegerWrapper(-1);
    /** The steps this job's stream has shown running (by index); empty when it showed none, as for a result read back. */
    private final javafx.collections.ObservableSet<Integer> ranSteps = FXCollections.observableSet();
    private final ReadOnlyStringWrapper step = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Integer> secondsLeft = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper draft = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<BlogPost> post = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ContextSummary> context = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SeoAnalysis> seo = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SavedPost> savedPost = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    /** The failure's stable code ({@code AUTH}, …), or null: while running, after a cancel, when the backend gave none. */
    private final ReadOnlyStringWrapper errorCode = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper scaffold = new ReadOnlyBooleanWrapper();
    private final ObservableList<VisualSuggestion> visuals = FXCollections.observableArrayList();
    private final ObservableList<VisualSuggestion> visualsView = FXCollections.unmodifiableObservableList(visuals);
    private final ObservableList<StoredImage> images = FXCollections.observableArrayList();
    private final ObservableList<StoredImage> imagesView = FXCollections.unmodifiableObservableList(images);
    /** Why the job made fewer images than it was asked for, or null. */
    private final ReadOnlyStringWrapper imageProblem = new ReadOnlyStringWrapper();
    private final List<Consumer<DraftPiece>> draftListeners = new ArrayList<>();
    private final List<Runnable> startListeners = new ArrayList<>();
    /** The next piece begins the draft again. */
    private boolean draftRestarts = true;

    /** Clears everything for a new job. */
    public void start(String id) {
        jobId.set(id);
        phase.set(Phase.RUNNING);
        progress.set(0);
        stepIndex.set(-1);
        ranSteps.clear();
        step.set("Waiting for a worker");
        secondsLeft.set(null);
        draft.set("");
        draftRestarts = true;
        post.set(null);
        context.set(null);
        seo.set(null);
        savedPost.set(null);
        error.set(null);
        errorCode.set(null);
        scaffold.set(false);
        visuals.clear();
        images.clear();
        imageProblem.set(null);
        for (var listener : List.copyOf(startListeners)) listener.run();
    }

    /**
     * Calls {@code listener} on the FX thread each time a job is started or followed, the same
     * job again too (where {@link #jobIdProperty} does not change), after everything is cleared.
     */
    public void onStart(Runnable listener) {
        startListeners.add(listener);
    }

    /**
     * Applies a batch of the job's events, in order. Draft pieces are joined, set once per batch
     * and handed to {@link #onDraft} listeners as one piece; {@code draft-reset} discards the
     * pieces before it. Progress never goes backwards while
     * the job is shown: our own engine never logs less than before, but another backend's retry may
     * start again from 0.
     */
    public void apply(List<LoggedEvent> batch) {
        var drafted = new StringBuilder();
        for (LoggedEvent logged : batch) {
            if (!logged.jobId().equals(jobId.get())) continue;
            switch (logged.event()) {
                case JobEvent.StepChange s -> progress(s.progress(), s.currentStep(), s.estimatedTimeRemaining(), null);
                case JobEvent.ProgressUpdate p when Stage.IMAGES.wireName().equals(p.stage()) && p.detail() != null -> {
                    imageProblem.set(p.currentStep()); // the images stage says what it could not make
                    progress(p.progress(), p.currentStep(), p.estimatedTimeRemaining(), p.stage());
                }
                case JobEvent.ProgressUpdate p -> progress(p.progress(), p.currentStep(), p.estimatedTimeRemaining(),
                        p.stage());
                case JobEvent.ContextResult c -> context.set(c.context());
                case JobEvent.DraftDelta d -> drafted.append(d.text());
                case JobEvent.DraftReset r -> { // the pieces so far are void: the draft is written again
                    drafted.setLength(0);
                    draft.set("");
                    draftRestarts = true;
                }
                case JobEvent.BlogResult b -> {
                    flushDraft(drafted);
                    post(b.post());
                }
                case JobEvent.VisualsResult v -> visuals.setAll(v.suggestions());
                case JobEvent.ImagesResult i -> images.setAll(i.images());
                case JobEvent.SeoResult s -> seo.set(s.analysis());
                case JobEvent.Complete c -> complete(c.result());
                case JobEvent.Failed f -> {
                    boolean cancelled = f.isCancellation();
                    // The phase changes last, so whoever watches it finds the failure's details already there.
                    error.set(cancelled ? null : f.error());
                    errorCode.set(cancelled ? null : f.errorCode());
                    step.set(cancelled ? "Cancelled" : "Failed");
                    secondsLeft.set(null);
                    phase.set(cancelled ? Phase.CANCELLED : Phase.FAILED);
                }
                case JobEvent.Connected c -> { }
                case JobEvent.StreamTimeout t -> { }
            }
        }
        flushDraft(drafted);
    }

    private void progress(int percent, String currentStep, Integer eta, String stage) {
        if (phase.get() != Phase.RUNNING) { // a retried job runs again
            phase.set(Phase.RUNNING);
            error.set(null);
            errorCode.set(null);
        }
        progress.set(Math.max(progress.get(), percent));
        if (currentStep != null) step.set(currentStep);
        secondsLeft.set(eta);
        if (stage != null) {
            if (stage.equals(Stage.COMPLETED)) stepIndex.set(STEPS.size());
            else Stage.ofWireName(stage).ifPresent(known -> {
                stepIndex.set(STEPS.indexOf(known));
                ranSteps.add(STEPS.indexOf(known));
            });
        }
    }

    /**
     * A second has passed since the last call (the stepper calls this once a second): the time
     * left counts down between the job's own estimates, which replace it as they come, and stops
     * at zero, where the desk stops naming it, since only the job says when it is done.
     */
    public void secondPassed() {
        Integer left = secondsLeft.get();
        if (phase.get() == Phase.RUNNING && left != null && left > 0) secondsLeft.set(left - 1);
    }

    private void flushDraft(StringBuilder drafted) {
        if (drafted.isEmpty()) return;
        String text = drafted.toString();
        drafted.setLength(0);
        var piece = new DraftPiece(draftRestarts, text);
        draftRestarts = false;
        draft.set(draft.get() + text);
        for (var listener : List.copyOf(draftListeners)) listener.accept(piece);
    }

    /**
     * Calls {@code listener} on the FX thread with each batch's addition to the draft, after
     * {@link #draftProperty} has changed: what a view needs to draw only what is new. Folding the
     * pieces (a restart voids what came before) gives the draft.
     */
    public void onDraft(Consumer<DraftPiece> listener) {
        draftListeners.add(listener);
    }

    private void post(BlogPost p) {
        post.set(p);
        draft.set(p.content() == null ? "" : p.content());
        scaffold.set(p.generationMetadata() != null && p.generationMetadata().scaffold());
    }

    /**
     * Shows {@code revised}, the job's post as the library now has it: a version saved from the
     * desk (its featured image changed). The draft follows; the job's events are unchanged.
     */
    public void showRevision(BlogPost revised) {
        post(revised);
    }

    /**
     * Shows {@code revised} with its analysis {@code scored}: a version saved from the desk's SEO
     * panel (a fix accepted), scored again as it now reads.
     */
    public void showRevision(BlogPost revised, SeoAnalysis scored) {
        post(revised);
        seo.set(scored);
    }

    private void complete(JobResult result) {
        if (result.post() != null) post(result.post()); // an image job's result has no post; the desk follows blog jobs

        visuals.setAll(result.visuals());
        images.setAll(result.images());
        if (result.seo() != null) seo.set(result.seo());
        savedPost.set(result.savedPost());
        progress.set(100);
        stepIndex.set(STEPS.size());
        step.set(result.savedPost() != null ? "Saved to library" : "Done");
        secondsLeft.set(0);
        phase.set(Phase.SUCCEEDED);
    }

    public ReadOnlyStringProperty jobIdProperty() { return jobId.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Phase> phaseProperty() { return phase.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty stepIndexProperty() { return stepIndex.getReadOnlyProperty(); }
    /** The steps the job was seen running; a step passed without running (no visuals asked for) is not in it. */
    public javafx.collections.ObservableSet<Integer> ranSteps() { return FXCollections.unmodifiableObservableSet(ranSteps); }
    public ReadOnlyStringProperty stepProperty() { return step.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Integer> secondsLeftProperty() { return secondsLeft.getReadOnlyProperty(); }
    public ReadOnlyStringProperty draftProperty() { return draft.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<BlogPost> postProperty() { return post.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ContextSummary> contextProperty() { return context.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<SeoAnalysis> seoProperty() { return seo.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<SavedPost> savedPostProperty() { return savedPost.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorCodeProperty() { return errorCode.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty scaffoldProperty() { return scaffold.getReadOnlyProperty(); }
    public ObservableList<VisualSuggestion> visuals() { return visualsView; }

    /** Why the job made fewer images than it was asked for ("No featured image: …"), or null. */
    public ReadOnlyStringProperty imageProblemProperty() { return imageProblem.getReadOnlyProperty(); }

    /** The images the job made for its post, once stored. */
    public ObservableList<StoredImage> images() { return imagesView; }
}
