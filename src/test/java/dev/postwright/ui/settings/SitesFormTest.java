package dev.postwright.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.publish.wordpress.ApprovalListener;
import dev.postwright.publish.wordpress.Site;
import dev.postwright.publish.wordpress.TestWordPress;
import dev.postwright.publish.wordpress.WordPressBrowser;
import dev.postwright.settings.PrivateFileSecrets;
import dev.postwright.settings.SiteBook;
import dev.postwright.testing.ManualFrames;
import dev.postwright.ui.fx.FxTasks;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Sites card's model with a real SiteBook and key file in a temporary folder, against the real test WordPress. */
class SitesFormTest {
    @TempDir Path dir;
    final ManualFrames frames = new ManualFrames();
    final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    /** The pages the form opened in "the browser". */
    final LinkedBlockingQueue<URI> opened = new LinkedBlockingQueue<>();
    Properties wordpress;
    PrivateFileSecrets secrets;
    SiteBook book;
    SitesForm form;

    @BeforeEach
    void open() throws Exception {
        wordpress = TestWordPress.site();
        secrets = new PrivateFileSecrets(dir.resolve("config"));
        book = new SiteBook(dir.resolve("config"), secrets);
        form = form();
    }

    @AfterEach
    void close() {
        if (form.editorProperty().get() != null) form.closeEditor();
        background.close();
    }

    private SitesForm form() {
        return new SitesForm(new SiteServices(book, HttpClient.newHttpClient(), opened::add, new SecureRandom(),
                Duration.ofMinutes(10)), new FxTasks(background, frames));
    }

    private URI siteUrl() {
        return URI.create(wordpress.getProperty("url"));
    }

    private SiteEditor typeAdminSite(String name) {
        form.add();
        SiteEditor editor = form.editorProperty().get();
        editor.name.set(name);
        editor.address.set(wordpress.getProperty("url"));
        editor.user.set(wordpress.getProperty("user"));
        editor.password.set(wordpress.getProperty("applicationPassword"));
        return editor;
    }

    private void saveAndWait(String name) throws InterruptedException {
        form.save();
        frames.runUntil(() -> form.statusProperty().get().startsWith("Saved \"" + name + "\"")
                && form.sites().stream().anyMatch(s -> s.name().equals(name)));
    }

    @Test
    void aSiteIsAddedTestedAndSavedWithItsPasswordInTheKeyStoreOnly() throws Exception {
        SiteEditor editor = typeAdminSite("Company blog");
        editor.testConnection();
        assertThat(editor.checkProperty().get()).isEqualTo(SiteEditor.Check.RUNNING);
        frames.runUntil(() -> editor.checkProperty().get() != SiteEditor.Check.RUNNING);
        assertThat(editor.checkProperty().get()).isEqualTo(SiteEditor.Check.CONNECTED);
        assertThat(editor.checkWordsProperty().get()).startsWith("Connected to \"Postwright Test Site\"")
                .contains("as Ada Editor, who can publish.");

        saveAndWait("Company blog");
        assertThat(form.editorProperty().get()).isNull();
        assertThat(form.statusProperty().get()).isEqualTo("Saved \"Company blog\". Its application password is kept in "
                + secrets.description() + ", never in the sites file.");
        assertThat(form.sites()).containsExactly(new Site("Company blog", siteUrl(), wordpress.getProperty("user")));
        String file = Files.readString(dir.resolve("config").resolve(SiteBook.NAME));
        assertThat(file).contains("Company blog", wordpress.getProperty("user"))
                .doesNotContain(wordpress.getProperty("applicationPassword"))
                .doesNotContain(wordpress.getProperty("applicationPassword").replace(" ", ""));
        assertThat(new PrivateFileSecrets(dir.resolve("config")).read(SiteBook.passwordName("Company blog")))
                .contains(wordpress.getProperty("applicationPassword"));
    }

    @Test
    void anEditWithABlankPasswordKeepsTheStoredOneAlsoAcrossARename() throws Exception {
        typeAdminSite("Company blog");
        saveAndWait("Company blog");

        form.edit(form.sites().getFirst());
        SiteEditor editor = form.editorProperty().get();
        assertThat(editor.password.get()).isEmpty();
        assertThat(editor.name.get()).isEqualTo("Company blog");
        editor.testConnection(); // with the stored password
        frames.runUntil(() -> editor.checkProperty().get() != SiteEditor.Check.RUNNING);
        assertThat(editor.checkProperty().get()).isEqualTo(SiteEditor.Check.CONNECTED);

        editor.name.set("News");
        saveAndWait("News");
        assertThat(form.statusProperty().get()).startsWith("Saved \"News\". Its application password is unchanged, in ");
        assertThat(form.sites()).extracting(Site::name).containsExactly("News");
        assertThat(book.password("News")).contains(wordpress.getProperty("applicationPassword"));
        assertThat(book.password("Company blog")).isEmpty();
    }

    @Test
    void removeAsksFirstAndThenForgetsTheSiteAndItsPassword() throws Exception {
        typeAdminSite("Company blog");
        saveAndWait("Company blog");
        Site site = form.sites().getFirst();

        form.askToRemove(site);
        assertThat(form.removingProperty().get()).isEqualTo(site);
        form.keep();
        assertThat(form.removingProperty().get()).isNull();
        assertThat(book.list()).containsExactly(site);

        form.askToRemove(site);
        form.remove();
        frames.runUntil(() -> form.sites().isEmpty());
        assertThat(form.statusProperty().get()).isEqualTo("Removed \"Company blog\" and its application password.");
        assertThat(book.list()).isEmpty();
        assertThat(book.password("Company blog")).isEmpty();
    }

    @Test
    void eachFieldsProblemIsShownInWordsOnceTypedOrWhenSaving() throws Exception {
        typeAdminSite("Company blog");
        saveAndWait("Company blog");
        form.add();
        SiteEditor editor = form.editorProperty().get();
        assertThat(editor.nameProblem().get()).as("nothing typed yet").isEmpty();

        editor.address.set("ftp://example.com");
        assertThat(editor.addressProblem().get()).startsWith("The address must start with https://");
        assertThat(editor.nameProblem().get()).isEmpty();
        form.save();
        assertThat(form.statusProperty().get()).isEqualTo("Correct the fields marked above, then save.");
        assertThat(editor.nameProblem().get()).isEqualTo("Give the site a name, such as \"Company blog\".");
        assertThat(editor.userProblem().get()).isEqualTo("Enter the WordPress user name you log in with.");
        assertThat(editor.passwordProblem().get()).isEqualTo("Use Connect with WordPress, or paste an application "
                + "password.");

        editor.name.set("company BLOG");
        assertThat(editor.nameProblem().get()).isEqualTo("You have a site called \"company BLOG\" already; give this "
                + "one another name.");
        editor.name.set("x".repeat(SiteBook.MAX_NAME + 1));
        assertThat(editor.nameProblem().get()).isEqualTo("Keep the site's name to 80 characters.");
        editor.address.set("https://example.com/?p=1");
        assertThat(editor.addressProblem().get()).startsWith("Enter the site's address without ? or # parts");
        assertThat(book.list()).extracting(Site::name).containsExactly("Company blog");
    }

    @Test
    void aWrongPasswordIsAWarningThatNeverHoldsIt() throws Exception {
        SiteEditor editor = typeAdminSite("Company blog");
        editor.password.set("abcd efgh ijkl mnop qrst uvwx");
        editor.testConnection();
        frames.runUntil(() -> editor.checkProperty().get() != SiteEditor.Check.RUNNING);
        assertThat(editor.checkProperty().get()).isEqualTo(SiteEditor.Check.WARNING);
        assertThat(editor.checkWordsProperty().get()).startsWith("The password was sent, but the site answered as if "
                + "it was not").doesNotContain("abcd");
    }

    @Test
    void aTestOfASiteThatNeverAnswersCanBeCancelledAndANewOneRuns() throws Exception {
        try (var silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) { // accepts, never answers
            SiteEditor editor = typeAdminSite("Silent");
            editor.address.set("http://127.0.0.1:" + silent.getLocalPort() + "/");
            editor.testConnection();
            assertThat(editor.checkProperty().get()).isEqualTo(SiteEditor.Check.RUNNING);
            editor.cancelTest();
            assertThat(editor.checkProperty().get()).isEqualTo(SiteEditor.Check.NONE);
            assertThat(editor.checkWordsProperty().get()).isEqualTo("Test cancelled.");

            editor.address.set(wordpress.getProperty("url"));
            editor.testConnection();
            frames.runUntil(() -> editor.checkProperty().get() == SiteEditor.Check.CONNECTED);
            frames.runDue(); // the cancelled test's answer, if it came, changes nothing
            assertThat(editor.checkProperty().get()).isEqualTo(SiteEditor.Check.CONNECTED);
        }
    }

    @Test
    void connectWithWordPressFillsTheUserAndANewPasswordAndTestsThem() throws Exception {
        form.add();
        SiteEditor editor = form.editorProperty().get();
        editor.name.set("Company blog");
        editor.address.set(wordpress.getProperty("url"));
        editor.connectWithWordPress();
        frames.runUntil(() -> !opened.isEmpty());
        URI page = opened.take();
        assertThat(page.toString()).startsWith(new Site("x", siteUrl(), "u").address() + "wp-admin/authorize-application.php?app_name=Postwright")
                .contains("app_id=" + ApprovalListener.APP_ID, "success_url=http%3A%2F%2F127.0.0.1%3A");
        assertThat(editor.waitingProperty().get()).isTrue();
        assertThat(editor.approvalWordsProperty().get()).contains("The URL must be served over a secure connection");

        var landed = new WordPressBrowser(siteUrl()).logIn("contributor", "contributor-pass")
                .press(page, WordPressBrowser.Button.APPROVE);
        assertThat(landed.body()).contains("Postwright has the password");

        frames.runUntil(() -> editor.checkProperty().get() == SiteEditor.Check.CONNECTED);
        assertThat(editor.user.get()).isEqualTo("contributor");
        assertThat(editor.password.get()).isNotBlank();
        assertThat(editor.waitingProperty().get()).isFalse();
        assertThat(editor.approvalWordsProperty().get()).isEqualTo("WordPress approved Postwright for contributor. "
                + "Save the site to keep its new password.");
        assertThat(editor.checkWordsProperty().get()).contains("as Cora Contributor, who can write drafts but not "
                + "publish.");
        String password = editor.password.get();
        saveAndWait("Company blog");
        assertThat(book.password("Company blog")).contains(password);
        assertThat(Files.readString(dir.resolve("config").resolve(SiteBook.NAME))).doesNotContain(password);
    }

    @Test
    void aRejectionInWordPressChangesNothingAndTheOtherWayOpensThePastePage() throws Exception {
        form.add();
        SiteEditor editor = form.editorProperty().get();
        editor.address.set(wordpress.getProperty("url"));
        editor.connectWithWordPress();
        frames.runUntil(() -> !opened.isEmpty());
        new WordPressBrowser(siteUrl()).logIn("contributor", "contributor-pass")
                .press(opened.take(), WordPressBrowser.Button.REJECT);
        frames.runUntil(() -> !editor.waitingProperty().get());
        assertThat(editor.approvalWordsProperty().get()).isEqualTo("You did not approve Postwright in WordPress; "
                + "nothing was changed.");
        assertThat(editor.password.get()).isEmpty();

        editor.approveThenPaste();
        assertThat(opened.poll(1, TimeUnit.SECONDS)).isEqualTo(ApprovalListener.pasteUrl(siteUrl()));
        assertThat(editor.approvalWordsProperty().get()).contains("WordPress then shows a new application password");
    }

    @Test
    void aDamagedSitesFileIsReported() throws Exception {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config").resolve(SiteBook.NAME), "{not json");
        var reopened = form();
        frames.runUntil(() -> !reopened.fileProblemProperty().get().isEmpty());
        assertThat(reopened.fileProblemProperty().get()).startsWith("Your list of sites was damaged")
                .contains("sites.json.damaged");
        assertThat(reopened.sites()).isEmpty();
    }
}
