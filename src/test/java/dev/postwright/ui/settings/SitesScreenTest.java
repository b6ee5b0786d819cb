package dev.postwright.ui.settings;

import static dev.postwright.testing.FxApp.onFx;
import static dev.postwright.testing.FxApp.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.publish.wordpress.TestWordPress;
import dev.postwright.settings.SiteBook;
import dev.postwright.testing.AnsweringFileDialogs;
import dev.postwright.testing.FxApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The Settings screen's WordPress sites card in the real app, headless on Monocle, against the real test WordPress. */
class SitesScreenTest {
    @TempDir Path dir;
    private final FxRobot robot = new FxRobot();
    private FxApp app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) app.close();
    }

    private void fire(String id) {
        robot.interact(() -> robot.lookup(id).queryAs(Button.class).fire());
    }

    private void type(String id, String text) {
        robot.interact(() -> robot.lookup(id).queryAs(TextField.class).setText(text));
    }

    private Label label(String id) {
        return robot.lookup(id).queryAs(Label.class);
    }

    private boolean shown(String id) throws Exception {
        return onFx(() -> robot.lookup(id).tryQuery().map(Node::isVisible).orElse(false));
    }

    @Test
    void aSiteIsAddedTestedSavedKeptAcrossARestartAndRemovedAfterAsking() throws Exception {
        Properties site = TestWordPress.site();
        app = FxApp.start(dir.resolve("config"), dir.resolve("data"), new AnsweringFileDialogs());
        robot.press(KeyCode.SHORTCUT, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.SHORTCUT);
        waitFor(() -> label("#sites-list .label").getText().startsWith("No sites yet."));

        fire("#sites-add");
        type("#site-address", "ftp://example.com");
        assertThat(shown("#site-address-problem")).isTrue();
        assertThat(label("#site-address-problem").getText()).startsWith("The address must start with https://");
        assertThat(shown("#site-name-problem")).as("not typed in yet").isFalse();
        type("#site-name", "Company blog");
        type("#site-address", site.getProperty("url"));
        type("#site-user", site.getProperty("user"));
        assertThat(shown("#site-address-problem")).isFalse();
        robot.interact(() -> robot.lookup("#site-password").queryAs(PasswordField.class)
                .setText(site.getProperty("applicationPassword")));

        fire("#site-test");
        var check = label("#site-check");
        waitFor(() -> check.getText().startsWith("Connected to \"Postwright Test Site\""));
        assertThat(check.getStyleClass()).contains("check-connected");

        fire("#site-save");
        var status = label("#sites-status");
        waitFor(() -> status.getText().startsWith("Saved \"Company blog\"."));
        assertThat(status.getText()).contains("never in the sites file");
        assertThat(shown("#site-name")).as("the editor closed").isFalse();
        assertThat(Files.readString(dir.resolve("config").resolve(SiteBook.NAME))).contains("Company blog")
                .doesNotContain(site.getProperty("applicationPassword"));
        app.close();

        app = FxApp.start(dir.resolve("config"), dir.resolve("data"), new AnsweringFileDialogs());
        robot.press(KeyCode.SHORTCUT, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.SHORTCUT);
        waitFor(() -> robot.lookup("#site-edit-0").tryQuery().isPresent());
        assertThat(onFx(() -> robot.lookup("#sites-list .site-name").queryAs(Label.class).getText()))
                .isEqualTo("Company blog");

        fire("#site-edit-0");
        assertThat(robot.lookup("#site-password").queryAs(PasswordField.class).getPromptText())
                .isEqualTo("Leave empty to keep the stored password");
        fire("#site-test"); // with the stored password
        waitFor(() -> label("#site-check").getText().startsWith("Connected to"));
        fire("#site-cancel");

        fire("#site-remove-0");
        assertThat(shown("#site-remove-confirm")).isTrue();
        fire("#site-remove-keep");
        assertThat(shown("#site-remove-confirm")).isFalse();
        assertThat(robot.lookup("#site-edit-0").tryQuery()).isPresent();
        fire("#site-remove-0");
        fire("#site-remove-confirm");
        waitFor(() -> label("#sites-status").getText().equals("Removed \"Company blog\" and its application password."));
        waitFor(() -> label("#sites-list .label").getText().startsWith("No sites yet."));
    }
}
