package dev.postwright.ui.desk;

import static dev.postwright.testing.FxApp.onFx;
import static dev.postwright.testing.FxApp.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.engine.LibraryImageSources;
import dev.postwright.engine.LocalEngine;
import dev.postwright.images.ImageMaker;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.model.ImageRefs;
import dev.postwright.model.JobKind;
import dev.postwright.model.JobOptions;
import dev.postwright.model.StoredImage;
import dev.postwright.queue.QueueSettings;
import dev.postwright.render.PostRenderer;
import dev.postwright.render.Theme;
import dev.postwright.testing.AnsweringFileDialogs;
import dev.postwright.testing.Briefs;
import dev.postwright.testing.FailingFirstImageMaker;
import dev.postwright.ui.fx.PulseFrames;
import dev.postwright.ui.parts.PostPreview;
import dev.postwright.ui.parts.Toasts;
import dev.postwright.ui.parts.UiServices;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The desk's Visuals panel making pictures, headless (Monocle): the real queue on a real SQLite
 * file, the offline writer and image maker, the real preview.
 */
class VisualsPanelTest {
    @TempDir Path dir;
    private final FxRobot robot = new FxRobot();
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private final ExecutorService renderThread = Executors.newSingleThreadExecutor();
    private LocalEngine engine;
    private DeskController controller;
    private VisualsViewModel visuals;
    private DeskView desk;

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        background.shutdownNow();
        renderThread.shutdownNow();
        if (engine != null) engine.close();
    }

    /** The desk in a window, its sourdough job finished and the Visuals panel open. */
    private JobViewModel finishedDesk(ImageMaker maker, JobOptions options) throws Exception {
        engine = LocalEngine.open(dir, OfflineWriter::new, () -> maker, QueueSettings.DEFAULTS.withWorkers(2),
                Clock.systemUTC());
        engine.jobs().start();
        FxToolkit.registerPrimaryStage();
        var frames = new PulseFrames();
        var toasts = new Toasts();
        var ui = new UiServices(frames, background, renderThread, new PostRenderer(new LibraryImageSources(engine.images())),
                new SimpleObjectProperty<>(Theme.LIGHT), url -> { }, new AnsweringFileDialogs(), toasts,
                Clock.systemDefaultZone());
        controller = new DeskController(engine.jobs(), frames, background);
        visuals = new VisualsViewModel(controller.job(), engine.jobs(), engine.library(), engine.images(),
                BriefViewModel.ORGANIZATION, toasts::show, frames, background);
        FxToolkit.setupStage(stage -> {
            desk = new DeskView(new BriefViewModel(), controller, new JobsViewModel(engine.jobs(), frames, background),
                    visuals, ui, id -> { });
            var scene = new Scene(new StackPane(desk, toasts), 1280, 900);
            scene.getStylesheets().add(Objects.requireNonNull(DeskView.class.getResource("desk.css")).toExternalForm());
            stage.setScene(scene);
            stage.show();
        });
        JobViewModel job = controller.job();
        robot.interact(() -> controller.generate(Briefs.sourdough(options)));
        waitFor(() -> job.phaseProperty().get() == JobViewModel.Phase.SUCCEEDED);
        robot.clickOn("Visuals");
        waitFor(() -> robot.lookup("#suggestion-1").tryQuery().isPresent());
        return job;
    }

    private <T extends Node> T in(int suggestion, String selector) {
        return robot.lookup("#suggestion-" + suggestion + " " + selector).query();
    }

    private void fire(int suggestion, String button) {
        // Fired, not clicked: the card may be scrolled out of the panel's view.
        robot.interact(() -> this.<Button>in(suggestion, button).fire());
    }

    /** Whether the node is showing: it and every parent visible. */
    private boolean shown(int suggestion, String selector) {
        for (Node n = in(suggestion, selector); n != null; n = n.getParent()) if (!n.isVisible()) return false;
        return true;
    }

    private boolean thumbnailShown(int suggestion) {
        return robot.lookup("#suggestion-" + suggestion + " .suggestion-image .image-view").tryQueryAs(ImageView.class)
                .map(view -> view.getImage() != null && view.getImage().getWidth() == 2 * Thumbnails.WIDTH).orElse(false);
    }

    @Test
    void createImageShowsTheStagesThenTheThumbnailAndUseAsFeaturedPutsItInThePreview() throws Exception {
        JobViewModel job = finishedDesk(new FailingFirstImageMaker(0), JobOptions.DEFAULTS);
        String postId = job.savedPostProperty().get().id();
        // What the progress line highlighted, and the sentences under it, as they were shown.
        List<String> current = new CopyOnWriteArrayList<>();
        List<String> sentences = new CopyOnWriteArrayList<>();
        robot.interact(() -> {
            for (Node step : robot.lookup("#suggestion-1 .image-progress .image-step").queryAll()) {
                var label = (Label) step;
                label.getStyleClass().addListener((ListChangeListener<String>) change -> {
                    if (label.getStyleClass().contains("current") && !current.contains(label.getText())) current.add(label.getText());
                });
            }
            Label sentence = in(1, ".image-step-text");
            sentence.textProperty().addListener((o, was, now) -> sentences.add(now));
        });

        fire(1, ".create-image");
        waitFor(() -> thumbnailShown(1));
        assertThat(current).containsExactly("Processing", "Generating", "Storing");
        assertThat(sentences).containsSubsequence("Getting the picture ready", "Making the picture",
                "Saving the picture in the library");
        assertThat(shown(1, ".image-progress")).isFalse();
        StoredImage made = onFx(() -> visuals.suggestions().get(1).imageProperty().get());
        assertThat(engine.images().ofPost(postId)).filteredOn(i -> i.id().equals(made.id())).singleElement()
                .satisfies(i -> {
                    assertThat(i.postId()).isEqualTo(postId);
                    assertThat(engine.jobs().status(i.jobId()).orElseThrow().kind()).isEqualTo(JobKind.IMAGE);
                });

        fire(1, ".use-featured");
        waitFor(() -> engine.library().versions(postId).size() == 2);
        assertThat(engine.library().find(postId).orElseThrow().post().content())
                .contains(ImageRefs.markdown(made.altText(), made.id()));
        PostPreview preview = desk.preview().preview();
        waitFor(() -> Boolean.TRUE.equals(onFx(() -> preview.query("document.querySelector('img') !== null"))));
        assertThat(onFx(() -> preview.query("document.querySelector('img').getAttribute('src').substring(0, 22)")))
                .isEqualTo("data:image/png;base64,");
        assertThat(onFx(() -> preview.query("document.querySelector('img').getAttribute('alt')"))).isEqualTo(made.altText());
        waitFor(() -> shown(1, ".in-post"));
        assertThat(shown(1, ".use-featured")).isFalse();
    }

    @Test
    void createAllMakesOnePicturePerSuggestion() throws Exception {
        finishedDesk(new FailingFirstImageMaker(0), JobOptions.DEFAULTS);
        int suggestions = onFx(() -> visuals.suggestions().size());
        assertThat(suggestions).isGreaterThan(2);
        robot.interact(() -> robot.lookup("#create-all").queryButton().fire());
        waitFor(() -> {
            for (int i = 0; i < suggestions; i++) if (!thumbnailShown(i)) return false;
            return true;
        });
        assertThat(robot.lookup("#visuals-notice").queryAs(Label.class).getText())
                .isEqualTo(suggestions + " pictures on the way.");
        assertThat(engine.jobs().list(50)).filteredOn(s -> s.kind() == JobKind.IMAGE).hasSize(suggestions);
    }

    @Test
    void aFailedPictureShowsItsSentenceAndTryAgainMakesIt() throws Exception {
        finishedDesk(new FailingFirstImageMaker(1), JobOptions.DEFAULTS);
        fire(1, ".create-image");
        waitFor(() -> shown(1, ".try-again"));
        assertThat(this.<Label>in(1, ".image-error").getText()).isEqualTo(FailingFirstImageMaker.SENTENCE);
        assertThat(shown(1, ".image-error")).isTrue();

        fire(1, ".try-again");
        waitFor(() -> thumbnailShown(1));
        assertThat(shown(1, ".image-error")).isFalse();
        assertThat(shown(1, ".try-again")).isFalse();
    }

    @Test
    void withoutASavedPostTheButtonsAreDisabledAndSayWhy() throws Exception {
        finishedDesk(new FailingFirstImageMaker(0), new JobOptions(true, false, "draft", false));
        assertThat(this.<Button>in(0, ".create-image").isDisabled()).isTrue();
        assertThat(robot.lookup("#create-all").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#images-unavailable").queryAs(Label.class).getText()).isEqualTo(VisualsViewModel.NOT_SAVED);
        Node commands = in(0, ".create-commands");
        var tooltip = (Tooltip) commands.getProperties().get("javafx.scene.control.Tooltip");
        assertThat(tooltip.getText()).isEqualTo(VisualsViewModel.NOT_SAVED);
    }
}
