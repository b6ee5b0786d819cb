package dev.postwright.ui.shell;

import static dev.postwright.testing.FxApp.onFx;
import static dev.postwright.testing.FxApp.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.engine.LocalEngine;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.model.JobState;
import dev.postwright.queue.QueueSettings;
import dev.postwright.server.JobApiServer;
import dev.postwright.server.ServeSettings;
import dev.postwright.server.Tokens;
import dev.postwright.store.DataDirectory;
import dev.postwright.store.Database;
import dev.postwright.testing.AnsweringFileDialogs;
import dev.postwright.testing.FxApp;
import dev.postwright.ui.desk.JobViewModel;
import dev.postwright.ui.parts.PostPreview;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The real app pointed at a real {@code postwright serve}: settings, the header, and a job run remotely. */
class TeamServerScreenTest {
    @TempDir Path dir;
    private final FxRobot robot = new FxRobot();
    private FxApp app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) app.close();
    }

    @Test
    void aWriterPointsTheAppAtATeamServerAndGeneratesThere() throws Exception {
        var tokens = new Tokens("a test secret that is long enough for HS256".getBytes(StandardCharsets.UTF_8),
                Clock.systemUTC());
        try (var team = LocalEngine.open(dir.resolve("team"), new OfflineWriter(), QueueSettings.DEFAULTS, Clock.systemUTC());
             var api = new JobApiServer(team.jobs(), team.library(), team.images(), tokens, ServeSettings.DEFAULTS.withPort(0))) {
            team.jobs().start();
            api.start();
            app = FxApp.start(dir.resolve("config"), dir.resolve("data"), new AnsweringFileDialogs());
            assertThat(robot.lookup("#job-place").queryAs(Label.class).getText()).isEqualTo("Jobs run on this computer");

            robot.press(KeyCode.SHORTCUT, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.SHORTCUT);
            robot.interact(() -> {
                robot.lookup("#jobs-team").queryAs(RadioButton.class).fire();
                robot.lookup("#team-url").queryAs(TextField.class).setText(api.baseUrl());
                robot.lookup("#team-token").queryAs(TextField.class).setText(tokens.issue("maria", Duration.ofHours(1)));
                robot.lookup("#team-test").queryAs(Button.class).fire();
            });
            var status = robot.lookup("#team-status").queryAs(Label.class);
            waitFor(() -> status.getText().startsWith("Connected to 127.0.0.1"));
            robot.press(KeyCode.SHORTCUT, KeyCode.S).release(KeyCode.S, KeyCode.SHORTCUT);
            var place = robot.lookup("#job-place").queryAs(Label.class);
            waitFor(() -> place.getText().equals("Team server 127.0.0.1 · connected"));
            assertThat(place.getStyleClass()).contains("connected");

            robot.press(KeyCode.SHORTCUT, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.SHORTCUT);
            JobViewModel job = app.desktop().controller().job();
            robot.interact(() -> robot.lookup("#generate").queryAs(Button.class).fire());
            waitFor(() -> job.phaseProperty().get() == JobViewModel.Phase.SUCCEEDED);
            PostPreview preview = app.desktop().window().desk().preview().preview();
            waitFor(() -> onFx(preview::bodyText).contains("Sourdough Bread: How to bake at home"));
            assertThat(Integer.parseInt(robot.lookup("#seo-score").queryAs(Label.class).getText())).isGreaterThan(80);

            var onServer = team.jobs().listOwnedBy("maria", 5);
            assertThat(onServer).hasSize(1);
            assertThat(onServer.getFirst().state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(onServer.getFirst().jobId()).isEqualTo(job.jobIdProperty().get());
            // The post is kept in this computer's library too, and the desk links to that copy.
            assertThat(robot.lookup("#job-status").queryAs(Label.class).getText()).isEqualTo("Saved to library");
            try (Database db = Database.open(DataDirectory.databaseIn(dir.resolve("data")))) {
                String source = db.read(sql -> sql.queryOne("SELECT source_job_id FROM posts WHERE id = ?",
                        rs -> rs.getString(1), job.savedPostProperty().get().id()).orElseThrow());
                assertThat(source).isEqualTo("remote:" + job.jobIdProperty().get());
            }
            assertThat(robot.lookup("#writer-name").queryAs(Label.class).isVisible()).isFalse();

            // Pictures for it are made on this computer, for the local copy of the post.
            robot.clickOn("Visuals");
            waitFor(() -> robot.lookup("#suggestion-1 .create-image").tryQuery().isPresent());
            robot.interact(() -> robot.lookup("#suggestion-1 .create-image").queryButton().fire());
            var row = onFx(() -> app.desktop().visuals().suggestions().get(1));
            waitFor(() -> onFx(() -> row.imageProperty().get()) != null);
            var picture = onFx(() -> row.imageProperty().get());
            assertThat(picture.postId()).isEqualTo(job.savedPostProperty().get().id());
            assertThat(app.desktop().engine().images().ofPost(picture.postId())).contains(picture);
            assertThat(team.jobs().listOwnedBy("maria", 5)).as("no image job on the server").hasSize(1);

            // A restart keeps using the team server, from the very first Generate.
            app.close();
            app = FxApp.start(dir.resolve("config"), dir.resolve("data"), new AnsweringFileDialogs());
            JobViewModel again = app.desktop().controller().job();
            robot.interact(() -> { // not a first run any more: the brief starts empty
                robot.lookup("#title").queryAs(TextField.class).setText("Sourdough starters");
                robot.lookup("#business-type").queryAs(TextField.class).setText("Bakery");
            });
            assertThat(robot.lookup("#generate").queryAs(Button.class).isDisabled()).isFalse();
            robot.interact(() -> robot.lookup("#generate").queryAs(Button.class).fire());
            waitFor(() -> again.phaseProperty().get() == JobViewModel.Phase.SUCCEEDED);
            assertThat(team.jobs().listOwnedBy("maria", 5)).hasSize(2);
            var placeAgain = robot.lookup("#job-place").queryAs(Label.class);
            waitFor(() -> placeAgain.getText().equals("Team server 127.0.0.1 · connected"));

            String address = api.baseUrl();
            api.close(); // the server goes away: Generate says so in words, and the header too
            robot.interact(() -> robot.lookup("#generate").queryAs(Button.class).fire());
            var problem = robot.lookup("#generate-problem").queryAs(Label.class);
            waitFor(() -> problem.getText().startsWith("Cannot reach the server at " + address));
            assertThat(problem.getText()).doesNotContain("eyJ");
            waitFor(() -> placeAgain.getText().equals("Team server 127.0.0.1 · cannot reach"));
        }
    }
}
