package dev.postwright.ui.shell;

import static dev.postwright.testing.FxApp.onFx;
import static dev.postwright.testing.FxApp.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.model.SeoAnalysis;
import dev.postwright.model.SeoAnalysis.Check;
import dev.postwright.settings.SettingsFile;
import dev.postwright.testing.AnsweringFileDialogs;
import dev.postwright.testing.FxApp;
import dev.postwright.ui.desk.JobViewModel;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** A check the writer disagrees with: turned off from the editor's SEO panel, on again in Settings. */
class SeoCheckSwitchScreenTest {
    @TempDir Path dir;
    private final FxRobot robot = new FxRobot();
    private FxApp app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) app.close();
    }

    private static int seoScoreOf(List<Check> checks) {
        List<Check> seo = checks.stream().filter(c -> c.group().equals("seo")).toList();
        return (int) Math.max(0, Math.min(100, Math.round(seo.stream().mapToInt(Check::score).sum() / (seo.size() * 9.0) * 100)));
    }

    private boolean rowShown(String id) {
        return robot.lookup("#editor-check-" + id).tryQuery().isPresent();
    }

    @Test
    void aCheckTurnedOffInThePanelLeavesItAndTheScoreAndSettingsTurnItOnAgain() throws Exception {
        app = FxApp.start(dir.resolve("config"), dir.resolve("data"), new AnsweringFileDialogs());
        JobViewModel job = app.desktop().controller().job();
        robot.clickOn("#title").press(KeyCode.SHORTCUT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHORTCUT);
        waitFor(() -> job.phaseProperty().get() == JobViewModel.Phase.SUCCEEDED);
        String title = job.postProperty().get().title();
        robot.interact(() -> robot.lookup("#open-saved").queryAs(Hyperlink.class).fire());
        waitFor(() -> title.equals(robot.lookup("#editor-title").queryAs(TextField.class).getText()));
        var editor = app.desktop().editor();
        waitFor(() -> editor.seoProperty().get() != null);
        SeoAnalysis all = onFx(() -> editor.seoProperty().get());
        var score = robot.lookup("#editor-seo-score").queryAs(Label.class);
        assertThat(score.getText()).isEqualTo(String.valueOf(all.overallScore()));

        // The SEO check that pulls the score down most: leaving it out must raise the score.
        Check worst = all.checks().stream().filter(c -> c.group().equals("seo"))
                .min(Comparator.comparingInt(Check::score)).orElseThrow();
        List<Check> rest = all.checks().stream().filter(c -> !c.id().equals(worst.id())).toList();
        int expected = seoScoreOf(rest);
        assertThat(expected).as("the post has checks of different scores").isGreaterThan(all.overallScore());
        assertThat(rowShown(worst.id())).isTrue();
        Button turnOff = robot.lookup("#editor-turn-off-" + worst.id()).queryButton();
        assertThat(turnOff.getText()).isEqualTo("Turn off");
        assertThat(turnOff.getTooltip().getText()).isEqualTo("Leave this check out of the score; turn it on again in Settings");
        robot.interact(turnOff::fire);
        waitFor(() -> onFx(() -> !rowShown(worst.id()) && score.getText().equals(String.valueOf(expected))));
        assertThat(onFx(() -> editor.seoProperty().get().checks())).isEqualTo(rest);
        var settingsFile = new SettingsFile(dir.resolve("config"));
        waitFor(() -> settingsFile.load().settings().seoChecksOff().contains(worst.id()));

        robot.press(KeyCode.SHORTCUT, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.SHORTCUT);
        assertThat(app.desktop().window().page()).isEqualTo(MainWindow.Page.SETTINGS);
        CheckBox box = robot.lookup("#seo-check-" + worst.id()).queryAs(CheckBox.class);
        assertThat(onFx(box::isSelected)).isFalse();
        assertThat(onFx(() -> robot.lookup(".check-box").queryAllAs(CheckBox.class).stream()
                .filter(b -> b.getId() != null && b.getId().startsWith("seo-check-")).count())).isEqualTo(24);
        robot.interact(box::fire);
        robot.press(KeyCode.SHORTCUT, KeyCode.S).release(KeyCode.S, KeyCode.SHORTCUT);
        var message = robot.lookup("#settings-message").queryAs(Label.class);
        waitFor(() -> message.getText().startsWith("Settings saved."));
        assertThat(settingsFile.load().settings().seoChecksOff()).isEmpty();

        robot.press(KeyCode.SHORTCUT, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.SHORTCUT);
        waitFor(() -> onFx(() -> rowShown(worst.id()) && score.getText().equals(String.valueOf(all.overallScore()))));
    }
}
