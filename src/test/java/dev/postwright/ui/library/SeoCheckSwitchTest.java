package dev.postwright.ui.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.engine.SelectedImageMaker;
import dev.postwright.engine.SelectedSeoChecks;
import dev.postwright.engine.SelectedWriter;
import dev.postwright.llm.openai.ModelCatalog;
import dev.postwright.model.BlogPost;
import dev.postwright.model.Embeds;
import dev.postwright.model.LibraryPost;
import dev.postwright.model.SeoAnalysis;
import dev.postwright.model.SeoAnalysis.Check;
import dev.postwright.remote.Connection;
import dev.postwright.remote.Dialect;
import dev.postwright.remote.RemoteServer;
import dev.postwright.render.Theme;
import dev.postwright.settings.PrivateFileSecrets;
import dev.postwright.settings.Settings;
import dev.postwright.settings.SettingsFile;
import dev.postwright.store.Database;
import dev.postwright.store.ImageStore;
import dev.postwright.store.OrganizationProfiles;
import dev.postwright.store.PostLibrary;
import dev.postwright.store.TimeOrderedIds;
import dev.postwright.testing.ManualFrames;
import dev.postwright.ui.settings.JobPlace;
import dev.postwright.ui.settings.SeoChecksForm;
import dev.postwright.ui.settings.SettingsServices;
import dev.postwright.ui.settings.SettingsViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.beans.property.SimpleObjectProperty;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Switching an SEO check off from the editor's panel and on again in Settings, as the window wires
 * them (one {@link SelectedSeoChecks} for jobs and the editor), on a real library and settings file.
 */
class SeoCheckSwitchTest {
    private static final String TEXT_LENGTH = "text-length";
    @TempDir Path dir;
    final ManualFrames frames = new ManualFrames();
    final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    final OkHttpClient client = new OkHttpClient();
    final SelectedSeoChecks checks = new SelectedSeoChecks();
    Database db;
    PostLibrary library;
    ImageStore images;
    SettingsFile file;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve("p.db"));
        library = new PostLibrary(db, Clock.systemUTC(), new TimeOrderedIds(Clock.systemUTC(), new Random(7)));
        images = new ImageStore(db, dir.resolve("images"), Clock.systemUTC(), new TimeOrderedIds(Clock.systemUTC(),
                new Random(8)));
        file = new SettingsFile(dir.resolve("config"));
        Files.createDirectories(dir.resolve("config"));
    }

    @AfterEach
    void close() {
        scheduler.shutdownNow();
        background.close();
        db.close();
        client.dispatcher().executorService().shutdown();
    }

    private SettingsViewModel settings(Settings current, Executor work) {
        checks.select(current.seoChecksOff()); // as Startup does
        return new SettingsViewModel(new SettingsServices(file, new PrivateFileSecrets(dir.resolve("config")),
                new OrganizationProfiles(db, Clock.systemUTC()), new ModelCatalog(() -> client),
                new SelectedWriter(() -> client), new SelectedImageMaker(() -> client), checks, new NoTeamServer(), "local"),
                current, new SimpleObjectProperty<>(Theme.LIGHT), dir, current.workers(), frames, work);
    }

    private PostEditorViewModel editor(SettingsViewModel settings) {
        return new PostEditorViewModel(library, images, new OrganizationProfiles(db, Clock.systemUTC()), checks,
                settings.seoCheckSwitch(), java.util.Optional::empty, frames, background, scheduler);
    }

    private LibraryPost shortPost() {
        var post = new BlogPost("Sourdough bread basics", null, "Sourdough bread needs flour, water and salt. It takes time.",
                "Sourdough bread made simple for home bakers.", List.of(), List.of(), null, List.of(), List.of(), null,
                null, Embeds.NONE);
        return library.save(new PostLibrary.NewPost(post, "local", "sourdough-bread", "sourdough bread", "draft", 10, null));
    }

    private static int seoScoreOf(List<Check> checks) {
        List<Check> seo = checks.stream().filter(c -> c.group().equals("seo")).toList();
        return (int) Math.max(0, Math.min(100, Math.round(seo.stream().mapToInt(Check::score).sum() / (seo.size() * 9.0) * 100)));
    }

    private static boolean has(SeoAnalysis seo, String id) {
        return seo.checks().stream().anyMatch(c -> c.id().equals(id));
    }

    private static SeoChecksForm.Row row(SettingsViewModel settings, String id) {
        return settings.seoChecks.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aCheckTurnedOffInThePanelLeavesTheScoreAndIsSavedAndSettingsTurnItOnAgain() throws Exception {
        var settings = settings(Settings.DEFAULTS.withSeoChecksOff(Set.of("a-check-of-a-later-version")), background);
        var editor = editor(settings);
        editor.open(shortPost());
        frames.runUntil(() -> editor.seoProperty().get() != null);
        SeoAnalysis all = editor.seoProperty().get();
        assertThat(all.checks()).filteredOn(c -> c.id().equals(TEXT_LENGTH)).singleElement()
                .satisfies(c -> assertThat(c.rating()).isEqualTo(SeoAnalysis.Rating.PROBLEM));
        assertThat(editor.canTurnOffChecks()).isTrue();
        assertThat(row(settings, TEXT_LENGTH).counted().get()).isTrue();

        editor.turnOffCheck(TEXT_LENGTH);
        assertThat(row(settings, TEXT_LENGTH).counted().get()).as("its box in Settings is unticked at once").isFalse();
        assertThat(checks.get().checks()).as("jobs that start now leave it out").noneMatch(c -> c.id().equals(TEXT_LENGTH));
        frames.runUntil(() -> !has(editor.seoProperty().get(), TEXT_LENGTH));
        SeoAnalysis without = editor.seoProperty().get();
        List<Check> rest = all.checks().stream().filter(c -> !c.id().equals(TEXT_LENGTH)).toList();
        assertThat(without.checks()).isEqualTo(rest);
        assertThat(without.overallScore()).isEqualTo(seoScoreOf(rest)).isGreaterThan(all.overallScore());
        frames.runUntil(() -> file.load().settings().seoChecksOff().contains(TEXT_LENGTH));
        assertThat(file.load().settings().seoChecksOff()).containsExactlyInAnyOrder(TEXT_LENGTH, "a-check-of-a-later-version");
        assertThat(settings.current().seoChecksOff()).as("what the window saves at close").contains(TEXT_LENGTH);

        row(settings, TEXT_LENGTH).counted().set(true);
        settings.save();
        frames.runUntil(() -> settings.messageProperty().get().startsWith("Settings saved.")
                && has(editor.seoProperty().get(), TEXT_LENGTH));
        assertThat(editor.seoProperty().get().overallScore()).isEqualTo(all.overallScore());
        assertThat(checks.get().checks()).anyMatch(c -> c.id().equals(TEXT_LENGTH));
        assertThat(file.load().settings().seoChecksOff()).as("an id of no check is kept, harmlessly")
                .containsExactly("a-check-of-a-later-version");
    }

    @Test
    void twoChecksTurnedOffQuicklyAreBothSavedWhicheverWriteRunsLast() throws Exception {
        List<Runnable> writes = new ArrayList<>();
        var settings = settings(Settings.DEFAULTS, writes::add);
        int atStart = writes.size(); // the profile form's loading
        settings.turnOffCheck(TEXT_LENGTH);
        settings.turnOffCheck("passive-voice");
        settings.turnOffCheck("passive-voice"); // already off: nothing more to write
        assertThat(writes).hasSize(atStart + 2);
        writes.subList(atStart, writes.size()).reversed().forEach(Runnable::run); // the second write first, as two threads may run them
        assertThat(file.load().settings().seoChecksOff()).containsExactlyInAnyOrder(TEXT_LENGTH, "passive-voice");
        assertThat(settings.seoChecks.offProperty().get()).containsExactlyInAnyOrder(TEXT_LENGTH, "passive-voice");
        assertThat(checks.get().checks()).hasSize(22);
    }

    @Test
    void aCheckTurnedOnAgainAtOnceCountsAgainAndIsSaved() throws Exception {
        var settings = settings(Settings.DEFAULTS, background);
        var editor = editor(settings);
        editor.open(shortPost());
        frames.runUntil(() -> editor.seoProperty().get() != null);
        SeoAnalysis all = editor.seoProperty().get();
        editor.turnOffCheck(TEXT_LENGTH);
        frames.runUntil(() -> !has(editor.seoProperty().get(), TEXT_LENGTH));
        settings.seoCheckSwitch().turnOn(TEXT_LENGTH); // the notice's Undo
        assertThat(row(settings, TEXT_LENGTH).counted().get()).isTrue();
        frames.runUntil(() -> editor.seoProperty().get().equals(all));
        frames.runUntil(() -> Files.exists(file.path()) && !file.load().settings().seoChecksOff().contains(TEXT_LENGTH));
        assertThat(file.load().settings().seoChecksOff()).isEmpty();
        assertThat(settings.current().seoChecksOff()).isEmpty();
    }

    @Test
    void anEditorWithoutASwitchScoresEveryCheckAndOffersNone() throws Exception {
        var editor = new PostEditorViewModel(library, images, new OrganizationProfiles(db, Clock.systemUTC()),
                dev.postwright.seo.SeoAnalyzer.standard(), frames, background, scheduler);
        editor.open(shortPost());
        frames.runUntil(() -> editor.seoProperty().get() != null);
        assertThat(editor.canTurnOffChecks()).isFalse();
        editor.turnOffCheck(TEXT_LENGTH);
        assertThat(has(editor.seoProperty().get(), TEXT_LENGTH)).isTrue();
    }

    /** Jobs run on this computer; the tests never change that. */
    private static final class NoTeamServer implements JobPlace {
        @Override
        public void runLocally() {}

        @Override
        public Connection runOn(RemoteServer server, Dialect dialect) {
            throw new AssertionError("no team server in these tests");
        }

        @Override
        public Connection check(RemoteServer server, Dialect dialect) {
            throw new AssertionError("no team server in these tests");
        }
    }
}
