package dev.postwright.ui.shell;

import static dev.postwright.testing.FxApp.onFx;
import static dev.postwright.testing.FxApp.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.model.LibraryPost;
import dev.postwright.model.SeoAnalysis;
import dev.postwright.settings.ModelChoice;
import dev.postwright.settings.Settings;
import dev.postwright.settings.SettingsFile;
import dev.postwright.testing.AnsweringFileDialogs;
import dev.postwright.testing.FakeModelServer;
import dev.postwright.testing.FxApp;
import dev.postwright.testing.ScreenshotModelServer;
import dev.postwright.ui.desk.JobViewModel;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * "Fix this check" in the window: on the desk, a model's rewrite through a loopback model server,
 * shown as a diff with its new score and accepted as a library version; in the library editor, a
 * mechanical fix of a field the writer broke.
 */
class SeoFixScreenTest {
    private static final String TRANSITION_WORDS = "transition-words";
    @TempDir Path dir;
    private final FxRobot robot = new FxRobot();
    private final MockWebServer model = new MockWebServer();
    private FxApp app;

    @BeforeEach
    void start() throws Exception {
        model.setDispatcher(ScreenshotModelServer.instant());
        model.start(InetAddress.getLoopbackAddress(), 0);
        Files.createDirectories(dir.resolve("config"));
        new SettingsFile(dir.resolve("config")).save(Settings.DEFAULTS.withModel(
                new ModelChoice(model.url("/v1").toString(), FakeModelServer.MODEL)));
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) app.close();
        model.close();
    }

    private static SeoAnalysis.Check check(SeoAnalysis analysis, String id) {
        return analysis.checks().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aFixIsOfferedShownAsADiffWithItsScoreAndAcceptedOnTheDeskAndInTheEditor() throws Exception {
        app = FxApp.start(dir.resolve("config"), dir.resolve("data"), new AnsweringFileDialogs());
        JobViewModel job = app.desktop().controller().job();
        robot.clickOn("#title").press(KeyCode.SHORTCUT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHORTCUT);
        waitFor(() -> job.phaseProperty().get() == JobViewModel.Phase.SUCCEEDED);
        SeoAnalysis written = onFx(() -> job.seoProperty().get());
        assertThat(check(written, TRANSITION_WORDS).rating()).isNotEqualTo(SeoAnalysis.Rating.GOOD);
        assertThat(robot.lookup("#fix-outbound-links").tryQuery()).as("no fix adds sources").isEmpty();

        Button fix = robot.lookup("#fix-" + TRANSITION_WORDS).queryButton();
        assertThat(fix.getTooltip().getText()).startsWith("Link a paragraph's sentences, with the model server");
        robot.interact(fix::fire);
        waitFor(() -> robot.lookup("#fix-proposal").tryQuery().isPresent());
        TextFlow diff = robot.lookup("#fix-diff").queryAs(TextFlow.class);
        assertThat(onFx(() -> diff.getChildren().stream().map(n -> (Text) n)
                .filter(t -> t.getStyleClass().contains("diff-added")).map(Text::getText).toList()))
                .anySatisfy(added -> assertThat(added).contains("However, "));
        String outcome = robot.lookup("#fix-outcome").queryAs(Label.class).getText();
        assertThat(outcome).contains("SEO score " + written.overallScore() + " → ");
        String postId = onFx(() -> job.savedPostProperty().get().id());
        assertThat(app.desktop().engine().library().find(postId).orElseThrow().version())
                .as("nothing is saved before Accept").isEqualTo(1);

        robot.interact(() -> robot.lookup("#fix-accept").queryButton().fire());
        waitFor(() -> robot.lookup("#fix-message").tryQuery().isPresent());
        assertThat(robot.lookup("#fix-message").queryAs(Label.class).getText())
                .isEqualTo("Changed a paragraph: saved as version 2 in the library.");
        LibraryPost fixed = app.desktop().engine().library().find(postId).orElseThrow();
        assertThat(fixed.post().content()).contains("However, ").isEqualTo(onFx(() -> job.postProperty().get().content()));
        assertThat(onFx(() -> check(job.seoProperty().get(), TRANSITION_WORDS).score()))
                .isGreaterThanOrEqualTo(check(written, TRANSITION_WORDS).score());

        // The editor: the writer cuts the meta description short; Fix puts a full one back, unsaved.
        robot.interact(() -> robot.lookup("#open-saved").queryAs(Hyperlink.class).fire());
        TextField meta = robot.lookup("#editor-meta").queryAs(TextField.class);
        waitFor(() -> onFx(() -> !meta.getText().isEmpty()));
        robot.interact(() -> meta.setText("Bake sourdough at home."));
        waitFor(() -> robot.lookup("#editor-fix-meta-description-length").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#editor-fix-meta-description-length").queryButton().fire());
        waitFor(() -> robot.lookup("#editor-fix-proposal").tryQuery().isPresent());
        assertThat(robot.lookup("#editor-fix-outcome").queryAs(Label.class).getText())
                .startsWith("Fixed: The meta description has a good length");
        robot.interact(() -> robot.lookup("#editor-fix-accept").queryButton().fire());
        assertThat(onFx(() -> meta.getText())).startsWith("Bake sourdough at home. ").hasSizeBetween(121, 156);
        assertThat(robot.lookup("#editor-save").queryButton().isDisabled()).isFalse();
    }
}
