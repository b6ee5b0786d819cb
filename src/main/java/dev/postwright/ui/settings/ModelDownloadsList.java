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
        row.failedProperty().addListener((o, was, now) -> {
            if (now) progress.getStyleClass().add("problems");
            else progress.getStyleClass().remove("problems");
        });
        var status = row.statusProperty();
        bar.visibleProperty().bind(status.isEqualTo(Status.DOWNLOADING).or(status.isEqualTo(Status.PAUSED)));
        bar.managedProperty().bind(bar.visibleProperty());
        progress.visibleProperty().bind(Bindings.isNotEmpty(progress.textProperty()));
        progress.managedProperty().bind(progress.visibleProperty());

        // One button whose action follows the state, so it never vanishes under the pointer: a
        // focused button that disappears hands focus on, and the page scrolls to wherever it went.
        var action = button("Download", "model-action-" + index, () -> {
            switch (status.get()) {
                case NOT_DOWNLOADED, PAUSED -> form.download(row);
                case DOWNLOADING -> form.pause(row);
                case INSTALLED -> form.use(row);
            }
        });
        action.textProperty().bind(Bindings.createStringBinding(() -> switch (status.get()) {
            case NOT_DOWNLOADED -> "Download";
            case PAUSED -> "Resume";
            case DOWNLOADING -> "Pause";
            case INSTALLED -> "Use";
        }, status));
        action.setAccessibleText(row.model().displayName());
        // Remove asks once more: it deletes a paused download's bytes too.
        var remove = button("Remove", "model-remove-" + index, () -> { });
        remove.getStyleClass().add("flat");
        remove.setAccessibleText("Remove " + row.model().displayName());
        remove.setOnAction(e -> {
            if (remove.getText().equals("Remove")) {
                remove.setText("Really remove?");
                return;
            }
            remove.setText("Remove");
            action.requestFocus();
            form.remove(row);
        });
        remove.focusedProperty().addListener((o, was, now) -> {
            if (!now) remove.setText("Remove");
        });
        remove.disableProperty().bind(status.isEqualTo(Status.NOT_DOWNLOADED).or(status.isEqualTo(Status.DOWNLOADING)));

        var text = new VBox(2, name, facts, bar, progress);
        HBox.setHgrow(text, Priority.ALWAYS);
        var card = new HBox(10, text, new HBox(6, action, remove));
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
}
