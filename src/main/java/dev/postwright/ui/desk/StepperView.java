package dev.postwright.ui.desk;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.SetChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The pipeline's stages with the current one highlighted, progress, step, time left, Cancel and
 * Retry, and a link to the saved post when the job is done.
 */
public final class StepperView extends VBox {
    private final Button settings = new Button("Open Settings");
    /** Whether the desk gave a way to open Settings ({@link #offerSettings}). */
    private final BooleanProperty offered = new SimpleBooleanProperty();
    /** @param openSaved opens the saved post, by library id */
    public StepperView(JobViewModel job, Runnable onCancel, Runnable onRetry, Consumer<String> openSaved) {
        getStyleClass().add("stepper");
        var steps = new HBox(6);
        steps.setAlignment(Pos.CENTER_LEFT);
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < JobViewModel.STEPS.size(); i++) {
            var label = new Label((i + 1) + " " + JobViewModel.STEPS.get(i).label());
            label.getStyleClass().add("step");
            labels.add(label);
            steps.getChildren().add(label);
        }
        Runnable marking = () -> mark(labels, job);
        job.stepIndexProperty().addListener((o, was, now) -> marking.run());
        job.phaseProperty().addListener((o, was, now) -> marking.run());
        job.ranSteps().addListener((SetChangeListener<Integer>) change -> marking.run());
        // The time left counts down between the job's estimates; the clock runs only while a job does.
        var countdown = new Timeline(new KeyFrame(Duration.seconds(1), e -> job.secondPassed()));
        countdown.setCycleCount(Animation.INDEFINITE);
        job.phaseProperty().addListener((o, was, now) -> {
            if (now == JobViewModel.Phase.RUNNING) countdown.playFromStart();
            else countdown.stop();
        });
        var bar = new ProgressBar(0);
        bar.setId("progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(job.progressProperty().divide(100.0));
        bar.setAccessibleText("Progress");
        job.phaseProperty().addListener((o, was, now) -> { // a stopped job's bar is not left looking busy
            bar.getStyleClass().remove("stopped");
            if (now == JobViewModel.Phase.FAILED || now == JobViewModel.Phase.CANCELLED) bar.getStyleClass().add("stopped");
        });
        var status = new Label();
        status.setId("job-status");
        status.textProperty().bind(Bindings.createStringBinding(() -> statusText(job), job.progressProperty(),
                job.stepProperty(), job.secondsLeftProperty(), job.phaseProperty(), job.errorProperty()));
        status.setWrapText(true);
        var cancel = new Button("Cancel");
        cancel.setId("cancel");
        cancel.setAccessibleText("Cancel the job (Esc)");
        cancel.visibleProperty().bind(job.phaseProperty().isEqualTo(JobViewModel.Phase.RUNNING));
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> onCancel.run());
        var retry = new Button("Retry");
        retry.setId("retry");
        retry.visibleProperty().bind(job.phaseProperty().isEqualTo(JobViewModel.Phase.FAILED)
                .or(job.phaseProperty().isEqualTo(JobViewModel.Phase.CANCELLED)));
        retry.managedProperty().bind(retry.visibleProperty());
        retry.setOnAction(e -> onRetry.run());
        var saved = new Hyperlink("Open in library");
        saved.setId("open-saved");
        saved.setAccessibleText("Open the saved post in the library");
        saved.visibleProperty().bind(job.savedPostProperty().isNotNull());
        saved.managedProperty().bind(saved.visibleProperty());
        saved.setOnAction(e -> {
            if (job.savedPostProperty().get() != null) openSaved.accept(job.savedPostProperty().get().id());
        });
        settings.setId("fix-in-settings");
        settings.setAccessibleText("Open Settings to fix what made the job fail");
        settings.visibleProperty().bind(Bindings.createBooleanBinding(() -> offered.get()
                && job.phaseProperty().get() == JobViewModel.Phase.FAILED
                && SettingsFixes.canFix(job.errorCodeProperty().get()), job.phaseProperty(), job.errorCodeProperty(), offered));
        settings.managedProperty().bind(settings.visibleProperty());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var line = new HBox(10, status, saved, spacer, settings, cancel, retry);
        line.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(steps, bar, line);
        setSpacing(6);
    }

    /**
     * Offers "Open Settings" beside Retry when the job failed in a way Settings can fix (a key
     * refused, an unknown model): retrying unchanged would fail the same way.
     */
    public void offerSettings(Runnable open) {
        settings.setOnAction(e -> open.run());
        offered.set(true);
    }

    /**
     * Steps before the current one are done, or skipped when the job passed them without running
     * them; the current one is {@code current} while the job runs and {@code stopped} once it
     * failed or was cancelled there, so no step looks as if it were still being worked on.
     */
    private static void mark(List<Label> labels, JobViewModel job) {
        int current = job.stepIndexProperty().get();
        Set<Integer> ran = job.ranSteps();
        var phase = job.phaseProperty().get();
        boolean stopped = phase == JobViewModel.Phase.FAILED || phase == JobViewModel.Phase.CANCELLED;
        for (int i = 0; i < labels.size(); i++) {
            var classes = labels.get(i).getStyleClass();
            classes.removeAll("done", "current", "skipped", "stopped");
            if (i < current) classes.add(ran.isEmpty() || ran.contains(i) ? "done" : "skipped");
            else if (i == current) classes.add(stopped ? "stopped" : "current");
        }
    }

    private static String statusText(JobViewModel job) {
        return switch (job.phaseProperty().get()) {
            case IDLE -> "Fill in the brief and press Generate.";
            case SUCCEEDED -> job.stepProperty().get();
            case CANCELLED -> "Cancelled. Nothing was saved after the cancel.";
            case FAILED -> job.errorProperty().get();
            case RUNNING -> {
                Integer left = job.secondsLeftProperty().get();
                yield job.progressProperty().get() + " % · " + job.stepProperty().get()
                        + (left == null || left <= 0 ? "" : " · about " + left + " s left");
            }
        };
    }
}
