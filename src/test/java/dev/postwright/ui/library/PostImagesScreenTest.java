package dev.postwright.ui.library;

import static dev.postwright.testing.FxApp.onFx;
import static dev.postwright.testing.FxApp.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.engine.LibraryImageSources;
import dev.postwright.images.ImageSize;
import dev.postwright.model.ImageRefEdits;
import dev.postwright.model.ImageRefs;
import dev.postwright.model.PostVersion;
import dev.postwright.model.StoredImage;
import dev.postwright.render.PostRenderer;
import dev.postwright.render.Theme;
import dev.postwright.seo.SeoAnalyzer;
import dev.postwright.testing.AnsweringFileDialogs;
import dev.postwright.ui.fx.PulseFrames;
import dev.postwright.ui.parts.Toasts;
import dev.postwright.ui.parts.UiServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.web.WebView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The library editor's images on a real library with real pictures, headless on Monocle. */
class PostImagesScreenTest {
    @TempDir Path dir;
    private final FxRobot robot = new FxRobot();
    private final AnsweringFileDialogs files = new AnsweringFileDialogs();
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private final ExecutorService renderThread = Executors.newSingleThreadExecutor();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private PostWithImages fixture;
    private PostEditorViewModel editor;

    @BeforeEach
    void show() throws Exception {
        fixture = new PostWithImages(dir);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            var frames = new PulseFrames();
            var ui = new UiServices(frames, background, renderThread,
                    new PostRenderer(new LibraryImageSources(fixture.images)), new SimpleObjectProperty<>(Theme.LIGHT),
                    url -> { }, files, new Toasts(), Clock.systemUTC());
            var library = new LibraryViewModel(fixture.library, "local", frames, background);
            editor = new PostEditorViewModel(fixture.library, fixture.images, fixture.profiles, SeoAnalyzer.standard(),
                    frames, background, scheduler);
            var view = new LibraryView(library, editor, ui);
            stage.setScene(new Scene(view, 1500, 1000));
            stage.show();
            view.open(fixture.post.id());
        });
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        scheduler.shutdownNow();
        background.shutdownNow();
        renderThread.shutdownNow();
        fixture.close();
    }

    @Test
    void theWriterInsertsReplacesRemovesAndAddsImagesThenSavesAVersion() throws Exception {
        @SuppressWarnings("unchecked")
        ListView<StoredImage> strip = robot.lookup("#images-list").queryAs(ListView.class);
        waitFor(() -> strip.getItems().size() == 3);
        TextArea text = robot.lookup("#editor-content").queryAs(TextArea.class);
        WebView preview = robot.lookup("#editor-preview").queryAs(WebView.class);

        // Each image: its thumbnail (decoded small), alt text, size, placement, and whether the post shows it.
        waitFor(() -> onFx(() -> thumbnail(fixture.featured) != null && thumbnail(fixture.square) != null));
        assertThat(onFx(() -> thumbnail(fixture.featured).getWidth())).isLessThanOrEqualTo(300); // not 1600
        assertThat(onFx(() -> texts(card(fixture.featured)))).contains("A rye loaf on a board", "1600 × 900\n", "featured\n",
                "in the post");
        assertThat(onFx(() -> texts(card(fixture.wide)))).contains("1200 × 630\n", "social-wide\n", "not in the post");
        assertThat(robot.lookup("#images-remove").queryButton().getTooltip().getText())
                .contains("stays with the post");

        // Insert: the card goes at the caret, on a line of its own; the preview shows it from the library.
        robot.interact(() -> {
            strip.getSelectionModel().select(index(strip, fixture.wide));
            text.positionCaret(text.getText().indexOf(PostWithImages.INTRO) + PostWithImages.INTRO.length());
        });
        robot.interact(() -> robot.lookup("#images-insert").queryButton().fire());
        String wideRef = ImageRefs.markdown(fixture.wide.altText(), fixture.wide.id());
        assertThat(text.getText()).contains(PostWithImages.INTRO + "\n\n" + wideRef + "\n\n## Method");
        assertThat(text.getCaretPosition()).isEqualTo(text.getText().indexOf("## Method"));
        assertThat(robot.lookup("#editor-save").queryButton().isDisabled()).isFalse();
        waitFor(() -> onFx(() -> script(preview, "document.querySelectorAll('#post-body img').length")).equals("2"));
        assertThat(onFx(() -> script(preview, "document.querySelectorAll('#post-body img')[1].getAttribute('src')")))
                .startsWith("data:image/png;base64,");
        waitFor(() -> onFx(() -> texts(card(fixture.wide))).contains("in the post"));

        // Replace: the featured picture's references (not the one in the code fence) show the square card.
        robot.interact(() -> strip.getSelectionModel().select(index(strip, fixture.featured)));
        MenuButton replace = robot.lookup("#images-replace").queryAs(MenuButton.class);
        robot.interact(() -> replace.getItems().stream().filter(i -> ("replace-with-" + fixture.square.id()).equals(i.getId()))
                .findFirst().orElseThrow().fire());
        assertThat(text.getText()).contains("![A rye loaf on a board](postwright-image:" + fixture.square.id() + ")")
                .contains(PostWithImages.FENCE.formatted(fixture.featured.id()));
        assertThat(ImageRefEdits.ids(text.getText())).containsExactly(fixture.square.id(), fixture.wide.id());
        waitFor(() -> onFx(() -> texts(card(fixture.featured))).contains("not in the post"));

        // Alt text: the field rewrites the selected image's references (escaping brackets).
        TextField alt = robot.lookup("#images-alt").queryAs(TextField.class);
        assertThat(alt.getText()).isEqualTo("A rye loaf on a board");
        robot.interact(() -> alt.setText("A rye loaf [square]"));
        assertThat(text.getText()).contains("![A rye loaf \\[square\\]](postwright-image:" + fixture.square.id() + ")");

        // Remove: the references go, the image stays with the post; Ctrl+Z in the text brings it back.
        robot.interact(() -> robot.lookup("#images-remove").queryButton().fire());
        assertThat(ImageRefEdits.ids(text.getText())).containsExactly(fixture.wide.id());
        assertThat(strip.getItems()).hasSize(3);
        assertThat(fixture.images.ofPost(fixture.post.id())).hasSize(3);
        robot.interact(text::undo);
        assertThat(ImageRefEdits.ids(text.getText())).contains(fixture.square.id());
        robot.interact(text::redo);
        assertThat(ImageRefEdits.ids(text.getText())).doesNotContain(fixture.square.id());

        // Add from file: a real PNG is kept with the post and inserted at the caret.
        Path png = dir.resolve("crumb-shot.png");
        Files.write(png, PostWithImages.png(ImageSize.SOCIAL_CARD).bytes());
        files.answer(png);
        robot.interact(() -> text.positionCaret(text.getText().indexOf("## Method")));
        robot.interact(() -> robot.lookup("#images-add").queryButton().fire());
        waitFor(() -> onFx(() -> strip.getItems().size() == 4 && text.getText().contains("![Crumb shot]")));
        StoredImage added = strip.getItems().getLast();
        assertThat(added.source()).isEqualTo("file");
        assertThat(added.placement()).isEqualTo("inline");
        assertThat(text.getText()).contains("![Crumb shot](postwright-image:" + added.id() + ")\n\n## Method");
        assertThat(fixture.images.ofPost(fixture.post.id())).hasSize(4);
        waitFor(() -> onFx(() -> script(preview, "document.querySelectorAll('#post-body img').length")).equals("2"));

        // A cut-off PNG is refused with a sentence, and nothing is kept.
        byte[] bytes = Files.readAllBytes(png);
        Path cut = dir.resolve("cut.png");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 100));
        files.answer(cut);
        robot.interact(() -> robot.lookup("#images-add").queryButton().fire());
        Label message = robot.lookup("#images-message").queryAs(Label.class);
        waitFor(() -> message.getText().contains("Nothing was added"));
        assertThat(message.getText()).isEqualTo("“cut.png” is not a whole PNG, JPEG or WebP picture: it is a PNG file "
                + "that stops short (the transfer was cut off). Nothing was added.");
        assertThat(fixture.images.ofPost(fixture.post.id())).hasSize(4);
        assertThat(strip.getItems()).hasSize(4);

        // Save: the edits are the post's next version.
        robot.interact(() -> robot.lookup("#editor-save").queryButton().fire());
        @SuppressWarnings("unchecked")
        ListView<PostVersion> versions = robot.lookup("#editor-versions").queryAs(ListView.class);
        waitFor(() -> versions.getItems().size() == 2);
        String saved = fixture.library.find(fixture.post.id()).orElseThrow().post().content();
        assertThat(ImageRefEdits.ids(saved)).containsExactly(fixture.wide.id(), added.id());
        assertThat(saved).contains(PostWithImages.FENCE.formatted(fixture.featured.id()));
    }

    private static int index(ListView<StoredImage> strip, StoredImage image) {
        for (int i = 0; i < strip.getItems().size(); i++) {
            if (strip.getItems().get(i).id().equals(image.id())) return i;
        }
        throw new AssertionError("no " + image.id() + " in the strip");
    }

    private ListCell<?> card(StoredImage image) {
        return robot.lookup("#image-card-" + image.id()).queryAs(ListCell.class);
    }

    private javafx.scene.image.Image thumbnail(StoredImage image) {
        Node cell = robot.lookup("#image-card-" + image.id()).tryQuery().orElse(null);
        if (cell == null) return null;
        return robot.from(cell).lookup((Node n) -> n instanceof ImageView).queryAs(ImageView.class).getImage();
    }

    private String texts(ListCell<?> cell) {
        var all = new StringBuilder();
        robot.from(cell).lookup((Node n) -> n instanceof Label).queryAllAs(Label.class)
                .forEach(l -> all.append(l.getText()).append('\n'));
        return all.toString();
    }

    private static String script(WebView view, String js) {
        return String.valueOf(view.getEngine().executeScript(js));
    }
}
