package dev.postwright.ui.desk;

import dev.postwright.model.SavedPost;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import dev.postwright.ui.parts.PostActions;
import dev.postwright.ui.parts.PostPreview;
import dev.postwright.ui.parts.UiServices;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;

/**
 * The job's post as it will look: the draft while it streams (embeds left out until the
 * finished post brings their cards), then the whole post. A banner marks the offline engine's
 * scaffolds; the bar below copies and exports the post.
 */
public final class PreviewView extends BorderPane {
    private static final String EMPTY_STATE = "<p class=\"empty-state\">Your post appears here as it is written.</p>";

    private final PostPreview preview;
    private final PostActions actions;
    private final JobViewModel job;

    public PreviewView(JobViewModel job, UiServices ui) {
        this.job = job;
        getStyleClass().add("preview");
        preview = new PostPreview(ui.renderer(), ui.frames(), ui.renderThread(), ui.theme(), ui.openLink(), EMPTY_STATE);
        preview.setWebViewId("preview");
        var scaffold = new Label("Offline scaffold: a structured starting point for you to expand, not finished prose.");
        scaffold.setId("scaffold-banner");
        scaffold.getStyleClass().add("scaffold-banner");
        scaffold.setMaxWidth(Double.MAX_VALUE);
        scaffold.visibleProperty().bind(job.scaffoldProperty());
        scaffold.managedProperty().bind(scaffold.visibleProperty());
        actions = new PostActions(job.postProperty(), ui, "desk-");
        setTop(scaffold);
        setCenter(preview);
        setBottom(actions);
        job.jobIdProperty().addListener((o, was, id) -> preview.clear());
        job.onDraft(piece -> {
            if (job.postProperty().get() != null) return;
            if (piece.restart()) preview.restartDraft(piece.text());
            else preview.appendDraft(piece.text());
        });
        job.postProperty().addListener((o, was, post) -> {
            if (post != null) preview.showPost(post);
        });
    }

    public PostPreview preview() {
        return preview;
    }

    /**
     * Adds Publish… to the bar, for the job's post once it is in the library; until then (or when
     * the job did not save it) a sentence beside it says why it cannot be published.
     *
     * @param publish opens the Publish dialog for a library post, by id
     */
    public void offerPublish(Consumer<String> publish) {
        var button = new Button("Publish…");
        button.setId("desk-publish");
        button.getStyleClass().add("small");
        button.setAccessibleText("Publish the saved post to a WordPress site");
        button.disableProperty().bind(job.savedPostProperty().isNull());
        button.setOnAction(e -> {
            SavedPost saved = job.savedPostProperty().get();
            if (saved != null && saved.id() != null) publish.accept(saved.id());
        });
        var why = new Label();
        why.setId("desk-publish-why");
        why.getStyleClass().add("muted");
        why.setWrapText(true);
        why.textProperty().bind(Bindings.createStringBinding(() -> whyNotPublished(job), job.savedPostProperty(),
                job.phaseProperty(), job.postProperty()));
        HBox.setHgrow(why, Priority.ALWAYS);
        why.setMaxWidth(Double.MAX_VALUE);
        var bar = new HBox(6, why, actions, button);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.getStyleClass().add("post-actions");
        actions.setStyle("-fx-padding: 0;");
        setBottom(bar);
    }

    /** Why the desk's post cannot be published now, or "" when it can (or there is no post). */
    static String whyNotPublished(JobViewModel job) {
        if (job.savedPostProperty().get() != null) return "";
        return switch (job.phaseProperty().get()) {
            case IDLE -> "";
            case RUNNING -> job.postProperty().get() == null ? "" : "Publish once the post is saved to the library.";
            case SUCCEEDED, FAILED, CANCELLED -> job.postProperty().get() == null ? ""
                    : "This job did not save its post to the library, so it cannot be published from here.";
        };
    }

    /** Export… for the desk's post (Ctrl+E). */
    public void export() {
        actions.export();
    }
}
