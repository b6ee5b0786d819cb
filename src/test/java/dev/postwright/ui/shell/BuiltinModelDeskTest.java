package dev.postwright.ui.shell;

import static dev.postwright.testing.FxApp.onFx;
import static dev.postwright.testing.FxApp.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.llm.builtin.GgufWriter;
import dev.postwright.settings.SettingsFile;
import dev.postwright.store.DataDirectory;
import dev.postwright.store.Database;
import dev.postwright.testing.AnsweringFileDialogs;
import dev.postwright.testing.FxApp;
import dev.postwright.ui.desk.JobViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The built-in model chosen in Settings (a file that is not a model first, then the tiny test
 * model), loaded through llama.cpp, and the desk writing a post with it, kept across a restart.
 */
class BuiltinModelDeskTest {
    @TempDir Path dir;
    private final FxRobot robot = new FxRobot();
    private final AnsweringFileDialogs files = new AnsweringFileDialogs();
    private FxApp app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) app.close();
    }

    private String text(String id) throws Exception {
        return onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    private void fire(String id) {
        robot.interact(() -> robot.lookup(id).queryAs(Button.class).fire());
    }

    @Test
    void aWriterChoosesAModelFileAndTheDeskWritesWithIt() throws Exception {
        Path tiny = dir.resolve("models").resolve("tiny.gguf");
        Files.createDirectories(tiny.getParent());
        GgufWriter.write(tiny, 11);
        Path notes = Files.writeString(dir.resolve("notes.gguf"), "not a model");

        app = FxApp.start(dir.resolve("config"), dir.resolve("data"), files);
        robot.press(KeyCode.SHORTCUT, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.SHORTCUT);
        robot.interact(() -> robot.lookup("#model-builtin").queryAs(RadioButton.class).fire());
        waitFor(() -> text("#settings-problems").startsWith("Choose a GGUF model file"));
        assertThat(robot.lookup("#settings-save").queryButton().isDisabled()).isTrue();

        files.answer(notes);
        fire("#builtin-choose");
        waitFor(() -> text("#builtin-problem").startsWith("notes.gguf is not a GGUF model file."));
        assertThat(robot.lookup("#settings-save").queryButton().isDisabled()).isTrue();

        files.answer(tiny);
        fire("#builtin-choose");
        waitFor(() -> text("#builtin-facts").startsWith("postwright-tiny-test"));
        assertThat(text("#builtin-facts")).contains("needs about");
        assertThat(text("#builtin-problem")).isEmpty();
        // a smaller context than the automatic 8,192: the random model never ends a draft by itself
        robot.interact(() -> robot.lookup("#builtin-context").queryAs(TextField.class).setText("4096"));
        waitFor(() -> text("#builtin-facts").contains("4,096 tokens of context"));
        robot.press(KeyCode.SHORTCUT, KeyCode.S).release(KeyCode.S, KeyCode.SHORTCUT);
        waitFor(() -> text("#builtin-state").startsWith("Ready: postwright-tiny-test loaded in"));
        assertThat(text("#builtin-state")).endsWith("and 4,096 tokens of context.");
        waitFor(() -> text("#writer-name").equals("Writing with postwright-tiny-test (built-in)"));

        robot.press(KeyCode.SHORTCUT, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.SHORTCUT);
        JobViewModel job = app.desktop().controller().job();
        robot.clickOn("#title").press(KeyCode.SHORTCUT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHORTCUT);
        waitFor(() -> !job.draftProperty().get().isEmpty() || job.phaseProperty().get() == JobViewModel.Phase.SUCCEEDED);
        waitFor(() -> job.phaseProperty().get() != JobViewModel.Phase.RUNNING
                && job.phaseProperty().get() != JobViewModel.Phase.IDLE);
        assertThat(job.phaseProperty().get()).as(text("#job-status")).isEqualTo(JobViewModel.Phase.SUCCEEDED);
        assertThat(robot.lookup("#scaffold-banner").queryAs(Label.class).isVisible()).isFalse();
        var preview = app.desktop().window().desk().preview().preview();
        assertThat(onFx(preview::bodyText)).isNotBlank();
        try (Database db = Database.open(DataDirectory.databaseIn(dir.resolve("data")))) {
            String post = db.read(sql -> sql.queryOne("SELECT post FROM posts", rs -> rs.getString(1)).orElseThrow());
            assertThat(post).contains("\"postwright-tiny-test\"");
        }
        app.close();

        assertThat(new SettingsFile(dir.resolve("config")).load().settings().model().builtin().file()).isEqualTo(tiny);
        app = FxApp.start(dir.resolve("config"), dir.resolve("data"), files);
        robot.press(KeyCode.SHORTCUT, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.SHORTCUT);
        assertThat(robot.lookup("#model-builtin").queryAs(RadioButton.class).isSelected()).isTrue();
        waitFor(() -> text("#builtin-state").startsWith("Ready: postwright-tiny-test"));
        waitFor(() -> text("#writer-name").equals("Writing with postwright-tiny-test (built-in)"));
    }
}
