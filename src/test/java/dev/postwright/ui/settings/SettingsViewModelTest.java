package dev.postwright.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.engine.JobRouter;
import dev.postwright.engine.LocalEngine;
import dev.postwright.engine.RemoteResults;
import dev.postwright.engine.SelectedImageMaker;
import dev.postwright.engine.SelectedWriter;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.llm.openai.ModelCatalog;
import dev.postwright.model.FieldProblem;
import dev.postwright.queue.QueueSettings;
import dev.postwright.remote.TeamRuntime;
import dev.postwright.render.Theme;
import dev.postwright.server.JobApiServer;
import dev.postwright.server.ServeSettings;
import dev.postwright.server.Tokens;
import dev.postwright.settings.ImageChoice;
import dev.postwright.settings.ModelChoice;
import dev.postwright.settings.PrivateFileSecrets;
import dev.postwright.settings.Settings;
import dev.postwright.settings.SettingsFile;
import dev.postwright.store.Database;
import dev.postwright.store.OrganizationProfiles;
import dev.postwright.testing.Briefs;
import dev.postwright.testing.ManualFrames;
import dev.postwright.ui.parts.CtaRow;
import dev.postwright.ui.shell.JobsSwitch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.beans.property.SimpleObjectProperty;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings form with a real settings file, key file, database and a model server on loopback. */
class SettingsViewModelTest {
    @TempDir Path dir;
    final ManualFrames frames = new ManualFrames();
    final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    final MockWebServer server = new MockWebServer();
    final OkHttpClient client = new OkHttpClient();
    final TeamRuntime runtime = TeamRuntime.daemon();
    final SimpleObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    Database db;
    SelectedWriter writer;
    SelectedImageMaker imageMaker;
    SettingsFile file;
    LocalEngine local;
    JobRouter jobs;
    JobsSwitch place;

    @BeforeEach
    void open() throws Exception {
        server.start();
        db = Database.open(dir.resolve("p.db"));
        writer = new SelectedWriter(() -> client);
        imageMaker = new SelectedImageMaker(() -> client);
        file = new SettingsFile(dir.resolve("config"));
        local = LocalEngine.open(dir.resolve("local"), new OfflineWriter(), QueueSettings.DEFAULTS, Clock.systemUTC());
        jobs = new JobRouter(local.jobs(), new RemoteResults(local.library(), local.images(), "local"), () -> client,
                dir.resolve("remote-jobs"), runtime);
        place = new JobsSwitch(jobs, frames);
    }

    @AfterEach
    void close() throws Exception {
        background.close();
        jobs.close();
        runtime.close();
        local.close();
        db.close();
        server.close();
        client.dispatcher().executorService().shutdown();
    }

    private SettingsViewModel form(Settings current) {
        return new SettingsViewModel(new SettingsServices(file, new PrivateFileSecrets(dir.resolve("config")),
                new OrganizationProfiles(db, Clock.systemUTC()), new ModelCatalog(() -> client), writer, imageMaker, place, "local"), current,
                theme, dir, current.workers(), frames, background);
    }

    private static String models() {
        return "{\"object\": \"list\", \"data\": [{\"id\": \"llama3.1:8b\", \"object\": \"model\"}, "
                + "{\"id\": \"qwen2.5:7b\", \"object\": \"model\"}]}";
    }

    @Test
    void aServerIsChosenFromItsModelListAndItsKeyIsKeptOutOfTheSettingsFile() throws Exception {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json").body(models()).build());
        var form = form(Settings.DEFAULTS);
        String url = server.url("/v1").toString();
        form.whoWrites.set(WhoWrites.SERVER);
        form.modelServer.serverUrl.set(url);
        form.modelServer.apiKey.set("sk-test-123");
        form.modelServer.loadModels();
        frames.runUntil(() -> form.modelServer.models().size() == 2);
        assertThat(form.modelServer.model.get()).isEqualTo("llama3.1:8b");
        assertThat(form.messageProperty().get()).startsWith("Found 2 models at ");
        RecordedRequest asked = server.takeRequest();
        assertThat(asked.getHeaders().get("Authorization")).isEqualTo("Bearer sk-test-123");

        form.modelServer.model.set("qwen2.5:7b");
        form.general.workers.set(4);
        form.general.dark.set(true);
        form.save();
        frames.runUntil(() -> form.messageProperty().get().startsWith("Settings saved."));
        assertThat(form.messageProperty().get()).isEqualTo("Settings saved. Restart Postwright to use the number of "
                + "jobs at once.");
        assertThat(theme.get()).isEqualTo(Theme.DARK);
        assertThat(writer.get().model()).isEqualTo("qwen2.5:7b");
        assertThat(form.writerNameProperty().get()).isEqualTo("Writing with qwen2.5:7b");
        assertThat(form.modelServer.apiKey.get()).isEmpty();
        assertThat(form.modelServer.keyStatusProperty().get()).startsWith("A key for this server is kept in");

        var reloaded = file.load().settings();
        assertThat(reloaded.model()).isEqualTo(ModelChoice.server(url, "qwen2.5:7b"));
        assertThat(reloaded.workers()).isEqualTo(4);
        assertThat(Files.readString(file.path())).doesNotContain("sk-test-123");
        assertThat(new PrivateFileSecrets(dir.resolve("config")).read(ModelChoice.server(url, null).baseUrl()))
                .contains("sk-test-123");

        // An edit after the save makes "Settings saved." untrue: it says so until the next save.
        frames.runDue();
        assertThat(form.messageProperty().get()).startsWith("Settings saved.");
        form.general.dark.set(false);
        assertThat(form.messageProperty().get()).isEqualTo("Changes not saved yet.");
        form.save();
        frames.runUntil(() -> form.messageProperty().get().startsWith("Settings saved."));
        assertThat(theme.get()).isEqualTo(Theme.LIGHT);
    }

    @Test
    void anImageServerIsSavedWithItsKeyInTheKeyStoreAndNewImagesAreMadeThere() throws Exception {
        var form = form(Settings.DEFAULTS);
        assertThat(imageMaker.get().source()).isEqualTo("offline");
        form.images.useServer.set(true);
        form.images.serverUrl.set("http://127.0.0.1:8080/");
        form.images.model.set("sd-turbo");
        form.images.size.set("huge");
        assertThat(form.problems().get()).extracting(FieldProblem::field).containsExactly("imageSize");
        form.images.size.set("8000x8000");
        assertThat(form.problems().get()).extracting(FieldProblem::field).containsExactly("imageSize");
        form.images.size.set("512x512");
        form.images.apiKey.set("sk-image-456");
        form.save();
        frames.runUntil(() -> form.messageProperty().get().startsWith("Settings saved."));

        assertThat(imageMaker.get().source()).isEqualTo("sd-turbo");
        assertThat(imageMaker.get().defaultSize()).hasToString("512x512");
        assertThat(form.images.apiKey.get()).isEmpty();
        var reloaded = file.load().settings();
        assertThat(reloaded.images()).isEqualTo(new ImageChoice("http://127.0.0.1:8080", "sd-turbo", "512x512"));
        assertThat(Files.readString(file.path())).doesNotContain("sk-image-456");
        assertThat(new PrivateFileSecrets(dir.resolve("config")).read(ImageChoice.keyName("http://127.0.0.1:8080")))
                .contains("sk-image-456");

        form.images.useServer.set(false);
        form.save();
        frames.runUntil(() -> imageMaker.get().source().equals("offline"));
        assertThat(file.load().settings().images().isOffline()).isTrue();
    }

    @Test
    void anUnreachableServerIsExplainedAndNothingChanges() throws Exception {
        var form = form(Settings.DEFAULTS);
        form.whoWrites.set(WhoWrites.SERVER);
        form.modelServer.serverUrl.set("http://127.0.0.1:9/v1"); // the discard port: nothing listens
        form.modelServer.loadModels();
        frames.runUntil(() -> !form.busyProperty().get() && !form.messageProperty().get().startsWith("Asking"));
        assertThat(form.messageProperty().get()).contains("127.0.0.1:9");
        assertThat(form.modelServer.models()).isEmpty();
        assertThat(writer.get()).isInstanceOf(OfflineWriter.class);
    }

    @Test
    void problemsNameEachBadFieldAndBlockSaving() throws Exception {
        var form = form(Settings.DEFAULTS);
        form.whoWrites.set(WhoWrites.SERVER);
        form.modelServer.serverUrl.set("localhost:11434");
        form.general.dataDir.set("relative/folder");
        var cta = new CtaRow();
        cta.href.set("contact-us");
        form.profile.ctas.add(cta);
        form.profile.links.add(new LinkRow());
        assertThat(form.problems().get()).extracting(FieldProblem::field)
                .containsExactly("serverUrl", "dataDir", "ctas[0].text", "ctas[0].href", "links[0].title", "links[0].url");
        form.save();
        assertThat(form.messageProperty().get()).startsWith("The server address must start with http://");
        assertThat(file.path()).doesNotExist();
    }

    @Test
    void aProfileCtaLinkThatBreaksOutIsRefusedAsInABrief() throws Exception {
        var form = form(Settings.DEFAULTS);
        var cta = new CtaRow();
        cta.text.set("Get the kit");
        cta.href.set("https://ok.example/kit) [pwn](javascript:alert(9)");
        form.profile.ctas.add(cta);
        assertThat(form.problems().get()).containsExactly(new FieldProblem("ctas[0].href", "The link of call to action 1 "
                + "must be one web address, like https://example.com/page, with no spaces, quotes or square brackets in it."));
    }

    @Test
    void theProfileIsSavedAndReadBack() throws Exception {
        var form = form(Settings.DEFAULTS);
        frames.runUntil(() -> true);
        form.profile.organizationName.set("Crumb & Co");
        form.profile.brandVoice.set("warm, plain");
        var link = new LinkRow();
        link.title.set("Starter guide");
        link.url.set("https://crumb.example/starter");
        link.keywords.set("starter, levain");
        form.profile.links.add(link);
        form.profile.brandColor.set("teal");
        assertThat(form.problems().get()).extracting(FieldProblem::message)
                .containsExactly("Write the brand colour as #rrggbb, like #1d3557.");
        form.profile.brandColor.set("#2a9d8f");
        form.profile.accentColor.set("#e9c46a");
        form.save();
        frames.runUntil(() -> form.messageProperty().get().startsWith("Settings saved."));
        var again = form(file.load().settings());
        frames.runUntil(() -> again.profile.links.size() == 1);
        assertThat(again.profile.organizationName.get()).isEqualTo("Crumb & Co");
        assertThat(again.profile.brandColor.get()).isEqualTo("#2a9d8f");
        assertThat(again.profile.accentColor.get()).isEqualTo("#e9c46a");
        assertThat(again.profile.links.getFirst().keywords.get()).isEqualTo("starter, levain");
        assertThat(again.whoWrites.get()).isEqualTo(WhoWrites.OFFLINE);
    }

    @Test
    void aTeamServerIsTestedThenSavedWithItsTokenInTheKeyStoreAndNewJobsGoThere() throws Exception {
        var tokens = new Tokens("a test secret that is long enough for HS256".getBytes(StandardCharsets.UTF_8),
                Clock.systemUTC());
        try (var team = LocalEngine.open(dir.resolve("team"), new OfflineWriter(), QueueSettings.DEFAULTS, Clock.systemUTC());
             var api = new JobApiServer(team.jobs(), team.library(), team.images(), tokens, ServeSettings.DEFAULTS.withPort(0))) {
            team.jobs().start();
            api.start();
            var form = form(Settings.DEFAULTS);
            form.team.useTeamServer.set(true);
            form.team.url.set("not a url");
            assertThat(form.problems().get()).extracting(p -> p.field()).containsExactly("teamServer");
            form.team.url.set(api.baseUrl() + "/");
            form.team.token.set("wrong");
            form.team.testConnection();
            frames.runUntil(() -> form.team.statusProperty().get().contains("refused the token"));

            String token = tokens.issue("maria", Duration.ofHours(1));
            form.team.token.set(token);
            form.team.testConnection();
            frames.runUntil(() -> form.team.statusProperty().get().startsWith("Connected to 127.0.0.1"));
            form.save();
            frames.runUntil(() -> form.messageProperty().get().startsWith("Settings saved"));
            frames.runUntil(() -> place.placeProperty().get().equals("Team server 127.0.0.1 · connected"));

            assertThat(file.load().settings().teamServer()).isEqualTo(api.baseUrl());
            assertThat(Files.readString(dir.resolve("config").resolve(SettingsFile.NAME))).doesNotContain(token);
            assertThat(new PrivateFileSecrets(dir.resolve("config")).read(Settings.teamTokenName(api.baseUrl())))
                    .contains(token);
            assertThat(form.team.token.get()).isEmpty();
            String id = jobs.enqueue(Briefs.brief("On the team server"), null);
            assertThat(team.jobs().status(id).orElseThrow().owner()).isEqualTo("maria");
            assertThat(jobs.list(5)).extracting(s -> s.jobId()).containsExactly(id);

            form.team.useTeamServer.set(false);
            form.save();
            frames.runUntil(() -> place.placeProperty().get().equals("Jobs run on this computer"));
            String localId = jobs.enqueue(Briefs.brief("Back home"), null);
            assertThat(local.jobs().status(localId)).isPresent();
            assertThat(file.load().settings().teamServer()).isNull();
        }
    }
}
