package dev.postwright.ui.parts;

import dev.postwright.model.BlogPost;
import dev.postwright.ui.fx.BackgroundTask;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;

/**
 * Copy as Markdown, copy as HTML, and Export… for the post on screen; disabled while there is
 * none. Rendering and file writing run in the background; the clipboard and notices on the FX
 * thread.
 */
public final class PostActions extends HBox {
    private static final System.Logger LOG = System.getLogger(PostActions.class.getName());

    private final ObservableValue<BlogPost> post;
    private final UiServices ui;

    public PostActions(ObservableValue<BlogPost> post, UiServices ui, String idPrefix) {
        this.post = post;
        this.ui = ui;
        getStyleClass().add("post-actions");
        setSpacing(6);
        setAlignment(Pos.CENTER_RIGHT);
        var copyMarkdown = button("Copy Markdown", idPrefix + "copy-markdown", "Copy the post as Markdown");
        copyMarkdown.setOnAction(e -> copy("Markdown", PostExports::markdown, false));
        var copyHtml = button("Copy HTML", idPrefix + "copy-html", "Copy the post as HTML");
        copyHtml.setOnAction(e -> copy("HTML", p -> PostExports.html(p, ui.renderer()), true));
        var export = button("Export…", idPrefix + "export", "Export the post to a file (Ctrl+E)");
        export.setOnAction(e -> export());
        getChildren().addAll(copyMarkdown, copyHtml, export);
    }

    /** Asks where, then writes the post there; the same as the Export… button (Ctrl+E). */
    public void export() {
        BlogPost current = post.getValue();
        if (current == null) return;
        ui.files().saveFile("Export post", PostExports.fileName(current, PostExports.Format.MARKDOWN),
                PostExports.Format.fileTypes()).ifPresent(file -> exportTo(current, file));
    }

    private void exportTo(BlogPost current, Path file) {
        LocalDate today = LocalDate.now(ui.clock());
        ui.tasks().execute(BackgroundTask.run(() -> PostExports.export(current, file, ui.renderer(), today))
                .onSuccess(done -> ui.toasts().show("Exported to " + file))
                .onFailure(e -> {
                    LOG.log(Level.WARNING, "Export to {0} failed: {1}", file, e.toString());
                    ui.toasts().show("Could not export to " + file + ": "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                }));
    }

    private void copy(String what, Function<BlogPost, String> format, boolean html) {
        BlogPost current = post.getValue();
        if (current == null) return;
        ui.tasks().execute(BackgroundTask.call(() -> format.apply(current)).onSuccess(text -> {
            var content = new ClipboardContent();
            if (html) content.putHtml(text);
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
            ui.toasts().show("Copied as " + what + ".");
        }));
    }

    private Button button(String text, String id, String accessible) {
        var button = new Button(text);
        button.setId(id);
        button.setAccessibleText(accessible);
        button.getStyleClass().add("small");
        button.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> post.getValue() == null,
                post));
        return button;
    }
}
