package dev.postwright.ui.desk;

import dev.postwright.render.PostRenderer;
import dev.postwright.ui.fx.FxFrames;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;

/**
 * The writing desk: brief on the left, progress on top, the preview in the middle, and the SEO,
 * visuals and details panels on the right. Ctrl+Enter generates, Esc cancels.
 */
public final class DeskView extends BorderPane {
    public DeskView(BriefViewModel brief, DeskController controller, JobsViewModel jobs, PostRenderer renderer,
                    FxFrames frames, Executor renderThread, Consumer<String> openLink) {
        getStyleClass().add("desk");
        var job = controller.job();
        Runnable generate = () -> {
            if (brief.problems().get().isEmpty()) controller.generate(brief.toRequest());
        };
        var briefPane = new ScrollPane(new BriefView(brief, generate));
        briefPane.setFitToWidth(true);
        var jobsTab = new Tab("Jobs", new JobsView(jobs, controller::follow));
        jobsTab.setId("jobs-tab");
        jobsTab.setClosable(false);
        jobsTab.setOnSelectionChanged(e -> {
            if (jobsTab.isSelected()) jobs.refresh();
        });
        var briefTab = new Tab("Brief", briefPane);
        briefTab.setClosable(false);
        var left = new TabPane(briefTab, jobsTab);
        left.setId("left-tabs");
        left.setPrefWidth(340);
        left.getStyleClass().add("brief-pane");
        setLeft(left);
        job.phaseProperty().addListener((o, was, now) -> jobs.refresh()); // a job began or ended
        setTop(new StepperView(job, controller::cancel, controller::retry));
        setCenter(new PreviewView(job, renderer, frames, renderThread, openLink));
        var tabs = new TabPane(tab("SEO", new SeoPanel(job)), tab("Visuals", new VisualsPanel(job)),
                tab("Details", new DetailsPanel(job)));
        tabs.setPrefWidth(340);
        tabs.setId("panels");
        setRight(tabs);
        sceneProperty().addListener((o, was, scene) -> {
            if (scene == null) return;
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), generate);
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), controller::cancel);
        });
    }

    private static Tab tab(String title, javafx.scene.Node content) {
        var scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        var tab = new Tab(title, scroll);
        tab.setClosable(false);
        return tab;
    }
}
