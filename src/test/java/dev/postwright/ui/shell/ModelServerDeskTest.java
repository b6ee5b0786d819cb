package dev.postwright.ui.shell;

import static dev.postwright.testing.FxApp.onFx;
import static dev.postwright.testing.FxApp.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.settings.ModelChoice;
import dev.postwright.settings.Settings;
import dev.postwright.settings.SettingsFile;
import dev.postwright.store.DataDirectory;
import dev.postwright.store.Database;
import dev.postwright.testing.AnsweringFileDialogs;
import dev.postwright.testing.FakeModelServer;
import dev.postwright.testing.FxApp;
import dev.postwright.ui.desk.JobViewModel;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The desk writing with a model server on loopback (set in Settings), through the real engine. */
class ModelServerDeskTest {
    @TempDir Path dir;
    private final FxRobot robot = new FxRobot();
    private FakeModelServer model;
    private FxApp app;

    @BeforeEach
    void chooseTheServer() throws Exception {
        model = new FakeModelServer();
        new SettingsFile(dir.resolve("config")).save(Settings.DEFAULTS.withModel(
                ModelChoice.server(model.baseUrl(), FakeModelServer.MODEL)));
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) app.close();
        model.close();
    }

    private JobViewModel startAndGenerate() throws Exception {
        app = FxApp.start(dir.resolve("config"), dir.resolve("data"), new AnsweringFileDialogs());
        JobViewModel job = app.desktop().controller().job();
        assertThat(robot.lookup("#writer-name").queryAs(Label.class).getText()).isEqualTo("Writing with llama3.1:8b");
        robot.clickOn("#title").press(KeyCode.SHORTCUT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHORTCUT);
        return job;
    }

    @Test
    void escapeCancelsAJobMidDraftAndSaysSo() throws Exception {
        model.queueStalledDraft("Sourdough Bread for Beginners");
        JobViewModel job = startAndGenerate();
        waitFor(() -> job.draftProperty().get().contains("The first words arrive"));
        assertThat(job.phaseProperty().get()).isEqualTo(JobViewModel.Phase.RUNNING);
        // Generate is held while the post is written (DeskControllerTest: a second press starts nothing).
        var generate = robot.lookup("#generate").queryButton();
        assertThat(generate.isDisabled()).isTrue();
        assertThat(generate.getText()).isEqualTo("Writing… (Esc cancels)");

        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitFor(() -> job.phaseProperty().get() == JobViewModel.Phase.CANCELLED);
        // The step it stopped at no longer looks as if it were being worked on.
        var steps = robot.lookup(".stepper .step").queryAllAs(Label.class);
        waitFor(() -> onFx(() -> steps.stream().anyMatch(step -> step.getStyleClass().contains("stopped"))));
        assertThat(onFx(() -> steps.stream().filter(step -> step.getStyleClass().contains("current")).count())).isZero();
        assertThat(onFx(() -> steps.stream().filter(step -> step.getStyleClass().contains("stopped"))
                .map(Label::getText).toList())).containsExactly("3 " + dev.postwright.model.Stage.DRAFT.label());
        waitFor(() -> onFx(() -> !generate.isDisabled() && generate.getText().equals("Generate")));
        assertThat(robot.lookup("#job-status").queryAs(Label.class).getText())
                .isEqualTo("Cancelled. Nothing was saved after the cancel.");
        assertThat(robot.lookup("#retry").queryButton().isVisible()).isTrue();
        assertThat(robot.lookup("#cancel").queryButton().isVisible()).isFalse();
        assertThat(robot.lookup("#fix-in-settings").queryButton().isVisible()).as("a cancel is nothing to fix").isFalse();
        try (Database db = Database.open(DataDirectory.databaseIn(dir.resolve("data")))) {
            int posts = db.read(sql -> sql.queryOne("SELECT count(*) FROM posts", rs -> rs.getInt(1)).orElseThrow());
            assertThat(posts).isZero();
        }
    }

    @Test
    void aRefusedKeyShowsItsErrorAndRetryFinishesThePost() throws Exception {
        model.queueRefusedKey();
        JobViewModel job = startAndGenerate();
        waitFor(() -> job.phaseProperty().get() == JobViewModel.Phase.FAILED);
        assertThat(robot.lookup("#job-status").queryAs(Label.class).getText())
                .isEqualTo("The model server refused the API key (HTTP 401). Check the key in Settings.");
        // Retrying unchanged would fail the same way: Settings is offered beside Retry.
        var fix = robot.lookup("#fix-in-settings").queryButton();
        assertThat(fix.isVisible()).isTrue();
        robot.interact(fix::fire);
        assertThat(onFx(() -> app.desktop().window().page())).isEqualTo(MainWindow.Page.SETTINGS);
        robot.press(KeyCode.SHORTCUT, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.SHORTCUT);

        model.queuePost("Sourdough Bread for Beginners");
        robot.interact(() -> robot.lookup("#retry").queryButton().fire());
        waitFor(() -> job.phaseProperty().get() == JobViewModel.Phase.SUCCEEDED);
        var preview = app.desktop().window().desk().preview().preview();
        waitFor(() -> onFx(preview::bodyText).contains("Sourdough bread rewards patient home bakers."));
        assertThat(onFx(() -> preview.query("document.querySelectorAll('.embed-tweet').length"))).isEqualTo(1);
        assertThat(robot.lookup("#scaffold-banner").queryAs(Label.class).isVisible()).isFalse();
        assertThat(robot.lookup("#job-status").queryAs(Label.class).getText()).isEqualTo("Saved to library");
        assertThat(fix.isVisible()).isFalse();
    }
}
