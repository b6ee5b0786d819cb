package dev.postwright.ui.shell;

import static dev.postwright.testing.FxApp.onFx;
import static dev.postwright.testing.FxApp.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.model.LibraryPost;
import dev.postwright.model.PostVersion;
import dev.postwright.testing.AnsweringFileDialogs;
import dev.postwright.testing.FxApp;
import dev.postwright.ui.desk.JobViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.web.WebView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** From a finished job to the library editor: edit, save a version, export, delete and undo. */
class LibraryScreenTest {
    @TempDir Path dir;
    private final FxRobot robot = new FxRobot();
    private final AnsweringFileDialogs files = new AnsweringFileDialogs();
    private FxApp app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) app.close();
    }

    @Test
    void aSavedPostIsEditedVersionedExportedDeletedAndRestored() throws Exception {
        app = FxApp.start(dir.resolve("config"), dir.resolve("data"), files);
        JobViewModel job = app.desktop().controller().job();
        robot.clickOn("#title").press(KeyCode.SHORTCUT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHORTCUT);
        waitFor(() -> job.phaseProperty().get() == JobViewModel.Phase.SUCCEEDED);
        String title = job.postProperty().get().title();

        robot.interact(() -> robot.lookup("#open-saved").queryAs(Hyperlink.class).fire());
        var titleField = robot.lookup("#editor-title").queryAs(TextField.class);
        waitFor(() -> title.equals(titleField.getText()));
        assertThat(app.desktop().window().page()).isEqualTo(MainWindow.Page.LIBRARY);
        @SuppressWarnings("unchecked")
        ListView<LibraryPost> list = robot.lookup("#library-list").queryAs(ListView.class);
        waitFor(() -> list.getItems().size() == 1 && list.getSelectionModel().getSelectedIndex() == 0);
        var editor = app.desktop().editor();
        waitFor(() -> editor.seoProperty().get() != null);
        assertThat(robot.lookup("#editor-seo-score").queryAs(Label.class).getText())
                .isEqualTo(String.valueOf(editor.seoProperty().get().overallScore()));
        assertThat(robot.lookup("#editor-save").queryButton().isDisabled()).isTrue();

        robot.clickOn("#editor-title").press(KeyCode.SHORTCUT, KeyCode.A).release(KeyCode.A, KeyCode.SHORTCUT)
                .write("Rye at home, revised");
        waitFor(() -> !robot.lookup("#editor-save").queryButton().isDisabled());
        WebView preview = robot.lookup("#editor-preview").queryAs(WebView.class);
        robot.clickOn("#editor-content").press(KeyCode.SHORTCUT, KeyCode.END).release(KeyCode.END, KeyCode.SHORTCUT)
                .type(KeyCode.ENTER, KeyCode.ENTER).write("A closing line of my own.");
        waitFor(() -> onFx(() -> String.valueOf(preview.getEngine().executeScript(
                "document.getElementById('post-body').innerText"))).contains("A closing line of my own."));
        robot.press(KeyCode.SHORTCUT, KeyCode.S).release(KeyCode.S, KeyCode.SHORTCUT);
        @SuppressWarnings("unchecked")
        ListView<PostVersion> versions = robot.lookup("#editor-versions").queryAs(ListView.class);
        waitFor(() -> versions.getItems().size() == 2);
        assertThat(robot.lookup("#editor-message").queryAs(Label.class).getText()).isEqualTo("Saved as version 2.");
        waitFor(() -> list.getItems().getFirst().post().title().equals("Rye at home, revised"));

        Path exported = dir.resolve("rye.html");
        files.answer(exported);
        robot.press(KeyCode.SHORTCUT, KeyCode.E).release(KeyCode.E, KeyCode.SHORTCUT);
        waitFor(() -> Files.exists(exported));
        assertThat(Files.readString(exported)).contains("<title>Rye at home, revised</title>")
                .contains("Content-Security-Policy");

        robot.interact(() -> robot.lookup("#editor-delete").queryButton().fire());
        waitFor(() -> list.getItems().isEmpty());
        assertThat(robot.lookup("#toast-message").queryAs(Label.class).getText())
                .isEqualTo("Deleted “Rye at home, revised”.");
        robot.interact(() -> robot.lookup("#toast-action").queryButton().fire());
        waitFor(() -> list.getItems().size() == 1);
        robot.interact(() -> list.getSelectionModel().select(0));
        waitFor(() -> "Rye at home, revised".equals(titleField.getText()));
    }
}
