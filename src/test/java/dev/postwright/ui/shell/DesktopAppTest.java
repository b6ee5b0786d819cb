package dev.postwright.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.store.DataDirectory;
import dev.postwright.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The start-up window, headless (Monocle), through the real Application life cycle. */
class DesktopAppTest {
    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private javafx.application.Application app;

    @AfterEach
    void closeWindow() throws Exception {
        if (app != null) FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    private void start(Path dataDir) throws Exception {
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(() -> new DesktopApp(dataDir));
    }

    @Test
    void aNewLibraryIsCreatedAndShown() throws Exception {
        start(dir.resolve("fresh"));
        Path database = DataDirectory.databaseIn(dir.resolve("fresh")).toAbsolutePath();
        assertThat(robot.lookup("#library-location").queryAs(Label.class).getText()).isEqualTo(database.toString());
        assertThat(robot.lookup("#job-summary").queryAs(Label.class).getText()).isEqualTo("No jobs yet");
        assertThat(Files.exists(database)).isTrue();
    }

    @Test
    void existingJobsAreCounted() throws Exception {
        try (Database db = Database.open(DataDirectory.databaseIn(dir))) {
            db.transaction(sql -> sql.update("INSERT INTO jobs (id, state, request, run_at, created_at, updated_at) VALUES "
                    + "('a', 'succeeded', '{}', 0, 0, 0), ('b', 'succeeded', '{}', 0, 0, 0), ('c', 'failed', '{}', 0, 0, 0)"));
        }
        start(dir);
        assertThat(robot.lookup("#job-summary").queryAs(Label.class).getText()).isEqualTo("3 jobs: 2 succeeded, 1 failed");
    }

    @Test
    void aDamagedLibraryIsExplainedInWords() throws Exception {
        Files.writeString(DataDirectory.databaseIn(dir), "not a database at all ".repeat(100));
        start(dir);
        assertThat(robot.lookup("#library-problem").queryAs(Label.class).getText())
                .startsWith("The Postwright database at " + DataDirectory.databaseIn(dir).toAbsolutePath()
                        + " is damaged or is not a Postwright database.");
        assertThat(robot.lookup("#job-summary").tryQuery()).isEmpty();
    }
}
