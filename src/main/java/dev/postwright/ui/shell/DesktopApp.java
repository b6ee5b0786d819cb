package dev.postwright.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.postwright.engine.JobRouter;
import dev.postwright.engine.LibraryImageSources;
import dev.postwright.engine.LocalEngine;
import dev.postwright.engine.RemoteResults;
import dev.postwright.engine.StopSignals;
import dev.postwright.llm.builtin.download.CuratedModels;
import dev.postwright.llm.builtin.download.ModelDownload;
import dev.postwright.llm.builtin.download.ModelFolder;
import dev.postwright.llm.openai.HttpClients;
import dev.postwright.llm.openai.ModelCatalog;
import dev.postwright.render.PostRenderer;
import dev.postwright.render.Theme;
import dev.postwright.settings.ConfigDirectory;
import dev.postwright.settings.Settings;
import dev.postwright.settings.SettingsFile;
import dev.postwright.ui.desk.BriefViewModel;
import dev.postwright.ui.desk.DeskController;
import dev.postwright.ui.desk.DeskFixes;
import dev.postwright.ui.desk.DeskView;
import dev.postwright.ui.desk.JobsViewModel;
import dev.postwright.ui.desk.SampleBrief;
import dev.postwright.ui.desk.VisualsViewModel;
import dev.postwright.ui.fx.AfterFirstFrames;
import dev.postwright.ui.fx.FxTasks;
import dev.postwright.ui.fx.PulseFrames;
import dev.postwright.ui.library.LibraryView;
import dev.postwright.ui.library.LibraryViewModel;
import dev.postwright.ui.library.PostEditorViewModel;
import dev.postwright.ui.parts.FileDialogs;
import dev.postwright.ui.parts.NativeFileDialogs;
import dev.postwright.ui.parts.SeoCheckToasts;
import dev.postwright.ui.parts.SeoFixViewModel;
import dev.postwright.ui.parts.Toasts;
import dev.postwright.ui.parts.UiServices;
import dev.postwright.ui.publish.OutboxModel;
import dev.postwright.ui.publish.OutboxView;
import dev.postwright.ui.publish.Overlay;
import dev.postwright.ui.publish.PublishServices;
import dev.postwright.ui.publish.Publishing;
import dev.postwright.ui.settings.DownloadServices;
import dev.postwright.ui.settings.SettingsServices;
import dev.postwright.ui.settings.SettingsView;
import dev.postwright.ui.settings.SettingsViewModel;
import dev.postwright.ui.settings.SiteServices;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The desktop app. The {@link Startup} (settings, key store, writer, local engine) is prepared
 * off the FX thread, while the toolkit starts when launched from the command line;
 * {@link #start} builds the window where the writer left it. When the library cannot be opened,
 * the window is a card that says why.
 */
public final class DesktopApp extends Application {
    private static final System.Logger LOG = System.getLogger(DesktopApp.class.getName());
    /** Start-up begun by {@link #launchWith} before the toolkit; taken by {@link #init()}. */
    private static final AtomicReference<CompletableFuture<Startup>> EARLY = new AtomicReference<>();
    /** Set by {@link #launchWith}: quit once the window has painted and made its preview. */
    private static volatile boolean quitWhenShown;
    /** The window's icon in the sizes desktops ask for (rendered from assets/icon/postwright.svg). */
    private static final int[] ICON_SIZES = {16, 32, 48, 64, 128, 256};

    private Path configDir;
    private Path dataDir;
    private FileDialogs files;
    /** Opens links in the browser; null for the platform's {@code HostServices}. */
    private java.util.function.Consumer<String> openLink;
    private Startup startup;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final ExecutorService background = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("postwright-ui-work-", 1).factory());
    private final ExecutorService renderThread = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("postwright-preview-render").factory());
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("postwright-debounce").factory());
    private DeskController controller;
    private VisualsViewModel visuals;
    private MainWindow window;
    private SettingsViewModel settingsModel;
    private PostEditorViewModel editor;
    private OutboxModel outbox;
    private Publishing publishing;
    private JobRouter router;
    private Stage stage;

    /** Used by {@link Application#launch}. */
    public DesktopApp() {}

    /**
     * For tests, which start the application themselves.
     *
     * @param dataDir null to use the settings' folder or the platform's usual place
     * @param files   the file dialogs to use (tests answer them with paths)
     */
    public DesktopApp(Path configDir, Path dataDir, FileDialogs files) {
        this(configDir, dataDir, files, null);
    }

    /** As {@link #DesktopApp(Path, Path, FileDialogs)}, with links opened by {@code openLink} instead of the browser. */
    public DesktopApp(Path configDir, Path dataDir, FileDialogs files, java.util.function.Consumer<String> openLink) {
        this.configDir = configDir;
        this.dataDir = dataDir;
        this.files = files;
        this.openLink = openLink;
    }

    /**
     * Opens the window and blocks until it is closed; {@code dataDir} null for the settings'
     * choice. Settings and the library are opened while JavaFX starts, not after. With
     * {@code quitWhenShown} the app quits by itself a few frames after the first paint, once the
     * preview exists: the installer's training run for the AOT cache.
     */
    public static void launchWith(Path dataDir, boolean quitWhenShown) {
        DesktopApp.quitWhenShown = quitWhenShown;
        EARLY.set(Startup.begin(ConfigDirectory.defaultLocation(), dataDir));
        // SIGTERM (a logout, a service manager) and Ctrl+C close the window as its close button does:
        // the editor's text and the window's place are saved, running jobs go back to the queue.
        try (var signals = StopSignals.listen(Platform::exit)) {
            Application.launch(DesktopApp.class);
        }
    }

    @Override
    public void init() throws Exception {
        var early = EARLY.getAndSet(null);
        startup = early != null ? early.get()
                : Startup.prepare(configDir != null ? configDir : ConfigDirectory.defaultLocation(), dataDir);
        configDir = startup.configDir();
        dataDir = startup.dataDir();
        theme.set(startup.settings().theme());
    }

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        if (files == null) files = new NativeFileDialogs(() -> stage);
        applyTheme(theme.get());
        theme.addListener((o, was, now) -> applyTheme(now));
        Parent root = startup.problem() == null ? mainWindow() : ProblemCard.of(startup.problem());
        var scene = new Scene(root, 1280, 820);
        scene.getStylesheets().add(Objects.requireNonNull(getClass().getResource("shell.css")).toExternalForm());
        scene.getStylesheets().add(Objects.requireNonNull(DeskView.class.getResource("desk.css")).toExternalForm());
        scene.getStylesheets().add(Objects.requireNonNull(Publishing.class.getResource("publish.css")).toExternalForm());
        stage.setTitle("Postwright");
        for (int size : ICON_SIZES)
            stage.getIcons().add(new Image(Objects.requireNonNull(getClass().getResource("icons/postwright-" + size + ".png")).toExternalForm()));
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setScene(scene);
        WindowPlacement.restore(stage, startup.settings().window());
        stage.show();
        AfterFirstFrames.whenShown(root, AfterFirstFrames.PAINTED, () -> LOG.log(Level.INFO, "Postwright window shown {0} ms after the JVM "
                + "started", ManagementFactory.getRuntimeMXBean().getUptime()));
        // The preview's WebView is made at PAINTED + 1; two more frames and it has started up.
        if (quitWhenShown) AfterFirstFrames.whenShown(root, AfterFirstFrames.PAINTED + 3, Platform::exit);
    }

    /** The desk's controller (tests drive the app through it and its views). */
    public DeskController controller() {
        return controller;
    }

    /** This computer's engine, or null when the library could not be opened (tests). */
    public dev.postwright.engine.LocalEngine engine() {
        return startup.engine();
    }

    /** The main window, or null when the library could not be opened (tests). */
    public MainWindow window() {
        return window;
    }

    /** The Visuals panel's pictures (tests). */
    public VisualsViewModel visuals() {
        return visuals;
    }

    public PostEditorViewModel editor() {
        return editor;
    }

    /** The outbox's rows (tests). */
    public OutboxModel outbox() {
        return outbox;
    }

    /** The curated models, downloaded into the data folder from Hugging Face or the mirror the environment names. */
    private DownloadServices modelDownloads() {
        var folder = new ModelFolder(startup.dataDir());
        Optional<URI> mirror = Optional.empty();
        try {
            mirror = ModelDownload.mirror(System.getenv(ModelDownload.MIRROR_ENV));
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "{0}: {1}", ModelDownload.MIRROR_ENV, e.getMessage());
        }
        return new DownloadServices(CuratedModels.all(), new ModelDownload(HttpClients.shared(), folder, mirror,
                System::nanoTime, ModelDownload.FreeSpace.fileStore()), folder);
    }

    private Parent mainWindow() {
        var frames = new PulseFrames();
        var toasts = new Toasts();
        LocalEngine engine = startup.engine();
        var ui = new UiServices(frames, background, renderThread, new PostRenderer(new LibraryImageSources(engine.images())),
                theme, openLink != null ? openLink : url -> getHostServices().showDocument(url), files, toasts,
                java.time.Clock.systemDefaultZone());
        Settings settings = startup.settings();
        router = new JobRouter(engine.jobs(), new RemoteResults(engine.library(), engine.images(), BriefViewModel.ORGANIZATION),
                HttpClients::shared, Startup.remoteJobLists(dataDir), startup.teamRuntime());
        var jobsInUse = new JobsSwitch(router, frames);
        if (startup.team() != null) { // from the first frame on: a Generate pressed at once must not run here
            router.use(startup.team().engine(), startup.team().host());
            background.execute(startup.team().engine()::check);
        }
        controller = new DeskController(router, frames, background);
        var brief = new BriefViewModel();
        if (startup.firstRun()) brief.load(SampleBrief.request());
        var jobs = new JobsViewModel(router, frames, background);
        var library = new LibraryViewModel(engine.library(), BriefViewModel.ORGANIZATION, frames, background);
        settingsModel = new SettingsViewModel(new SettingsServices(new SettingsFile(configDir), startup.secrets(),
                engine.profiles(), new ModelCatalog(HttpClients::shared), startup.writer(), startup.imageMaker(),
                startup.seoChecks(), jobsInUse, BriefViewModel.ORGANIZATION).withSites(engine.sites().map(book -> new SiteServices(
                book, LocalEngine.siteClient(), page -> getHostServices().showDocument(page.toString()),
                new java.security.SecureRandom(), SiteServices.APPROVAL_LIMIT)).orElse(null)).withDownloads(modelDownloads()),
                settings, theme,
                dataDir,
                settings.workers(), frames, background);
        var seoChecks = new SeoCheckToasts(settingsModel.seoCheckSwitch(), toasts);
        editor = new PostEditorViewModel(engine.library(), engine.images(), engine.profiles(), startup.seoChecks(),
                seoChecks, startup.writer()::rewriter, frames, background, scheduler);
        // The desk's "Open in library" link is used only after the window exists.
        // Pictures are made on this computer's queue, also for a team server's post (its local copy).
        visuals = new VisualsViewModel(controller.job(), engine.jobs(), engine.library(), engine.images(),
                BriefViewModel.ORGANIZATION, toasts::show, frames, background);
        var deskTasks = new FxTasks(background, frames);
        var deskFixes = new SeoFixViewModel(startup.seoChecks(), startup.writer()::rewriter, deskTasks,
                new DeskFixes(controller.job(), engine.library(), engine.profiles(), deskTasks));
        var desk = new DeskView(brief, controller, jobs, visuals, ui, id -> window.openInLibrary(id),
                seoChecks, deskFixes);
        // Publish jobs run on this computer's queue, whoever runs the blog jobs: the sites' passwords are here.
        var publishServices = new PublishServices(engine.jobs(), engine.library(), engine.publications(),
                engine.sites().orElse(null));
        outbox = new OutboxModel(publishServices, frames, background, java.time.ZoneId.systemDefault());
        var overlay = new Overlay();
        publishing = new Publishing(publishServices, ui, outbox, overlay, () -> window.show(MainWindow.Page.SETTINGS),
                () -> window.show(MainWindow.Page.OUTBOX), java.time.Clock.systemDefaultZone());
        desk.offerPublish(publishing::open);
        desk.offerSettings(() -> window.show(MainWindow.Page.SETTINGS));
        window = new MainWindow(desk, () -> {
                    var view = new LibraryView(library, editor, ui);
                    view.offerPublish(publishing::open);
                    return view;
                },
                () -> new SettingsView(settingsModel, files), toasts, settingsModel.writerNameProperty(),
                jobsInUse.placeProperty(), jobsInUse.stateProperty(),
                new DiskProblem(engine.database(), frames).textProperty(),
                () -> new OutboxView(outbox, overlay, ui.openLink()), outbox::refresh, outbox.waitingProperty(), overlay);
        outbox.refresh(); // the header's count, from what earlier runs left in the queue
        if (startup.settingsProblem() != null) frames.nextFrame(() -> toasts.show(startup.settingsProblem()));
        return window;
    }

    private static void applyTheme(Theme chosen) {
        Application.setUserAgentStylesheet(chosen == Theme.DARK ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    @Override
    public void stop() {
        if (editor != null) editor.saveNow();
        if (settingsModel != null && stage != null) {
            try {
                new SettingsFile(configDir).save(settingsModel.current().withWindow(WindowPlacement.of(stage)));
            } catch (IOException e) {
                LOG.log(Level.WARNING, "The window position could not be saved: {0}", e.toString());
            }
        }
        if (settingsModel != null && settingsModel.downloads != null) settingsModel.downloads.stopAll(); // parts kept
        if (visuals != null) visuals.close();
        if (outbox != null) outbox.close();
        if (router != null) router.close();
        if (startup != null) startup.teamRuntime().close();
        if (startup != null && startup.engine() != null) startup.engine().close();
        if (startup != null) startup.writer().close(); // frees a built-in model once the workers have stopped
        background.shutdownNow();
        renderThread.shutdownNow();
        scheduler.shutdownNow();
    }
}
