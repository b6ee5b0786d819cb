package dev.postwright.ui.library;

import dev.postwright.model.LibraryPost;
import dev.postwright.ui.parts.UiServices;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The library: saved posts with search on the left, the open post's editor beside them.
 * Opening another post first saves the edits of the open one, so nothing typed is lost.
 */
public final class LibraryView extends BorderPane {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());

    private final LibraryViewModel library;
    private final PostEditorViewModel editor;
    private final PostEditorView editorView;
    private final ListView<LibraryPost> list = new ListView<>();
    private final VBox left;

    public LibraryView(LibraryViewModel library, PostEditorViewModel editor, UiServices ui) {
        this.library = library;
        this.editor = editor;
        getStyleClass().add("library");
        var search = new TextField();
        search.setId("library-search");
        search.setPromptText("Search titles, text and keyphrases");
        search.setAccessibleText("Search the library");
        search.textProperty().bindBidirectional(library.query);
        var summary = new Label();
        summary.setId("library-summary");
        summary.getStyleClass().add("muted");
        summary.setWrapText(true);
        summary.textProperty().bind(library.summaryProperty());
        list.setId("library-list");
        list.setAccessibleText("Saved posts");
        list.setItems(library.posts());
        list.setCellFactory(v -> new PostCell());
        list.getSelectionModel().selectedItemProperty().addListener((o, was, post) -> {
            if (post != null && (editor.savedProperty().get() == null
                    || !editor.savedProperty().get().id().equals(post.id()))) {
                editor.save(() -> editor.open(post));
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        var heading = new Label("Library");
        heading.getStyleClass().add("section-title");
        left = new VBox(8, heading, search, summary, list);
        left.getStyleClass().add("library-list-pane");
        left.setPrefWidth(300);
        setLeft(left);
        editorView = new PostEditorView(editor, ui, post -> library.delete(post, () -> {
            editor.close();
            ui.toasts().show("Deleted “" + title(post) + "”.", "Undo", () -> library.undelete(post.id()));
        }));
        setCenter(editorView);
        // Keep the selection on the open post as the list refreshes and as posts open from elsewhere.
        library.posts().addListener((ListChangeListener<LibraryPost>) c -> reselect());
        editor.savedProperty().addListener((o, was, now) -> reselect());
    }

    /**
     * Adds Publish… under the list, for the selected post; the open post's edits are saved first,
     * so the site gets what the writer sees.
     *
     * @param publish opens the Publish dialog for a library post, by id
     */
    public void offerPublish(Consumer<String> publish) {
        var button = new Button("Publish…");
        button.setId("library-publish");
        button.setAccessibleText("Publish the selected post to a WordPress site");
        button.setMaxWidth(Double.MAX_VALUE);
        button.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        button.setOnAction(e -> {
            LibraryPost post = list.getSelectionModel().getSelectedItem();
            if (post != null) editor.save(() -> publish.accept(post.id()));
        });
        left.getChildren().add(button);
    }

    /** Refreshes the list and opens post {@code id} (from the desk's "Open in library"). */
    public void open(String id) {
        library.query.set("");
        library.refresh();
        editor.save(() -> editor.openById(id));
    }

    /** Runs the search again (the page was shown; a job may have saved a post). */
    public void refresh() {
        library.refresh();
    }

    /** Saves the open post's edits (Ctrl+S). */
    public void save() {
        editor.save(() -> library.refresh());
    }

    /** Exports the open post (Ctrl+E). */
    public void export() {
        editorView.export();
    }

    private void reselect() {
        var open = editor.savedProperty().get();
        if (open == null) return;
        for (LibraryPost post : library.posts()) {
            if (post.id().equals(open.id())) {
                if (list.getSelectionModel().getSelectedItem() != post) list.getSelectionModel().select(post);
                return;
            }
        }
    }

    static String title(LibraryPost post) {
        String title = post.post().title();
        return title == null || title.isBlank() ? "Untitled post" : title;
    }

    private static final class PostCell extends ListCell<LibraryPost> {
        private final Label title = new Label();
        private final Label detail = new Label();
        private final VBox box = new VBox(2, title, detail);

        PostCell() {
            title.getStyleClass().add("post-title");
            title.setWrapText(true);
            detail.getStyleClass().add("muted");
            box.setAlignment(Pos.CENTER_LEFT);
            box.setMinWidth(0);
        }

        /** As tall as the title needs when wrapped to the list's width (not to its own full length). */
        @Override
        protected double computePrefHeight(double width) {
            if (isEmpty() || getListView() == null || getListView().getWidth() <= 0) return super.computePrefHeight(width);
            double inside = getListView().getWidth() - 36;
            return snappedTopInset() + box.prefHeight(inside) + snappedBottomInset();
        }

        @Override
        protected double computePrefWidth(double height) {
            return 0; // follow the list's width instead of widening it to the longest title
        }

        @Override
        protected void updateItem(LibraryPost post, boolean empty) {
            super.updateItem(post, empty);
            if (empty || post == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            title.setText(LibraryView.title(post));
            if (getListView() != null && !title.prefWidthProperty().isBound()) {
                title.prefWidthProperty().bind(getListView().widthProperty().subtract(36));
            }
            detail.setText(post.wordCount() + " words · " + post.status() + " · " + WHEN.format(post.updatedAt()));
            setGraphic(box);
            setAccessibleText(title.getText() + ", " + detail.getText());
        }
    }
}
