package dev.postwright.ui.library;

import dev.postwright.model.ImageRefEdits.Edit;
import dev.postwright.model.StoredImage;
import dev.postwright.ui.parts.FileDialogs;
import dev.postwright.ui.parts.FileDialogs.FileType;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The open post's images under its editor: a strip of thumbnails, each with its alt text, size,
 * placement and whether the post shows it; for the selected one its alt text (editable) and
 * Insert, Replace with and Remove; and Add from file. Edits are applied to {@code text} as one
 * replacement of what changed, so Ctrl+Z takes each back.
 */
public final class PostImagesView extends VBox {
    private static final double THUMB_WIDTH = 136;
    private static final double THUMB_HEIGHT = 76.5;
    static final List<FileType> PICTURES = List.of(new FileType("PNG picture", "png"), new FileType("JPEG picture", "jpg"),
            new FileType("JPEG picture", "jpeg"), new FileType("WebP picture", "webp"));

    private final PostImagesViewModel images;
    private final FileDialogs files;
    private final ListView<StoredImage> list = new ListView<>();

    public PostImagesView(PostImagesViewModel images, TextArea text, FileDialogs files) {
        this.images = images;
        this.files = files;
        getStyleClass().add("post-images");
        setId("editor-images");
        setSpacing(6);
        setPadding(new javafx.geometry.Insets(8, 0, 10, 0));
        images.useEditor(edit -> apply(text, edit), text::getCaretPosition);

        var heading = new Label();
        heading.getStyleClass().add("post-title");
        heading.textProperty().bind(Bindings.size(images.images()).asString("Images (%d)"));
        var add = new Button("Add from file…");
        add.setId("images-add");
        add.getStyleClass().add("small");
        add.setTooltip(new Tooltip("Keep a PNG, JPEG or WebP picture (up to 20 MB) with this post and insert it at "
                + "the caret."));
        add.setOnAction(e -> choose("Add a picture to the post").ifPresent(images::addFromFile));
        var message = new Label();
        message.setId("images-message");
        message.getStyleClass().add("muted");
        message.textProperty().bind(images.messageProperty());
        message.setMinWidth(0);
        HBox.setHgrow(message, Priority.ALWAYS);
        var header = new HBox(10, heading, add, message);
        header.setAlignment(Pos.CENTER_LEFT);

        list.setId("images-list");
        list.setAccessibleText("The post's images");
        list.setOrientation(Orientation.HORIZONTAL);
        list.setItems(images.images());
        list.setCellFactory(v -> new ImageCell());
        list.setPrefHeight(THUMB_HEIGHT + 96);
        list.setMinHeight(THUMB_HEIGHT + 96);
        var none = new Label("No images yet: add one from a file, or generate the post with “Make the featured image” on.");
        none.getStyleClass().add("muted");
        none.setWrapText(true);
        list.setPlaceholder(none);
        HBox.setHgrow(list, Priority.ALWAYS);
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) images.selected.set(now);
        });
        images.selected.addListener((o, was, now) -> {
            if (now != null && list.getSelectionModel().getSelectedItem() != now) list.getSelectionModel().select(now);
        });
        images.images().addListener((ListChangeListener<StoredImage>) c -> {
            if (images.selected.get() != null) list.getSelectionModel().select(images.selected.get());
        });
        images.shownProperty().addListener((o, was, now) -> list.refresh());

        setFillWidth(true);
        var body = new HBox(12, list, details());
        getChildren().addAll(header, body);
    }

    private VBox details() {
        BooleanBinding none = images.selected.isNull();
        BooleanBinding notShown = Bindings.createBooleanBinding(() -> !images.isShown(images.selected.get()),
                images.selected, images.shownProperty());
        var facts = new Label();
        facts.setId("images-facts");
        facts.getStyleClass().add("muted");
        facts.textProperty().bind(Bindings.createStringBinding(() -> {
            StoredImage image = images.selected.get();
            if (image == null) return "Choose an image to insert, replace or remove it.";
            return PostImagesViewModel.facts(image) + " · " + (images.isShown(image) ? "in the post" : "not in the post");
        }, images.selected, images.shownProperty()));

        var alt = new TextField();
        alt.setId("images-alt");
        alt.setAccessibleText("Alt text of the selected image");
        alt.setPromptText("Describe the picture for readers who cannot see it");
        alt.textProperty().bindBidirectional(images.altText);
        alt.disableProperty().bind(none);
        alt.setTooltip(new Tooltip("What screen readers and search engines read. Changing it changes every place the "
                + "post shows this image."));
        HBox.setHgrow(alt, Priority.ALWAYS);
        var altLabel = new Label("Alt text");
        altLabel.setLabelFor(alt);
        altLabel.setMinWidth(Region.USE_PREF_SIZE);
        var altRow = new HBox(6, altLabel, alt);
        altRow.setAlignment(Pos.CENTER_LEFT);

        var insert = new Button("Insert at caret");
        insert.setId("images-insert");
        insert.setTooltip(new Tooltip("Put this image in the text where the caret is, on a line of its own."));
        insert.disableProperty().bind(none);
        insert.setOnAction(e -> images.insert());
        var replace = new MenuButton("Replace with");
        replace.setId("images-replace");
        replace.setTooltip(new Tooltip("Show another picture wherever the post shows this one, with the same alt text."));
        replace.disableProperty().bind(notShown);
        replace.setOnShowing(e -> replace.getItems().setAll(replacements()));
        replace.getItems().setAll(replacements());
        images.selected.addListener((o, was, now) -> replace.getItems().setAll(replacements()));
        images.images().addListener((ListChangeListener<StoredImage>) c -> replace.getItems().setAll(replacements()));
        var remove = new Button("Remove from text");
        remove.setId("images-remove");
        remove.getStyleClass().add("flat");
        remove.setTooltip(new Tooltip("Take this image out of the text. It stays with the post, so Undo, Revert and "
                + "older versions still show it."));
        remove.disableProperty().bind(notShown);
        remove.setOnAction(e -> images.remove());
        var actions = new HBox(6, insert, replace, remove);
        actions.setAlignment(Pos.CENTER_LEFT);

        var details = new VBox(8, facts, altRow, actions);
        details.setId("images-details");
        details.setPrefWidth(440);
        details.setMinWidth(360);
        return details;
    }

    private List<MenuItem> replacements() {
        var items = new java.util.ArrayList<MenuItem>();
        StoredImage current = images.selected.get();
        for (StoredImage other : images.images()) {
            if (current != null && other.id().equals(current.id())) continue;
            var item = new MenuItem(describe(other));
            item.setId("replace-with-" + other.id());
            item.setOnAction(e -> images.replaceWith(other));
            items.add(item);
        }
        if (!items.isEmpty()) items.add(new SeparatorMenuItem());
        var file = new MenuItem("A picture from a file…");
        file.setId("replace-with-file");
        file.setOnAction(e -> choose("Replace with a picture").ifPresent(images::replaceWithFile));
        items.add(file);
        return items;
    }

    private Optional<Path> choose(String title) {
        return files.openFile(title, PICTURES);
    }

    private static String describe(StoredImage image) {
        String alt = image.altText() == null || image.altText().isBlank() ? "(no alt text)" : image.altText();
        return (alt.length() > 48 ? alt.substring(0, 47) + "…" : alt) + " · " + image.placement() + " · "
                + image.width() + "×" + image.height();
    }

    /** Applies {@code edit} to the text area as one replacement of the part that changed (one undo step). */
    static void apply(TextArea text, Edit edit) {
        String was = text.getText();
        String now = edit.markdown();
        int start = 0;
        int limit = Math.min(was.length(), now.length());
        while (start < limit && was.charAt(start) == now.charAt(start)) start++;
        int end = 0;
        while (end < limit - start && was.charAt(was.length() - 1 - end) == now.charAt(now.length() - 1 - end)) end++;
        text.replaceText(start, was.length() - end, now.substring(start, now.length() - end));
        if (edit.caret() >= 0) {
            text.positionCaret(edit.caret());
            text.requestFocus();
        }
    }

    private final class ImageCell extends ListCell<StoredImage> {
        private final ImageView picture = new ImageView();
        private final Label missing = new Label();
        private final Label alt = new Label();
        private final Label size = new Label();
        private final Label placement = new Label();
        private final Label shown = new Label();
        private final VBox box;

        ImageCell() {
            picture.setFitWidth(THUMB_WIDTH);
            picture.setFitHeight(THUMB_HEIGHT);
            picture.setPreserveRatio(true);
            picture.setSmooth(true);
            missing.getStyleClass().add("muted");
            missing.setWrapText(true);
            var frame = new StackPane(picture, missing);
            frame.setPrefSize(THUMB_WIDTH, THUMB_HEIGHT);
            frame.setMinSize(THUMB_WIDTH, THUMB_HEIGHT);
            frame.setMaxSize(THUMB_WIDTH, THUMB_HEIGHT);
            frame.getStyleClass().add("image-thumb");
            alt.setTextOverrun(OverrunStyle.ELLIPSIS);
            alt.setMaxWidth(THUMB_WIDTH);
            size.getStyleClass().add("muted");
            placement.getStyleClass().add("muted");
            placement.setMaxWidth(THUMB_WIDTH);
            box = new VBox(1, frame, alt, size, placement, shown);
            box.setPrefWidth(THUMB_WIDTH);
        }

        @Override
        protected void updateItem(StoredImage image, boolean empty) {
            super.updateItem(image, empty);
            if (empty || image == null) {
                setGraphic(null);
                setId(null);
                setAccessibleText(null);
                return;
            }
            setId("image-card-" + image.id());
            String text = images.altOf(image);
            alt.setText(text.isBlank() ? "(no alt text)" : text);
            size.setText(image.width() + " × " + image.height());
            placement.setText(image.placement());
            boolean inPost = images.isShown(image);
            shown.setText(inPost ? "in the post" : "not in the post");
            shown.getStyleClass().removeAll("success", "muted");
            shown.getStyleClass().add(inPost ? "success" : "muted");
            if (!image.id().equals(picture.getUserData())) {
                picture.setUserData(image.id());
                picture.setImage(null);
                missing.setText("");
                images.thumbnail(image, THUMB_WIDTH * 2, THUMB_HEIGHT * 2, loaded -> {
                    if (image.id().equals(picture.getUserData())) picture.setImage(loaded);
                }, problem -> {
                    if (image.id().equals(picture.getUserData())) missing.setText(problem);
                });
            }
            setGraphic(box);
            setAccessibleText(alt.getText() + ", " + size.getText() + ", " + placement.getText() + ", " + shown.getText());
        }
    }
}
