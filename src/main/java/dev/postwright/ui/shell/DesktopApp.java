package dev.postwright.ui.shell;

import dev.postwright.store.DataDirectory;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Objects;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The desktop window. For now it shows where the writer's library lives and what it holds, or
 * why it cannot be opened; the writing desk (brief, live preview, SEO and visuals panels) will
 * replace the centre of this window.
 */
public final class DesktopApp extends Application {
    private static final System.Logger LOG = System.getLogger(DesktopApp.class.getName());
    private static final String DATA_DIR = "data-dir";

    private Path dataDir;
    private LibraryCheck library;
    private long startedNanos;

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
        library = LibraryCheck.of(dataDir); // init runs on the launcher thread, not the FX thread
    }

    @Override
    public void start(Stage stage) {
        var root = new BorderPane(library.isUsable() ? libraryCard() : problemCard());
        root.setTop(header());
        var scene = new Scene(root, 760, 480);
        scene.getStylesheets().add(Objects.requireNonNull(getClass().getResource("shell.css")).toExternalForm());
        stage.setTitle("Postwright");
        stage.setScene(scene);
        stage.show();
        LOG.log(Level.INFO, "Postwright window shown {0} ms after init", (System.nanoTime() - startedNanos) / 1_000_000);
    }

    private static VBox header() {
        var title = new Label("Postwright");
        title.getStyleClass().add("app-title");
        var tagline = new Label("Turn a brief into a finished blog post.");
        tagline.getStyleClass().add("tagline");
        var header = new VBox(4, title, tagline);
        header.getStyleClass().add("header");
        return header;
    }

    private VBox libraryCard() {
        var heading = new Label("Your library is ready");
        heading.getStyleClass().add("card-heading");
        var jobs = new Label(library.jobSummary());
        jobs.setId("job-summary");
        var location = new Label(library.database().toString());
        location.setId("library-location");
        location.getStyleClass().add("path");
        location.setWrapText(true);
        var next = new Label("Generation runs on this computer, even offline. The writing desk — brief, live "
                + "preview, SEO and visuals panels — is being built into this window.");
        next.setWrapText(true);
        next.getStyleClass().add("muted");
        return card(heading, jobs, new Label("Stored in"), location, next);
    }

    private VBox problemCard() {
        var heading = new Label("Postwright cannot open your library");
        heading.getStyleClass().addAll("card-heading", "problem");
        var message = new Label(library.problem());
        message.setId("library-problem");
        message.setWrapText(true);
        var quit = new Button("Quit");
        quit.setDefaultButton(true);
        quit.setOnAction(e -> Platform.exit());
        var card = card(heading, message, new HBox(quit));
        card.getStyleClass().add("problem-card");
        return card;
    }

    private static VBox card(javafx.scene.Node... children) {
        var card = new VBox(10, children);
        card.getStyleClass().add("card");
        card.setMaxWidth(620);
        card.setMaxHeight(Region.USE_PREF_SIZE); // hug the content instead of filling the window
        BorderPane.setAlignment(card, Pos.TOP_CENTER);
        BorderPane.setMargin(card, new Insets(28));
        return card;
    }
}
