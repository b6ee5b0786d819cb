package dev.postwright.ui.shell;

import atlantafx.base.theme.PrimerLight;
import dev.postwright.engine.LocalEngine;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.queue.QueueSettings;
import dev.postwright.render.PostRenderer;
import dev.postwright.store.DataDirectory;
import dev.postwright.store.DatabaseUnavailableException;
import dev.postwright.ui.desk.BriefViewModel;
import dev.postwright.ui.desk.DeskController;
import dev.postwright.ui.desk.DeskView;
import dev.postwright.ui.desk.JobsViewModel;
import dev.postwright.ui.desk.SampleBrief;
import dev.postwright.ui.fx.PulseFrames;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The desktop app: the writing desk on the local engine, or, when the library cannot be opened,
 * a card that says why. The engine opens in {@link #init()}, off the FX thread.
 */
public final class DesktopApp extends Application {
    private static final System.Logger LOG = System.getLogger(DesktopApp.class.getName());
    private static final String DATA_DIR = "data-dir";

    private Path dataDir;
    private LocalEngine engine;
    private String problem;
    private boolean firstRun;
    private long startedNanos;
    private final ExecutorService background = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("postwright-ui-work-", 1).factory());
    private final ExecutorService renderThread = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("postwright-preview-render").factory());
    private DeskController controller;

    /** Used by {@link Application#launch}; the data folder comes from the named parameter. */
    public DesktopApp() {}

    /** For tests, which start the application themselves. */
    public DesktopApp(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** Opens the window and blocks until it is closed. */
    public static void launchWith(Path dataDir) {
        Application.launch(DesktopApp.class, "--" + DATA_DIR + "=" + dataDir);
    }

    @Override
    public void init() {
        startedNanos = System.nanoTime();
        if (dataDir == null) {
            String named = getParameters().getNamed().get(DATA_DIR);
            dataDir = named != null ? Path.of(named) : DataDirectory.defaultLocation();
        }
        try {
            engine = LocalEngine.open(dataDir, new OfflineWriter(), QueueSettings.DEFAULTS, Clock.systemUTC());
            engine.jobs().start();
            firstRun = engine.jobs().list(1).isEmpty();
        } catch (DatabaseUnavailableException e) {
            problem = e.getMessage();
        }
    }

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        var scene = new Scene(problem == null ? desk() : problemCard(), 1280, 820);
        scene.getStylesheets().add(Objects.requireNonNull(getClass().getResource("shell.css")).toExternalForm());
        scene.getStylesheets().add(Objects.requireNonNull(DeskView.class.getResource("desk.css")).toExternalForm());
        stage.setTitle("Postwright");
        stage.setScene(scene);
        stage.show();
        LOG.log(Level.INFO, "Postwright window shown {0} ms after init", (System.nanoTime() - startedNanos) / 1_000_000);
    }

    /** The desk's controller (tests drive the app through it and its views). */
    public DeskController controller() {
        return controller;
    }

    private Parent desk() {
        var frames = new PulseFrames();
        controller = new DeskController(engine.jobs(), frames, background);
        var brief = new BriefViewModel();
        if (firstRun) brief.load(SampleBrief.request());
        var jobs = new JobsViewModel(engine.jobs(), frames, background);
        return new DeskView(brief, controller, jobs, new PostRenderer(), frames, renderThread,
                url -> getHostServices().showDocument(url));
    }

    private Parent problemCard() {
        var heading = new Label("Postwright cannot open your library");
        heading.getStyleClass().addAll("card-heading", "problem");
        var message = new Label(problem);
        message.setId("library-problem");
        message.setWrapText(true);
        var quit = new Button("Quit");
        quit.setDefaultButton(true);
        quit.setOnAction(e -> Platform.exit());
        var card = new VBox(10, heading, message, quit);
        card.getStyleClass().addAll("card", "problem-card");
        card.setMaxWidth(620);
        card.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        var root = new BorderPane(card);
        BorderPane.setAlignment(card, javafx.geometry.Pos.TOP_CENTER);
        BorderPane.setMargin(card, new Insets(28));
        return root;
    }

    @Override
    public void stop() {
        if (engine != null) engine.close();
        background.shutdownNow();
        renderThread.shutdownNow();
    }
}
