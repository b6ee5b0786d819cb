package dev.postwright.ui.desk;

import dev.postwright.model.VisualSuggestion;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Visual suggestion cards: what, where, the image prompt and the alt text, each with Copy. */
public final class VisualsPanel extends VBox {
    public VisualsPanel(JobViewModel job) {
        getStyleClass().add("panel");
        setSpacing(10);
        job.visuals().addListener((ListChangeListener<VisualSuggestion>) change -> show(job));
        show(job);
    }

    private void show(JobViewModel job) {
        getChildren().clear();
        if (job.visuals().isEmpty()) {
            var empty = new Label("Visual suggestions appear here after the draft.");
            empty.getStyleClass().add("muted");
            empty.setWrapText(true);
            getChildren().add(empty);
            return;
        }
        for (VisualSuggestion v : job.visuals()) getChildren().add(card(v));
    }

    private static VBox card(VisualSuggestion v) {
        var kind = new Label(v.type() == null ? "visual" : v.type());
        kind.getStyleClass().add("visual-kind");
        var title = new Label(v.title() == null ? "" : v.title());
        title.getStyleClass().add("card-title");
        title.setWrapText(true);
        var card = new VBox(4, kind, title);
        card.getStyleClass().add("visual-card");
        if (v.placement() != null) card.getChildren().add(muted("Placement: " + v.placement()));
        if (v.description() != null) card.getChildren().add(muted(v.description()));
        if (v.prompt() != null) card.getChildren().add(copyRow("Prompt", v.prompt()));
        if (v.altText() != null) card.getChildren().add(copyRow("Alt text", v.altText()));
        return card;
    }

    private static HBox copyRow(String what, String text) {
        var label = new Label(what + ": " + text);
        label.setWrapText(true);
        var copy = new Button("Copy");
        copy.getStyleClass().add("small");
        copy.setAccessibleText("Copy the " + what.toLowerCase());
        copy.setOnAction(e -> {
            var content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        });
        copy.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // never squeezed to "C…"
        label.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(label, javafx.scene.layout.Priority.ALWAYS);
        return new HBox(6, label, copy);
    }

    private static Label muted(String text) {
        var label = new Label(text);
        label.getStyleClass().add("muted");
        label.setWrapText(true);
        return label;
    }
}
