package dev.postwright.ui.desk;

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

    public PreviewView(JobViewModel job, UiServices ui) {
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

    /** Export… for the desk's post (Ctrl+E). */
    public void export() {
        actions.export();
    }
}
