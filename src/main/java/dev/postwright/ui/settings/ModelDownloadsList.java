package dev.postwright.ui.settings;

import dev.postwright.ui.settings.ModelDownloadsForm.Row;
import dev.postwright.ui.settings.ModelDownloadsForm.Status;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The models offered for download under "Built-in model", each with its progress and buttons. */
final class ModelDownloadsList {
    private ModelDownloadsList() {}

    static VBox of(ModelDownloadsForm form) {
        var note = new Label("Or download a model that runs on a laptop's processor. It is kept in the data folder, "
                + "checked against its published checksum, and works without a network from then on.");
        note.getStyleClass().add("muted");
        note.setWrapText(true);
        var list = new VBox(8, SettingsView.groupTitle("Models to download"), note);
        List<Row> rows = form.rows();
        for (int i = 0; i < rows.size(); i++) list.getChildren().add(row(form, rows.get(i), i));
        list.getStyleClass().add("indented");
        return list;
    }

    private static Node row(ModelDownloadsForm form, Row row, int index) {
        var name = new Label(row.model().displayName());
        name.getStyleClass().add("model-name");
        var facts = new Label(row.facts());
        facts.getStyleClass().add("muted");
        facts.setWrapText(true);
        var bar = new ProgressBar();
        bar.setId("model-progress-" + index);
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(row.fractionProperty());
        var progress = new Label();
        progress.setId("model-status-" + index);
        progress.setWrapText(true);
        progress.textProperty().bind(row.progressProperty());
        var status = row.statusProperty();
        bar.visibleProperty().bind(status.isEqualTo(Status.DOWNLOADING).or(status.isEqualTo(Status.PAUSED)));
        bar.managedProperty().bind(bar.visibleProperty());
        progress.visibleProperty().bind(Bindings.isNotEmpty(progress.textProperty()));
        progress.managedProperty().bind(progress.visibleProperty());

        var download = button("Download", "model-download-" + index, () -> form.download(row));
        download.textProperty().bind(Bindings.when(status.isEqualTo(Status.PAUSED)).then("Resume").otherwise("Download"));
        download.setAccessibleText("Download " + row.model().displayName());
        show(download, status.isEqualTo(Status.NOT_DOWNLOADED).or(status.isEqualTo(Status.PAUSED)));
        var pause = button("Pause", "model-pause-" + index, () -> form.pause(row));
        show(pause, status.isEqualTo(Status.DOWNLOADING));
        var use = button("Use", "model-use-" + index, () -> form.use(row));
        use.getStyleClass().add("accent");
        show(use, status.isEqualTo(Status.INSTALLED));
        var remove = button("Remove", "model-remove-" + index, () -> form.remove(row));
        remove.getStyleClass().add("flat");
        remove.setAccessibleText("Remove " + row.model().displayName());
        show(remove, status.isEqualTo(Status.INSTALLED).or(status.isEqualTo(Status.PAUSED)));

        var text = new VBox(2, name, facts, bar, progress);
        HBox.setHgrow(text, Priority.ALWAYS);
        var card = new HBox(10, text, new HBox(6, download, pause, use, remove));
        card.getStyleClass().add("cta-card");
        return card;
    }

    private static Button button(String text, String id, Runnable action) {
        var button = new Button(text);
        button.setId(id);
        button.getStyleClass().add("small");
        button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the facts wrap; the buttons keep their words
        button.setOnAction(e -> action.run());
        return button;
    }

    private static void show(Button button, javafx.beans.binding.BooleanExpression when) {
        button.visibleProperty().bind(when);
        button.managedProperty().bind(when);
    }
}
