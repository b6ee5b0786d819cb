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

/** Checks the writer disagrees with: turned off from the desk's and the editor's SEO panels, on again in Settings. */
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

    private boolean rowShown(String prefix, String id) {
        return robot.lookup("#" + prefix + "check-" + id).tryQuery().isPresent();
    }

    private static String nameOf(String id) {
        return dev.postwright.seo.SeoAnalyzer.standard().checks().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow().name();
    }

    private static Check worstSeoCheck(SeoAnalysis analysis) {
        return analysis.checks().stream().filter(c -> c.group().equals("seo")).min(Comparator.comparingInt(Check::score))
                .orElseThrow();
    }

    private List<Check> turnOff(String prefix, SeoAnalysis shown, Check check) throws Exception {
        List<Check> rest = shown.checks().stream().filter(c -> !c.id().equals(check.id())).toList();
        int expected = seoScoreOf(rest);
        assertThat(expected).as("the post has checks of different scores").isGreaterThan(shown.overallScore());
        assertThat(rowShown(prefix, check.id())).isTrue();
        Button turnOff = robot.lookup("#" + prefix + "turn-off-" + check.id()).queryButton();
        assertThat(turnOff.getText()).isEqualTo("Turn off");
        assertThat(turnOff.getTooltip().getText()).isEqualTo("Leave this check out of the score; turn it on again in Settings");
        robot.interact(turnOff::fire);
        var score = robot.lookup("#" + prefix + "seo-score").queryAs(Label.class);
        waitFor(() -> onFx(() -> !rowShown(prefix, check.id()) && score.getText().equals(String.valueOf(expected))));
        return rest;
    }

    @Test
    void checksTurnedOffInTheSeoPanelsLeaveThemAndTheScoreAndSettingsTurnThemOnAgain() throws Exception {
        app = FxApp.start(dir.resolve("config"), dir.resolve("data"), new AnsweringFileDialogs());
        JobViewModel job = app.desktop().controller().job();
        robot.clickOn("#title").press(KeyCode.SHORTCUT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHORTCUT);
        waitFor(() -> job.phaseProperty().get() == JobViewModel.Phase.SUCCEEDED);
        SeoAnalysis written = onFx(() -> job.seoProperty().get());
        var deskScore = robot.lookup("#seo-score").queryAs(Label.class);
        waitFor(() -> onFx(() -> deskScore.getText().equals(String.valueOf(written.overallScore()))));

        // On the desk: the finished job's analysis, shown without the check; Undo brings it back.
        Check first = worstSeoCheck(written);
        turnOff("", written, first);
        assertThat(robot.lookup("#toast-message").queryAs(Label.class).getText())
                .isEqualTo("“" + nameOf(first.id()) + "” no longer counts towards the SEO score.");
        assertThat(onFx(() -> {
            Button undo = robot.lookup("#toast-action").queryButton();
            return undo.getWidth() >= undo.prefWidth(-1);
        })).as("Undo is never cut to …").isTrue();
        robot.interact(() -> robot.lookup("#toast-action").queryButton().fire());
        waitFor(() -> onFx(() -> rowShown("", first.id()) && deskScore.getText().equals(String.valueOf(written.overallScore()))));
        turnOff("", written, first);
        var settingsFile = new SettingsFile(dir.resolve("config"));
        waitFor(() -> settingsFile.load().settings().seoChecksOff().contains(first.id()));

        // In the library editor: scored again without the first, then without the worst check left.
        String title = job.postProperty().get().title();
        robot.interact(() -> robot.lookup("#open-saved").queryAs(Hyperlink.class).fire());
        waitFor(() -> title.equals(robot.lookup("#editor-title").queryAs(TextField.class).getText()));
        var editor = app.desktop().editor();
        waitFor(() -> onFx(() -> editor.seoProperty().get() != null));
        SeoAnalysis edited = onFx(() -> editor.seoProperty().get());
        assertThat(edited.checks()).extracting(Check::id).doesNotContain(first.id());
        assertThat(rowShown("editor-", first.id())).isFalse();
        Check second = worstSeoCheck(edited);
        List<Check> rest = turnOff("editor-", edited, second);
        assertThat(onFx(() -> editor.seoProperty().get().checks())).isEqualTo(rest);
        waitFor(() -> settingsFile.load().settings().seoChecksOff().equals(java.util.Set.of(first.id(), second.id())));

        robot.press(KeyCode.SHORTCUT, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.SHORTCUT);
        assertThat(app.desktop().window().page()).isEqualTo(MainWindow.Page.SETTINGS);
        assertThat(onFx(() -> robot.lookup(".check-box").queryAllAs(CheckBox.class).stream()
                .filter(b -> b.getId() != null && b.getId().startsWith("seo-check-")).count())).isEqualTo(24);
        for (Check check : List.of(first, second)) {
            CheckBox box = robot.lookup("#seo-check-" + check.id()).queryAs(CheckBox.class);
            assertThat(onFx(box::isSelected)).as(check.id()).isFalse();
            robot.interact(box::fire);
        }
        robot.press(KeyCode.SHORTCUT, KeyCode.S).release(KeyCode.S, KeyCode.SHORTCUT);
        var message = robot.lookup("#settings-message").queryAs(Label.class);
        waitFor(() -> message.getText().startsWith("Settings saved."));
        assertThat(settingsFile.load().settings().seoChecksOff()).isEmpty();

        robot.press(KeyCode.SHORTCUT, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.SHORTCUT);
        var editorScore = robot.lookup("#editor-seo-score").queryAs(Label.class);
        waitFor(() -> onFx(() -> rowShown("editor-", first.id()) && rowShown("editor-", second.id())
                && editorScore.getText().equals(String.valueOf(editor.seoProperty().get().overallScore()))));
        assertThat(onFx(() -> editor.seoProperty().get().overallScore())).isLessThan(seoScoreOf(rest));
        robot.press(KeyCode.SHORTCUT, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.SHORTCUT);
        waitFor(() -> onFx(() -> rowShown("", first.id()) && deskScore.getText().equals(String.valueOf(written.overallScore()))));
    }
}
