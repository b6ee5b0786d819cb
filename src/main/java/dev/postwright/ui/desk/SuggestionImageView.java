package dev.postwright.ui.desk;

import dev.postwright.model.StoredImage;
import dev.postwright.ui.desk.SuggestionImage.State;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The picture part of one suggestion's card: "Create image"; while its job runs, the progress
 * line (Processing ▸ Generating ▸ Storing) and the current step's sentence; then the thumbnail
 * with "Use as featured image" and "Make another"; or the failure's sentence and "Try again".
 * Without a saved post the buttons are disabled, and hovering them says why.
 */
final class SuggestionImageView extends VBox {
    private final SuggestionImage row;
    private final ImageView picture;
    private final Label facts = muted("");
    /** Held here: the model's property sees bindings weakly, so views of a job left behind can go. */
    private final BooleanBinding unavailable;

    SuggestionImageView(SuggestionImage row, VisualsViewModel model, Thumbnails thumbnails) {
        this.row = row;
        getStyleClass().add("suggestion-image");
        setSpacing(6);
        unavailable = model.unavailableProperty().isNotNull();
        BooleanBinding blocked = unavailable.or(row.busyProperty());
        var create = button("Create image", "create-image", blocked, () -> model.create(row));
        create.setAccessibleText("Create an image for this suggestion");
        var creating = commands(model, create);
        creating.getStyleClass().add("create-commands");
        show(creating, row.stateProperty().isEqualTo(State.NONE));

        var progress = progressLine(row);
        var step = muted("");
        step.getStyleClass().add("image-step-text");
        step.textProperty().bind(row.stepProperty());
        var running = new VBox(3, progress, step);
        show(running, row.stateProperty().isEqualTo(State.RUNNING));

        picture = Thumbnails.view("");
        var made = new VBox(4, picture, facts);
        show(made, row.imageProperty().isNotNull());
        row.imageProperty().addListener((o, was, image) -> picture(image, thumbnails));
        picture(row.imageProperty().get(), thumbnails);

        var useFeatured = button("Use as featured image", "use-featured", blocked, () -> model.useAsFeatured(row));
        var isFeatured = Bindings.createBooleanBinding(() -> row.imageProperty().get() != null
                && Objects.equals(row.imageProperty().get().id(), model.featuredImageIdProperty().get()),
                row.imageProperty(), model.featuredImageIdProperty());
        show(useFeatured, isFeatured.not());
        var inPost = muted("The post's featured image");
        inPost.getStyleClass().add("in-post");
        show(inPost, isFeatured);
        var another = button("Make another", "make-another", blocked, () -> model.create(row));
        var done = commands(model, useFeatured, inPost, another);
        show(done, row.stateProperty().isEqualTo(State.MADE));

        var error = new Label();
        error.getStyleClass().add("image-error");
        error.setWrapText(true);
        error.textProperty().bind(row.errorProperty());
        show(error, row.errorProperty().isNotNull());
        var retry = button("Try again", "try-again", blocked, () -> model.retry(row));
        var failed = commands(model, retry);
        show(failed, row.stateProperty().isEqualTo(State.FAILED));

        getChildren().addAll(creating, running, made, done, error, failed);
    }

    /** The three steps, the current one highlighted, those before it marked done. */
    private static HBox progressLine(SuggestionImage row) {
        var line = new HBox(4);
        line.getStyleClass().add("image-progress");
        line.setAlignment(Pos.CENTER_LEFT);
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < SuggestionImage.STEPS.size(); i++) {
            if (i > 0) line.getChildren().add(muted("▸"));
            var label = new Label(SuggestionImage.STEPS.get(i).label());
            label.getStyleClass().add("image-step");
            labels.add(label);
            line.getChildren().add(label);
        }
        row.stepIndexProperty().addListener((o, was, now) -> mark(labels, now.intValue()));
        mark(labels, row.stepIndexProperty().get());
        return line;
    }

    private static void mark(List<Label> labels, int current) {
        for (int i = 0; i < labels.size(); i++) {
            var classes = labels.get(i).getStyleClass();
            classes.removeAll("done", "current");
            if (i < current) classes.add("done");
            else if (i == current) classes.add("current");
        }
    }

    private void picture(StoredImage image, Thumbnails thumbnails) {
        picture.setImage(null);
        if (image == null) return;
        picture.setAccessibleText(image.altText());
        facts.setText(Thumbnails.facts(image));
        thumbnails.show(image, picture, problem -> {
            if (image.equals(row.imageProperty().get())) facts.setText(problem); // not a picture made since
        });
    }

    /**
     * Buttons in a row whose tooltip says why they are disabled: a disabled control shows no
     * tooltip of its own, so the row carries it.
     */
    private FlowPane commands(VisualsViewModel model, Node... nodes) {
        var commands = new FlowPane(6, 4, nodes);
        commands.setAlignment(Pos.CENTER_LEFT);
        var why = new Tooltip();
        why.textProperty().bind(model.unavailableProperty());
        unavailable.addListener((o, was, now) -> tooltip(commands, why, now));
        tooltip(commands, why, unavailable.get());
        return commands;
    }

    private static void tooltip(Node commands, Tooltip why, boolean shown) {
        if (shown) Tooltip.install(commands, why);
        else Tooltip.uninstall(commands, why);
    }

    private static Button button(String text, String styleClass, BooleanBinding blocked, Runnable action) {
        var button = new Button(text);
        button.getStyleClass().addAll("small", styleClass);
        button.disableProperty().bind(blocked);
        button.setOnAction(e -> action.run());
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }

    private static void show(Node node, ObservableBooleanValue when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(node.visibleProperty());
    }

    private static Label muted(String text) {
        var label = new Label(text);
        label.getStyleClass().add("muted");
        label.setWrapText(true);
        return label;
    }
}
