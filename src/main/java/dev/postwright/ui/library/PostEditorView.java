package dev.postwright.ui.library;

import dev.postwright.model.LibraryPost;
import dev.postwright.model.PostVersion;
import dev.postwright.ui.parts.PostActions;
import dev.postwright.ui.parts.PostPreview;
import dev.postwright.ui.parts.SeoPanel;
import dev.postwright.ui.parts.UiServices;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The open post: title, keyphrase, meta description and status above a Markdown editor with a
 * live preview beside it; the live SEO analysis and the versions on the right; the post's images
 * below them all. Save (Ctrl+S)
 * keeps a new version; any version can be restored.
 */
public final class PostEditorView extends StackPane {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());
    /** The longest meta description search engines show in full. */
    private static final int META_LIMIT = 156;

    private final PostActions actions;

    /** @param onDelete deletes the post (with Undo offered by the caller) */
    public PostEditorView(PostEditorViewModel editor, UiServices ui, Consumer<LibraryPost> onDelete) {
        getStyleClass().add("post-editor");
        var title = field("editor-title", "Title", editor.title);
        var keyphrase = field("editor-keyphrase", "Focus keyphrase", editor.keyphrase);
        var meta = field("editor-meta", "Meta description", editor.metaDescription);
        var slug = field("editor-slug", "Slug", editor.slug);
        var metaCount = new Label();
        metaCount.setId("editor-meta-count");
        metaCount.getStyleClass().add("muted");
        metaCount.textProperty().bind(Bindings.createStringBinding(() -> editor.metaDescription.get().length() + " / "
                + META_LIMIT, editor.metaDescription));
        var status = new ComboBox<String>();
        status.getItems().addAll("draft", "published", "scheduled");
        status.valueProperty().bindBidirectional(editor.status);
        status.setAccessibleText("Status");
        // Title across, status at the end; keyphrase and the longer meta description below.
        var fields = new GridPane(8, 6);
        fields.add(caption("Title", title), 0, 0);
        fields.add(title, 1, 0, 3, 1);
        fields.add(caption("Status", status), 4, 0);
        fields.add(status, 5, 0);
        var metaBox = new HBox(6, meta, metaCount);
        metaBox.setAlignment(Pos.CENTER_LEFT);
        fields.addRow(1, caption("Keyphrase", keyphrase), keyphrase, caption("Meta description", meta));
        fields.add(metaBox, 3, 1, 3, 1);
        fields.addRow(2, caption("Slug", slug), slug);
        var labels = new ColumnConstraints();
        var narrow = new ColumnConstraints();
        narrow.setPercentWidth(24);
        var wide = new ColumnConstraints();
        wide.setHgrow(Priority.ALWAYS);
        fields.getColumnConstraints().addAll(labels, narrow, new ColumnConstraints(), wide);
        HBox.setHgrow(meta, Priority.ALWAYS);
        fields.getStyleClass().add("editor-fields");

        var save = new Button("Save");
        save.setId("editor-save");
        save.getStyleClass().add("accent");
        save.setAccessibleText("Save a new version (Ctrl+S)");
        save.disableProperty().bind(editor.dirty().not());
        save.setOnAction(e -> editor.save(() -> { }));
        var revert = new Button("Revert");
        revert.setId("editor-revert");
        revert.setAccessibleText("Put back the saved text");
        revert.disableProperty().bind(editor.dirty().not());
        revert.setOnAction(e -> editor.revert());
        var delete = new Button("Delete");
        delete.setId("editor-delete");
        delete.getStyleClass().addAll("danger", "flat");
        delete.setAccessibleText("Delete this post");
        delete.setOnAction(e -> {
            if (editor.savedProperty().get() != null) onDelete.accept(editor.savedProperty().get());
        });
        var message = new Label();
        message.setId("editor-message");
        message.getStyleClass().add("muted");
        message.textProperty().bind(editor.messageProperty());
        actions = new PostActions(editor.editedProperty(), ui, "editor-");
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var toolbar = new HBox(8, save, revert, message, spacer, actions, delete);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add("editor-toolbar");

        var text = new TextArea();
        text.setId("editor-content");
        text.setWrapText(true);
        text.setAccessibleText("Post text in Markdown");
        text.textProperty().bindBidirectional(editor.content);
        text.getStyleClass().add("markdown-editor");
        var preview = new PostPreview(ui.renderer(), ui.frames(), ui.renderThread(), ui.theme(), ui.openLink(), "");
        preview.setWebViewId("editor-preview");
        editor.editedProperty().addListener((o, was, post) -> {
            if (post != null) preview.showPost(post);
            else preview.clear();
        });
        var split = new SplitPane(text, preview);
        split.setDividerPositions(0.5);
        var images = new PostImagesView(editor.images(), text, ui.files());

        var seo = new SeoPanel(editor.seoProperty(), "editor-", "Analysing…",
                editor.canTurnOffChecks() ? editor::turnOffCheck : null, editor.fixes());
        var seoScroll = new ScrollPane(seo);
        seoScroll.setFitToWidth(true);
        var versions = new ListView<PostVersion>(editor.versions());
        versions.setId("editor-versions");
        versions.setAccessibleText("Saved versions");
        versions.setCellFactory(v -> new VersionCell(editor));
        var seoTab = new Tab("SEO", seoScroll);
        seoTab.setClosable(false);
        var versionsTab = new Tab("Versions", versions);
        versionsTab.setClosable(false);
        versionsTab.textProperty().bind(Bindings.size(editor.versions()).asString("Versions (%d)"));
        var side = new TabPane(seoTab, versionsTab);
        side.setPrefWidth(320);
        side.setId("editor-side");

        var body = new BorderPane(split);
        body.setTop(new VBox(8, fields, toolbar));
        body.setRight(side);
        body.setBottom(images); // across the whole width: room for several thumbnails beside the selected one's details
        body.getStyleClass().add("editor-body");
        body.visibleProperty().bind(editor.savedProperty().isNotNull());

        var empty = new Label("Choose a post on the left to edit it.");
        empty.getStyleClass().add("empty-state");
        empty.visibleProperty().bind(editor.savedProperty().isNull());
        getChildren().addAll(empty, body);
    }

    /** Export… for the open post (Ctrl+E). */
    public void export() {
        actions.export();
    }

    private static TextField field(String id, String label, javafx.beans.property.StringProperty value) {
        var field = new TextField();
        field.setId(id);
        field.setAccessibleText(label);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static Label caption(String text, javafx.scene.Node target) {
        var label = new Label(text);
        label.setLabelFor(target);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static final class VersionCell extends ListCell<PostVersion> {
        private final PostEditorViewModel editor;

        VersionCell(PostEditorViewModel editor) {
            this.editor = editor;
        }

        @Override
        protected void updateItem(PostVersion version, boolean empty) {
            super.updateItem(version, empty);
            if (empty || version == null) {
                setGraphic(null);
                return;
            }
            var heading = new Label("Version " + version.number() + " · " + version.reason());
            heading.getStyleClass().add("post-title");
            var detail = new Label(WHEN.format(version.savedAt()) + " · " + version.wordCount() + " words");
            detail.getStyleClass().add("muted");
            var text = new VBox(2, heading, detail);
            HBox.setHgrow(text, Priority.ALWAYS);
            var row = new HBox(6, text);
            row.setAlignment(Pos.CENTER_LEFT);
            boolean latest = !editor.versions().isEmpty() && editor.versions().getFirst() == version;
            if (!latest) {
                var restore = new Button("Restore");
                restore.setId("restore-version-" + version.number());
                restore.getStyleClass().addAll("small", "flat");
                restore.setAccessibleText("Restore version " + version.number());
                restore.setOnAction(e -> editor.restore(version.number()));
                row.getChildren().add(restore);
            }
            setGraphic(row);
            setAccessibleText(heading.getText() + ", " + detail.getText());
        }
    }
}
