package dev.postwright.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.store.DataDirectory;
import dev.postwright.store.Database;
import dev.postwright.ui.desk.JobViewModel;
import dev.postwright.testing.AnsweringFileDialogs;
import dev.postwright.testing.FullDisk;
import dev.postwright.ui.parts.PostPreview;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The desktop app, headless (Monocle), through the real Application life cycle and the real engine. */
class DesktopAppTest {
    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private Application app;

    @AfterEach
    void closeWindow() throws Exception {
        if (app != null) FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    private final AnsweringFileDialogs files = new AnsweringFileDialogs();

    private DesktopApp start(Path dataDir) throws Exception {
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(() -> new DesktopApp(dir.resolve("config"), dataDir, files));
        return (DesktopApp) app;
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }

    private <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aFirstRunGeneratesTheSampleBriefInOneClickAndFillsEveryPanel() throws Exception {
        DesktopApp desktop = start(dir);
        JobViewModel job = desktop.controller().job();
        assertThat(robot.lookup("#title").queryTextInputControl().getText()).isEqualTo("How to bake sourdough bread at home");
        robot.clickOn("#title").press(KeyCode.SHORTCUT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHORTCUT);
        waitFor(() -> job.phaseProperty().get() == JobViewModel.Phase.SUCCEEDED);

        assertThat(job.stepIndexProperty().get()).isEqualTo(JobViewModel.STEPS.size());
        assertThat(robot.lookup("#job-status").queryAs(Label.class).getText()).isEqualTo("Saved to library");
        PostPreview preview = desktop.window().desk().preview().preview();
        waitFor(() -> onFx(preview::bodyText).contains("Sourdough Bread: How to bake at home"));
        assertThat(onFx(() -> preview.query("document.querySelectorAll('.embed-tweet').length"))).isEqualTo(1);
        assertThat(onFx(() -> preview.query("document.querySelector('.embed-author').textContent"))).isEqualTo("Crumb & Co");
        assertThat(robot.lookup("#scaffold-banner").queryAs(Label.class).isVisible()).isTrue();
        assertThat(Integer.parseInt(robot.lookup("#seo-score").queryAs(Label.class).getText())).isGreaterThan(80);
        try (Database db = Database.open(DataDirectory.databaseIn(dir))) {
            int posts = db.read(sql -> sql.queryOne("SELECT count(*) FROM posts", rs -> rs.getInt(1)).orElseThrow());
            assertThat(posts).isEqualTo(1);
        }
        // The sample brief asks for the featured image: a real picture in the preview and in the Visuals panel.
        // The post with the picture is the finished one, which replaces the draft's rendering.
        waitFor(() -> Boolean.TRUE.equals(onFx(() -> preview.query("document.querySelector('img') !== null"))));
        assertThat(onFx(() -> preview.query("document.querySelector('img').getAttribute('src').substring(0, 22)")))
                .isEqualTo("data:image/png;base64,");
        waitFor(() -> Integer.valueOf(1600).equals(onFx(() -> preview.query("document.querySelector('img').naturalWidth"))));
        robot.clickOn("Visuals");
        waitFor(() -> robot.lookup("#image-featured .image-view").tryQueryAs(ImageView.class)
                .map(view -> view.getImage() != null && view.getImage().getWidth() == 520).orElse(false));
        // The desk is given this computer's queue and library: pictures can be made for the saved post.
        waitFor(() -> robot.lookup("#suggestion-0 .create-image").tryQueryAs(javafx.scene.control.Button.class)
                .map(button -> !button.isDisabled()).orElse(false));
        assertThat(desktop.visuals().suggestions()).isNotEmpty();
    }

    @Test
    void reopeningAFinishedJobReplaysItIntoTheDesk() throws Exception {
        DesktopApp desktop = start(dir);
        JobViewModel job = desktop.controller().job();
        robot.clickOn("#title").press(KeyCode.SHORTCUT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHORTCUT);
        waitFor(() -> job.phaseProperty().get() == JobViewModel.Phase.SUCCEEDED);
        String first = job.jobIdProperty().get();
        robot.clickOn("#title").press(KeyCode.SHORTCUT, KeyCode.A).release(KeyCode.A, KeyCode.SHORTCUT).write("Rye bread basics");
        robot.press(KeyCode.SHORTCUT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHORTCUT);
        waitFor(() -> !first.equals(job.jobIdProperty().get()) && job.phaseProperty().get() == JobViewModel.Phase.SUCCEEDED);
        assertThat(job.postProperty().get().title()).containsIgnoringCase("rye");

        robot.clickOn("Jobs");
        @SuppressWarnings("unchecked")
        var list = (javafx.scene.control.ListView<dev.postwright.model.JobStatus>) robot.lookup("#jobs-list").query();
        waitFor(() -> list.getItems().size() == 2);
        assertThat(list.getItems()).extracting(s -> s.title()).containsExactly("Rye bread basics",
                "How to bake sourdough bread at home");
        // The buttons under the list are fired directly: Monocle's robot clicks do not reach them (noted).
        robot.interact(() -> list.getSelectionModel().select(1));
        robot.interact(() -> robot.lookup("#open-job").queryButton().fire());
        waitFor(() -> first.equals(job.jobIdProperty().get()) && job.phaseProperty().get() == JobViewModel.Phase.SUCCEEDED);
        assertThat(job.postProperty().get().title()).startsWith("Sourdough Bread");
        robot.interact(() -> robot.lookup("#delete-job").queryButton().fire());
        waitFor(() -> list.getItems().size() == 1);
        assertThat(list.getItems()).extracting(s -> s.title()).containsExactly("Rye bread basics");
    }

    @Test
    void aFullDiskIsSaidUnderTheHeaderUntilThereIsRoomAgain() throws Exception {
        DesktopApp desktop = start(dir);
        Database db = desktop.engine().database();
        Label bar = robot.lookup("#disk-problem").queryAs(Label.class);
        assertThat(bar.isVisible()).isFalse();

        FullDisk.fill(db);
        // Anything that needs new space now fails, as saving a long post would.
        try {
            db.transaction(sql -> sql.update("INSERT INTO organizations (id, profile, updated_at) VALUES ('big', ?, 0)",
                    "x".repeat(50_000)));
        } catch (dev.postwright.store.StoreException expected) {
            // the fault the window must show
        }
        waitFor(bar::isVisible);
        assertThat(bar.getText()).startsWith("The disk is full: free some space on the disk that holds Postwright's data")
                .endsWith(DiskProblem.GOES_ON.strip());

        FullDisk.free(db);
        waitFor(() -> !bar.isVisible());
    }

    @Test
    void generateIsDisabledWithAReasonWhileTheBriefIsIncomplete() throws Exception {
        Path data = dir.resolve("second");
        Files.createDirectories(data);
        start(data);
        robot.clickOn("#title").press(KeyCode.SHORTCUT, KeyCode.A).release(KeyCode.A, KeyCode.SHORTCUT)
                .type(KeyCode.BACK_SPACE);
        waitFor(() -> robot.lookup("#generate").queryButton().isDisabled());
        assertThat(robot.lookup("#brief-problems").queryAs(Label.class).getText()).isEqualTo("Give the post a topic title.");
        robot.write("Rye bread basics");
        waitFor(() -> !robot.lookup("#generate").queryButton().isDisabled());
    }

    @Test
    void aDamagedLibraryIsExplainedInWords() throws Exception {
        Files.writeString(DataDirectory.databaseIn(dir), "not a database at all ".repeat(100));
        start(dir);
        assertThat(robot.lookup("#library-problem").queryAs(Label.class).getText())
                .startsWith("The Postwright database at " + DataDirectory.databaseIn(dir).toAbsolutePath()
                        + " is damaged or is not a Postwright database.");
        assertThat(robot.lookup("#generate").tryQuery()).isEmpty();
    }
}
