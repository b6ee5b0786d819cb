package dev.postwright.ui.desk;

import dev.postwright.model.StoredImage;
import dev.postwright.model.VisualSuggestion;
import dev.postwright.ui.fx.BackgroundTask;
import dev.postwright.ui.parts.UiServices;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The images the job made, each a thumbnail with its size, source and alt text; then the visual
 * suggestion cards: what, where, the image prompt and the alt text, each with Copy.
 */
public final class VisualsPanel extends VBox {
    private static final double THUMBNAIL_WIDTH = 260;
    private final UiServices ui;
    /** Thumbnails decoded so far, by image id: an image's bytes never change, and the panel is rebuilt on every result. */
    private final Map<String, Image> decoded = new HashMap<>();

    public VisualsPanel(JobViewModel job, UiServices ui) {
        this.ui = ui;
        getStyleClass().add("panel");
        setSpacing(10);
        job.visuals().addListener((ListChangeListener<VisualSuggestion>) change -> show(job));
        job.images().addListener((ListChangeListener<StoredImage>) change -> show(job));
        job.imageProblemProperty().addListener((o, was, now) -> show(job));
        show(job);
    }

    private void show(JobViewModel job) {
        getChildren().clear();
        decoded.keySet().retainAll(job.images().stream().map(StoredImage::id).toList()); // only this job's
        if (job.imageProblemProperty().get() != null) {
            var problem = muted(job.imageProblemProperty().get());
            problem.setId("image-problem");
            getChildren().add(problem);
        }
        for (StoredImage image : job.images()) getChildren().add(imageCard(image));
        if (job.visuals().isEmpty()) {
            var empty = new Label("Visual suggestions appear here after the draft.");
            empty.getStyleClass().add("muted");
            empty.setWrapText(true);
            getChildren().add(empty);
            return;
        }
        for (VisualSuggestion v : job.visuals()) getChildren().add(card(v));
    }

    /** A made image: its thumbnail, read and decoded off the FX thread, and what it is. */
    private VBox imageCard(StoredImage image) {
        var kind = new Label(image.placement().equals("featured") ? "featured image · in the post"
                : "social card · for sharing");
        kind.getStyleClass().add("visual-kind");
        var picture = new ImageView();
        picture.setFitWidth(THUMBNAIL_WIDTH);
        picture.setPreserveRatio(true);
        picture.setSmooth(true);
        picture.setAccessibleText(image.altText());
        var facts = muted(image.width() + " × " + image.height() + " · " + image.source() + " · "
                + String.format(Locale.ROOT, "%,d KB", Math.max(1, image.size() / 1024)));
        var card = new VBox(4, kind, picture, facts, copyRow("Alt text", image.altText()));
        card.getStyleClass().add("visual-card");
        card.setId("image-" + image.placement());
        Image known = decoded.get(image.id());
        if (known != null) {
            picture.setImage(known);
            return card;
        }
        ui.tasks().execute(BackgroundTask.call(() -> ui.renderer().images().image(image.id())
                        // Decoded at twice the shown width (sharp on HiDPI), not at the image's full size.
                        .map(data -> new Image(new ByteArrayInputStream(data.bytes()), THUMBNAIL_WIDTH * 2, 0, true, true)))
                .onSuccess(loaded -> loaded.ifPresentOrElse(thumbnail -> {
                    decoded.put(image.id(), thumbnail);
                    picture.setImage(thumbnail);
                }, () -> card.getChildren().set(1, muted("The image file is missing from the library."))))
                .onFailure(e -> card.getChildren().set(1, muted("The image could not be shown: " + e.getMessage()))));
        return card;
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
