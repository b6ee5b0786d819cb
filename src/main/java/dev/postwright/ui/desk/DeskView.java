package dev.postwright.ui.desk;

import dev.postwright.model.SeoAnalysis;
import dev.postwright.seo.SeoAnalyzer;
import dev.postwright.store.AtomicFiles;
import dev.postwright.ui.fx.BackgroundTask;
import dev.postwright.ui.parts.FileDialogs.FileType;
import dev.postwright.ui.parts.SeoCheckSwitch;
import dev.postwright.ui.parts.SeoFixViewModel;
import dev.postwright.ui.parts.SeoPanel;
import dev.postwright.ui.parts.UiServices;
import dev.postwright.wire.WireFormatException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;

/**
 * The writing desk: brief and jobs on the left, progress on top, the preview in the middle, and
 * the SEO, visuals and details panels on the right.
 */
public final class DeskView extends BorderPane {
    private static final System.Logger LOG = System.getLogger(DeskView.class.getName());
    private static final List<FileType> BRIEF_FILES = List.of(new FileType("Postwright brief", "json"));

    private final BriefViewModel brief;
    private final DeskController controller;
    private final UiServices ui;
    private final PreviewView preview;
    private final StepperView stepper;

    /**
     * @param visuals       the Visuals panel's pictures for the job shown
     * @param openInLibrary opens a saved post, by id, in the library
     */
    public DeskView(BriefViewModel brief, DeskController controller, JobsViewModel jobs, VisualsViewModel visuals,
                    UiServices ui, Consumer<String> openInLibrary) {
        this(brief, controller, jobs, visuals, ui, openInLibrary, null);
    }

    /**
     * @param checks turns SEO checks off from the SEO panel; the job's analysis is shown without
     *               the checks off now. Null: every check shown, none can be turned off
     */
    public DeskView(BriefViewModel brief, DeskController controller, JobsViewModel jobs, VisualsViewModel visuals,
                    UiServices ui, Consumer<String> openInLibrary, SeoCheckSwitch checks) {
        this(brief, controller, jobs, visuals, ui, openInLibrary, checks, null);
    }

    /**
     * @param fixes the SEO panel's fixes for the job's saved post ({@link DeskFixes}); null for none.
     *              A fix shown is dropped when another job comes on screen
     */
    public DeskView(BriefViewModel brief, DeskController controller, JobsViewModel jobs, VisualsViewModel visuals,
                    UiServices ui, Consumer<String> openInLibrary, SeoCheckSwitch checks, SeoFixViewModel fixes) {
        this.brief = brief;
        this.controller = controller;
        this.ui = ui;
        getStyleClass().add("desk");
        var job = controller.job();
        var briefView = new BriefView(brief, controller.busyProperty(), this::generate, this::importBrief, this::exportBrief);
        var briefScroll = new ScrollPane(briefView);
        briefScroll.setFitToWidth(true);
        var briefPane = new BorderPane(briefScroll);
        briefPane.setBottom(briefView.footer());
        var refused = new Label();
        refused.setId("generate-problem");
        refused.getStyleClass().add("problems");
        refused.setWrapText(true);
        refused.textProperty().bind(controller.problemProperty());
        refused.visibleProperty().bind(refused.textProperty().isNotEmpty());
        refused.managedProperty().bind(refused.visibleProperty());
        briefView.footer().getChildren().addFirst(refused);
        var jobsTab = lazyTab("Jobs", () -> new JobsView(jobs, controller::follow), false);
        jobsTab.setId("jobs-tab");
        jobsTab.selectedProperty().addListener((o, was, selected) -> {
            if (selected) jobs.refresh();
        });
        var briefTab = new Tab("Brief", briefPane);
        briefTab.setClosable(false);
        var left = new TabPane(briefTab, jobsTab);
        left.setId("left-tabs");
        left.setPrefWidth(340);
        left.getStyleClass().add("brief-pane");
        setLeft(left);
        job.phaseProperty().addListener((o, was, now) -> jobs.refresh()); // a job began or ended
        stepper = new StepperView(job, controller::cancel, controller::retry, openInLibrary);
        setTop(stepper);
        preview = new PreviewView(job, ui);
        setCenter(preview);
        ObservableValue<SeoAnalysis> seo = checks == null ? job.seoProperty() : Bindings.createObjectBinding(
                () -> SeoAnalyzer.leaveOut(job.seoProperty().get(), checks.off().getValue()), job.seoProperty(), checks.off());
        var tabs = new TabPane(lazyTab("SEO", () -> new SeoPanel(seo, "",
                "The analysis appears when the post is written.", checks == null ? null : checks::turnOff, fixes), true), lazyTab("Visuals", () -> new VisualsPanel(job, visuals, ui), true),
                lazyTab("Details", () -> new DetailsPanel(job), true));
        tabs.setPrefWidth(340);
        tabs.setId("panels");
        setRight(tabs);
        if (fixes != null) job.jobIdProperty().addListener((o, was, now) -> fixes.discard());
    }

    /** Generates the brief when it is valid (the Generate button, Ctrl+Enter). */
    public void generate() {
        if (brief.problems().get().isEmpty()) controller.generate(brief.toRequest());
    }

    /** Cancels the job on screen (Esc). */
    public void cancel() {
        controller.cancel();
    }

    /** Offers Settings beside Retry when a job fails in a way Settings can fix ({@link StepperView#offerSettings}). */
    public void offerSettings(Runnable open) {
        stepper.offerSettings(open);
    }

    /** Offers Publish… for the job's post once it is in the library ({@link PreviewView#offerPublish}). */
    public void offerPublish(Consumer<String> publish) {
        preview.offerPublish(publish);
    }

    /** Exports the post on screen (Ctrl+E). */
    public void export() {
        preview.export();
    }

    public PreviewView preview() {
        return preview;
    }

    private void importBrief() {
        ui.files().openFile("Open a brief", BRIEF_FILES).ifPresent(file -> ui.tasks().execute(
                BackgroundTask.call(() -> Files.readString(file, StandardCharsets.UTF_8))
                        .onSuccess(json -> {
                            try {
                                brief.loadJson(json);
                                ui.toasts().show("Opened the brief " + file.getFileName() + ".");
                            } catch (WireFormatException e) {
                                ui.toasts().show(file.getFileName() + " is not a brief Postwright can read: "
                                        + e.getMessage() + " Your form is unchanged.");
                            }
                        })
                        .onFailure(e -> {
                            LOG.log(Level.WARNING, "Could not read brief {0}: {1}", file, e.toString());
                            ui.toasts().show("Could not read " + file + ": " + reason(e));
                        })));
    }

    private void exportBrief() {
        String json = brief.toJson();
        ui.files().saveFile("Save the brief", "brief.json", BRIEF_FILES).ifPresent(file -> ui.tasks().execute(
                BackgroundTask.run(() -> AtomicFiles.writeString(file, json))
                        .onSuccess(done -> ui.toasts().show("Saved the brief to " + file + "."))
                        .onFailure(e -> {
                            LOG.log(Level.WARNING, "Could not save brief {0}: {1}", file, e.toString());
                            ui.toasts().show("Could not save the brief to " + file + ": " + reason(e));
                        })));
    }

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * A tab whose content is made the first time it is selected: fewer nodes to style before
     * the window first paints. Panels show the job's current state when they are made.
     */
    private static Tab lazyTab(String title, Supplier<Node> content, boolean scroll) {
        var tab = new Tab(title);
        tab.setClosable(false);
        Runnable fill = () -> {
            if (tab.getContent() != null) return;
            Node made = content.get();
            if (scroll) {
                var pane = new ScrollPane(made);
                pane.setFitToWidth(true);
                made = pane;
            }
            tab.setContent(made);
        };
        tab.selectedProperty().addListener((o, was, selected) -> {
            if (selected) fill.run();
        });
        if (tab.isSelected()) fill.run();
        return tab;
    }
}
