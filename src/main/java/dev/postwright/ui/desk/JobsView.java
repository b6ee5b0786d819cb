package dev.postwright.ui.desk;

import dev.postwright.model.JobState;
import dev.postwright.model.JobStatus;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The jobs list: select one to open it (its events replay into the desk), or cancel, retry, delete it. */
public final class JobsView extends VBox {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());

    public JobsView(JobsViewModel model, Consumer<String> open) {
        getStyleClass().add("jobs");
        setSpacing(8);
        var list = new ListView<>(model.jobs());
        list.setId("jobs-list");
        list.setAccessibleText("Jobs");
        list.setPlaceholder(new Label("No jobs yet."));
        list.setCellFactory(v -> new JobCell());
        list.setFixedCellSize(54);
        VBox.setVgrow(list, Priority.ALWAYS);
        var selected = list.getSelectionModel().selectedItemProperty();
        keepSelectionAcrossRefreshes(list);
        var openButton = button("Open", "open-job", () -> open.accept(selected.get().jobId()));
        var cancel = button("Cancel", "cancel-job", () -> model.cancel(selected.get().jobId()));
        var retry = button("Retry", "retry-job", () -> model.retry(selected.get().jobId()));
        var delete = button("Delete", "delete-job", () -> model.delete(selected.get().jobId()));
        for (Button b : new Button[] {openButton, cancel, retry, delete}) b.disableProperty().bind(selected.isNull());
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && selected.get() != null) open.accept(selected.get().jobId());
        });
        var said = new Label();
        said.textProperty().bind(model.messageProperty());
        said.getStyleClass().add("muted");
        var heading = new Label("Jobs");
        heading.getStyleClass().add("section-title");
        getChildren().addAll(heading, list, new HBox(6, openButton, cancel, retry, delete), said);
    }

    /** A refresh replaces the items; the writer's selection must survive it. */
    private static void keepSelectionAcrossRefreshes(ListView<JobStatus> list) {
        String[] chosen = {null};
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) chosen[0] = now.jobId();
        });
        list.getItems().addListener((javafx.collections.ListChangeListener<JobStatus>) change -> {
            if (chosen[0] == null) return;
            for (int i = 0; i < list.getItems().size(); i++) {
                if (list.getItems().get(i).jobId().equals(chosen[0])) {
                    list.getSelectionModel().select(i);
                    return;
                }
            }
        });
    }

    private static Button button(String text, String id, Runnable action) {
        var button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }

    /** Title, then state, progress, when it was made and how long it took. */
    private static final class JobCell extends ListCell<JobStatus> {
        @Override
        protected void updateItem(JobStatus job, boolean empty) {
            super.updateItem(job, empty);
            if (empty || job == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            var title = new Label(job.title() == null ? job.jobId() : job.title());
            title.getStyleClass().add("job-title");
            var detail = new Label(state(job) + " · " + TIME.format(job.createdAt()) + duration(job));
            detail.getStyleClass().add("muted");
            setGraphic(new VBox(2, title, detail));
            setText(null);
            setPrefWidth(0); // fit the list's width: long titles end in "…" instead of scrolling sideways
        }

        private static String state(JobStatus job) {
            String state = job.state().name().toLowerCase(Locale.ROOT);
            return job.state() == JobState.RUNNING ? state + " " + job.progress() + " %" : state;
        }

        private static String duration(JobStatus job) {
            if (job.finishedAt() == null) return "";
            long seconds = Math.max(0, Duration.between(job.createdAt(), job.finishedAt()).toSeconds());
            return seconds < 1 ? " · under 1 s" : " · " + seconds + " s";
        }
    }
}
