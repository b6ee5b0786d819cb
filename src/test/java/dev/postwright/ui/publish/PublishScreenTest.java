package dev.postwright.ui.publish;

import static dev.postwright.testing.FxApp.onFx;
import static dev.postwright.testing.FxApp.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.model.LibraryPost;
import dev.postwright.publish.wordpress.Site;
import dev.postwright.publish.wordpress.TestWordPress;
import dev.postwright.settings.PrivateFileSecrets;
import dev.postwright.settings.SiteBook;
import dev.postwright.testing.AnsweringFileDialogs;
import dev.postwright.ui.desk.JobViewModel;
import dev.postwright.ui.shell.DesktopApp;
import dev.postwright.ui.shell.MainWindow;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Application;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The real app on Monocle publishing to the real test WordPress: a post generated on the desk,
 * Publish… in the library, the dialog filled in, the toast's way to the outbox, and the row
 * turning into Published with the site's link, which opens (here: is handed to the test).
 */
class PublishScreenTest {
    @TempDir Path dir;
    private final FxRobot robot = new FxRobot();
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private Application app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
        }
    }

    @Test
    void theDeskSaysWhyAnUnsavedPostCannotBePublishedAndWithoutASiteTheDialogLeadsToSettings() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(() -> new DesktopApp(dir.resolve("config"), dir.resolve("data"),
                new AnsweringFileDialogs(), opened::add));
        var desktop = (DesktopApp) app;
        JobViewModel job = desktop.controller().job();
        javafx.scene.control.CheckBox save = robot.lookup((javafx.scene.control.CheckBox c) -> "Save to library".equals(
                c.getText())).query();
        robot.interact(() -> save.setSelected(false));
        robot.clickOn("#title").press(KeyCode.SHORTCUT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHORTCUT);
        waitFor(() -> job.phaseProperty().get() == JobViewModel.Phase.SUCCEEDED);
        assertThat(robot.lookup("#desk-publish").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#desk-publish-why").queryAs(Label.class).getText())
                .isEqualTo("This job did not save its post to the library, so it cannot be published from here.");

        robot.interact(() -> save.setSelected(true));
        robot.clickOn("#title").press(KeyCode.SHORTCUT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHORTCUT);
        waitFor(() -> job.phaseProperty().get() == JobViewModel.Phase.SUCCEEDED && job.savedPostProperty().get() != null);
        assertThat(robot.lookup("#desk-publish-why").queryAs(Label.class).getText()).isEmpty();
        robot.clickOn("#desk-publish");
        waitFor(() -> robot.lookup("#publish-no-sites").tryQueryAs(Label.class)
                .filter(l -> l.getText().equals(PublishDialogModel.NO_SITES) && l.isVisible()).isPresent());
        assertThat(robot.lookup("#publish-send").queryButton().isDisabled()).isTrue();
        robot.clickOn("#publish-open-settings");
        waitFor(() -> desktop.window().page() == MainWindow.Page.SETTINGS);
        assertThat(robot.lookup("#publish-dialog").tryQuery()).isEmpty();
    }

    @Test
    void aLibraryPostIsPublishedFromTheDialogAndTheOutboxShowsItsLink() throws Exception {
        Properties wp = TestWordPress.site();
        Path config = dir.resolve("config");
        new SiteBook(config, new PrivateFileSecrets(config)).save(new Site("Test blog", URI.create(wp.getProperty("url")),
                wp.getProperty("user")), wp.getProperty("applicationPassword"));
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(() -> new DesktopApp(config, dir.resolve("data"), new AnsweringFileDialogs(),
                opened::add));
        var desktop = (DesktopApp) app;
        JobViewModel job = desktop.controller().job();
        robot.clickOn("#title").press(KeyCode.SHORTCUT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHORTCUT);
        waitFor(() -> job.phaseProperty().get() == JobViewModel.Phase.SUCCEEDED && job.savedPostProperty().get() != null);
        String postId = job.savedPostProperty().get().id();
        String title = job.postProperty().get().title();
        assertThat(robot.lookup("#desk-publish").queryButton().isDisabled()).isFalse();
        assertThat(robot.lookup("#desk-publish-why").queryAs(Label.class).getText()).isEmpty();

        robot.interact(() -> robot.lookup("#open-saved").queryAs(Hyperlink.class).fire());
        @SuppressWarnings("unchecked")
        ListView<LibraryPost> list = robot.lookup("#library-list").queryAs(ListView.class);
        waitFor(() -> list.getSelectionModel().getSelectedItem() != null);
        robot.clickOn("#library-publish");
        waitFor(() -> robot.lookup("#publish-dialog").tryQuery().isPresent());
        assertThat(onFx(() -> robot.lookup("#publish-site").query().isFocused())).isTrue();
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE); // Esc closes the card, and only the card
        waitFor(() -> robot.lookup("#publish-dialog").tryQuery().isEmpty());
        assertThat(desktop.window().page()).isEqualTo(MainWindow.Page.LIBRARY);
        robot.clickOn("#library-publish");
        waitFor(() -> robot.lookup("#publish-dialog").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ComboBox<Site> site = robot.lookup("#publish-site").queryAs(ComboBox.class);
        waitFor(() -> site.getValue() != null && robot.lookup("#publish-happening").queryAs(Label.class).getText()
                .equals("Creates a new post on Test blog."));
        assertThat(robot.lookup("#publish-heading").queryAs(Label.class).getText()).isEqualTo("Publish “" + title + "”");

        robot.clickOn("#publish-status-publish");
        assertThat(robot.lookup("#publish-status-publish").queryAs(RadioButton.class).isSelected()).isTrue();
        robot.clickOn("#publish-categories").write("Bread, Baking");
        robot.clickOn("#publish-send");
        waitFor(() -> robot.lookup("#publish-dialog").tryQuery().isEmpty());
        waitFor(() -> robot.lookup("#toast-message").tryQueryAs(Label.class)
                .filter(l -> l.getText().equals("“" + title + "” is in the outbox: it goes to Test blog to go live now."))
                .isPresent());
        robot.interact(() -> robot.lookup("#toast-action").queryButton().fire());
        assertThat(desktop.window().page()).isEqualTo(MainWindow.Page.OUTBOX);
        assertThat(robot.lookup("#nav-outbox").queryAs(ToggleButton.class).isSelected()).isTrue();

        waitFor(() -> onFx(() -> desktop.outbox().entries().stream()
                .anyMatch(e -> e.kind() == OutboxEntry.Kind.PUBLISHED && e.link() != null)));
        OutboxEntry row = onFx(() -> desktop.outbox().entries().getFirst());
        assertThat(row.postTitle()).isEqualTo(title);
        assertThat(row.request().categories()).containsExactly("Bread", "Baking");
        waitFor(() -> robot.lookup("#outbox-link").tryQueryAs(Hyperlink.class)
                .filter(l -> l.getText().equals(row.link())).isPresent());
        assertThat(onFx(() -> desktop.outbox().waitingProperty().get())).isZero(); // the header's count is gone
        robot.clickOn("#outbox-link");
        waitFor(() -> opened.contains(row.link()));

        // The site has it: one post with Postwright's marker, published, at that link.
        assertThat(TestWordPress.postsCarrying(postId)).isEqualTo(1);
        var page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(row.link())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(title);
    }
}
