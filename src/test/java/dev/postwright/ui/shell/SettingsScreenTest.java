package dev.postwright.ui.shell;

import static dev.postwright.testing.FxApp.onFx;
import static dev.postwright.testing.FxApp.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.testing.AnsweringFileDialogs;
import dev.postwright.testing.FxApp;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** Settings and the window's place, saved, then read back by a second start of the app. */
class SettingsScreenTest {
    @TempDir Path dir;
    private final FxRobot robot = new FxRobot();
    private FxApp app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) app.close();
    }

    private static Stage stage() {
        return (Stage) Window.getWindows().stream().filter(Window::isShowing).findFirst().orElseThrow();
    }

    @Test
    void settingsAndTheWindowPlaceSurviveARestart() throws Exception {
        app = FxApp.start(dir.resolve("config"), dir.resolve("data"), new AnsweringFileDialogs());
        robot.press(KeyCode.SHORTCUT, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.SHORTCUT);
        assertThat(app.desktop().window().page()).isEqualTo(MainWindow.Page.SETTINGS);
        robot.interact(() -> robot.lookup("#theme-dark").queryAs(RadioButton.class).fire());
        robot.interact(() -> robot.lookup("#workers").queryAs(Spinner.class).increment(2));
        robot.interact(() -> robot.lookup("#org-name").queryAs(TextField.class).setText("Crumb & Co")); // below the fold
        robot.press(KeyCode.SHORTCUT, KeyCode.S).release(KeyCode.S, KeyCode.SHORTCUT);
        var message = robot.lookup("#settings-message").queryAs(Label.class);
        waitFor(() -> message.getText().startsWith("Settings saved."));
        assertThat(message.getText()).isEqualTo("Settings saved. Restart Postwright to use the number of jobs at once.");
        assertThat(Application.getUserAgentStylesheet()).containsIgnoringCase("dark");
        robot.interact(() -> {
            stage().setX(40);
            stage().setY(30);
            stage().setWidth(1100);
            stage().setHeight(700);
        });
        app.close();

        app = FxApp.start(dir.resolve("config"), dir.resolve("data"), new AnsweringFileDialogs());
        assertThat(Application.getUserAgentStylesheet()).containsIgnoringCase("dark");
        robot.interact(() -> robot.lookup("#nav-settings").queryAs(javafx.scene.control.ToggleButton.class).fire());
        assertThat(onFx(() -> robot.lookup("#workers").queryAs(Spinner.class).getValue())).isEqualTo(4);
        waitFor(() -> "Crumb & Co".equals(robot.lookup("#org-name").queryAs(TextField.class).getText()));
        assertThat(robot.lookup("#theme-dark").queryAs(RadioButton.class).isSelected()).isTrue();
        assertThat(onFx(() -> new double[] {stage().getX(), stage().getY(), stage().getWidth(), stage().getHeight()}))
                .containsExactly(40, 30, 1100, 700);
    }
}
