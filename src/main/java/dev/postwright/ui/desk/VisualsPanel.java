package dev.postwright.ui.desk;

import dev.postwright.model.StoredImage;
import dev.postwright.model.VisualSuggestion;
import dev.postwright.ui.parts.UiServices;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The images the job made, each a thumbnail with its size, source and alt text; then the visual
 * suggestion cards: what, where, the image prompt and the alt text, each with Copy, and its
 * picture ({@link SuggestionImageView}): made on this computer, used as the post's featured image.
 * "Create all" at the top makes the pictures still missing.
 */
public final class VisualsPanel extends VBox {
    private final VisualsViewModel model;
    private final Thumbnails thumbnails;
    /** The picture part of each suggestion's card, kept while its row is shown: it follows the row itself. */
    private final Map<SuggestionImage, SuggestionImageView> pictures = new HashMap<>();
    private final VBox top;

    public VisualsPanel(JobViewModel job, VisualsViewModel model, UiServices ui) {
        this.model = model;
        this.thumbnails = new Thumbnails(ui);
        getStyleClass().add("panel");
        setSpacing(10);
        top = createAll(model);
        model.suggestions().addListener((ListChangeListener<SuggestionImage>) change -> show(job));
        job.images().addListener((ListChangeListener<StoredImage>) change -> show(job));
        job.imageProblemProperty().addListener((o, was, now) -> show(job));
        show(job);
    }

    /** "Create all", what it did, and why pictures cannot be made yet. */
    private static VBox createAll(VisualsViewModel model) {
        var all = new Button("Create all");
        all.setId("create-all");
        all.getStyleClass().add("small");
        all.setAccessibleText("Create an image for every suggestion that has none");
        all.disableProperty().bind(model.unavailableProperty().isNotNull());
        all.setOnAction(e -> model.createAll());
        all.setMinWidth(Region.USE_PREF_SIZE); // never squeezed to "…"
        var hint = muted("Pictures are made on this computer and kept with the post.");
        var line = new HBox(8, all, hint);
        line.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(hint, Priority.ALWAYS);
        var why = muted("");
        why.setId("images-unavailable");
        why.textProperty().bind(model.unavailableProperty());
        shown(why);
        var notice = muted("");
        notice.setId("visuals-notice");
        notice.textProperty().bind(model.noticeProperty());
        shown(notice);
        return new VBox(4, line, why, notice);
    }

    private static void shown(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    private void show(JobViewModel job) {
        getChildren().clear();
        if (!model.suggestions().isEmpty()) getChildren().add(top);
        pictures.keySet().retainAll(model.suggestions());
        List<String> onPanel = new ArrayList<>(job.images().stream().map(StoredImage::id).toList());
        model.suggestions().forEach(r -> {
            if (r.imageProperty().get() != null) onPanel.add(r.imageProperty().get().id());
        });
        thumbnails.keepOnly(onPanel);
        if (job.imageProblemProperty().get() != null) {
            var problem = muted(job.imageProblemProperty().get());
            problem.setId("image-problem");
            getChildren().add(problem);
        }
        for (StoredImage image : job.images()) getChildren().add(imageCard(image));
        if (model.suggestions().isEmpty()) {
            var empty = new Label("Visual suggestions appear here after the draft.");
            empty.getStyleClass().add("muted");
            empty.setWrapText(true);
            getChildren().add(empty);
            return;
        }
        for (int i = 0; i < model.suggestions().size(); i++) {
            SuggestionImage row = model.suggestions().get(i);
            var card = card(row.suggestion());
            card.setId("suggestion-" + i);
            card.getChildren().add(pictures.computeIfAbsent(row, r -> new SuggestionImageView(r, model, thumbnails)));
            getChildren().add(card);
        }
    }

    /** A made image: its thumbnail, read and decoded off the FX thread, and what it is. */
    private VBox imageCard(StoredImage image) {
        var kind = new Label("social card · for sharing");
        if (image.placement().equals("featured")) kind.textProperty().bind(Bindings.createStringBinding(
                () -> image.id().equals(model.featuredImageIdProperty().get()) ? "featured image · in the post"
                        : "featured image · replaced in the post", model.featuredImageIdProperty()));
        kind.getStyleClass().add("visual-kind");
        var picture = Thumbnails.view(image.altText());
        var facts = muted(Thumbnails.facts(image));
        var card = new VBox(4, kind, picture, facts, copyRow("Alt text", image.altText()));
        card.getStyleClass().add("visual-card");
        card.setId("image-" + image.placement());
        thumbnails.show(image, picture, problem -> card.getChildren().set(1, muted(problem)));
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
        copy.setMinWidth(Region.USE_PREF_SIZE); // never squeezed to "C…"
        label.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(label, Priority.ALWAYS);
        return new HBox(6, label, copy);
    }

    private static Label muted(String text) {
        var label = new Label(text);
        label.getStyleClass().add("muted");
        label.setWrapText(true);
        return label;
    }
}
