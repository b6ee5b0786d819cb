package dev.postwright.ui.shell;

import dev.postwright.engine.JobRouter;
import dev.postwright.engine.LocalEngine;
import dev.postwright.engine.SelectedImageMaker;
import dev.postwright.engine.SelectedSeoChecks;
import dev.postwright.engine.SelectedWriter;
import dev.postwright.llm.openai.HttpClients;
import dev.postwright.model.OrganizationProfile;
import dev.postwright.queue.QueueSettings;
import dev.postwright.remote.ConnectionMonitor;
import dev.postwright.remote.Dialect;
import dev.postwright.remote.RemoteEngine;
import dev.postwright.remote.RemoteServer;
import dev.postwright.remote.TeamRuntime;
import dev.postwright.settings.ImageChoice;
import dev.postwright.settings.SecretStore;
import dev.postwright.settings.SiteBook;
import dev.postwright.settings.SecretStores;
import dev.postwright.settings.Settings;
import dev.postwright.settings.SettingsFile;
import dev.postwright.store.DataDirectory;
import dev.postwright.store.DatabaseUnavailableException;
import dev.postwright.store.OrganizationProfiles;
import dev.postwright.ui.desk.BriefViewModel;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Everything the window needs that is not the window: the settings, the key store, the writer
 * they name, and the local engine with its workers running. None of it touches JavaFX, so
 * {@link #begin} can run it while the toolkit starts.
 *
 * @param engine   null when the library could not be opened; {@code problem} says why
 * @param firstRun nothing has been generated or saved yet (the sample brief is offered)
 * @param team     a client for the team server the settings name (no network used yet), or null
 * @param teamRuntime the team-server clients' clock, timers and delivery threads (stopped by the app)
 */
record Startup(Path configDir, Settings settings, String settingsProblem, Path dataDir, SecretStore secrets,
               SelectedWriter writer, SelectedImageMaker imageMaker, SelectedSeoChecks seoChecks, LocalEngine engine, String problem, boolean firstRun,
               Team team, TeamRuntime teamRuntime) {
    /** The team server new jobs go to from the first frame on. */
    record Team(RemoteEngine engine, String host) {}

    /** Where the ids of the jobs created on each team server are remembered. */
    static Path remoteJobLists(Path dataDir) {
        return dataDir.resolve("remote-jobs");
    }

    private static final System.Logger LOG = System.getLogger(Startup.class.getName());
    /** Deleted posts stay restorable (Undo) for this long, then are removed at a start. */
    private static final Duration KEEP_DELETED = Duration.ofDays(1);

    /** Starts {@link #prepare} on its own thread. */
    static CompletableFuture<Startup> begin(Path configDir, Path dataDirOverride) {
        var result = new CompletableFuture<Startup>();
        Thread.ofPlatform().name("postwright-startup").start(() -> {
            try {
                result.complete(prepare(configDir, dataDirOverride));
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /**
     * @param dataDirOverride the folder named on the command line, or null for the settings' choice
     *                        (else the platform's usual place)
     */
    static Startup prepare(Path configDir, Path dataDirOverride) {
        var loaded = new SettingsFile(configDir).load();
        Settings settings = loaded.settings();
        Path dataDir = dataDirOverride != null ? dataDirOverride
                : settings.dataDir() != null ? settings.dataDir() : DataDirectory.defaultLocation();
        SecretStore secrets = SecretStores.forThisComputer(configDir);
        var writer = new SelectedWriter(HttpClients::shared);
        writer.select(settings.model(), storedKey(settings, secrets));
        var imageMaker = new SelectedImageMaker(HttpClients::shared);
        imageMaker.select(settings.images(), settings.images().isOffline() ? null
                : stored(secrets, ImageChoice.keyName(settings.images().baseUrl())));
        var seoChecks = new SelectedSeoChecks();
        seoChecks.select(settings.seoChecksOff());
        var teamRuntime = TeamRuntime.daemon();
        // The team client is made before the database opens (it works without one); a Blog SDK brief
        // takes its organization's voice and pages from the profiles once they are there.
        var profiles = new AtomicReference<OrganizationProfiles>();
        Team team = team(settings, secrets, dataDir, teamRuntime, id -> Optional.ofNullable(profiles.get())
                .flatMap(p -> p.find(id)));
        try {
            var publishing = new LocalEngine.Publishing(new SiteBook(configDir, secrets), LocalEngine.siteClient());
            var engine = LocalEngine.open(dataDir, writer, imageMaker, seoChecks, publishing,
                    QueueSettings.DEFAULTS.withWorkers(settings.workers()), Clock.systemUTC());
            profiles.set(engine.profiles());
            int purged = engine.library().purgeDeletedBefore(Clock.systemUTC().instant().minus(KEEP_DELETED));
            if (purged > 0) LOG.log(Level.INFO, "Removed {0} posts deleted more than a day ago", purged);
            // Listing the images folder is not the window's business: it waits for nothing of it.
            Thread.ofVirtual().name("postwright-image-sweep").start(engine::removeUnusedImages);
            engine.jobs().start();
            boolean firstRun = engine.jobs().list(1).isEmpty()
                    && engine.library().count(BriefViewModel.ORGANIZATION) == 0;
            return new Startup(configDir, settings, loaded.problem(), dataDir, secrets, writer, imageMaker, seoChecks, engine, null,
                    firstRun,
                    team, teamRuntime);
        } catch (DatabaseUnavailableException e) {
            return new Startup(configDir, settings, loaded.problem(), dataDir, secrets, writer, imageMaker, seoChecks, null,
                    e.getMessage(),
                    false, team, teamRuntime);
        }
    }

    /** The team server's client, made here (OkHttp, its job list) so the FX thread never has to. */
    private static Team team(Settings settings, SecretStore secrets, Path dataDir, TeamRuntime runtime,
                             Function<String, Optional<OrganizationProfile>> profiles) {
        if (settings.teamServer() == null) return null;
        try {
            var server = new RemoteServer(settings.teamServer(), stored(secrets, Settings.teamTokenName(settings.teamServer())));
            return new Team(JobRouter.open(server, Dialect.of(settings.teamDialect()), HttpClients.shared(),
                    JobRouter.jobList(remoteJobLists(dataDir), server), runtime, new ConnectionMonitor(), profiles),
                    server.host());
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "The team server {0} cannot be used: {1}", settings.teamServer(), e.getMessage());
            return null;
        }
    }

    private static String storedKey(Settings settings, SecretStore secrets) {
        return !settings.model().isServer() ? null : stored(secrets, settings.model().baseUrl());
    }

    private static String stored(SecretStore secrets, String name) {
        try {
            return secrets.read(name).orElse(null);
        } catch (SecretStore.SecretStoreException e) {
            LOG.log(Level.WARNING, "A stored key could not be read: {0}", e.getMessage());
            return null;
        }
    }
}
