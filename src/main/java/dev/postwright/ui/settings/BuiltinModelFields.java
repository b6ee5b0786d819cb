package dev.postwright.ui.settings;

import dev.postwright.ui.parts.FileDialogs;
import dev.postwright.ui.parts.FileDialogs.FileType;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The fields under "Built-in model" in Settings' "Who writes" card. */
final class BuiltinModelFields {
    private BuiltinModelFields() {}

    static VBox of(BuiltinModelForm form, FileDialogs files) {
        var file = new TextField();
        file.setId("builtin-file");
        file.setPromptText("A .gguf file on this computer");
        var choose = new Button("Choose GGUF file…");
        choose.setId("builtin-choose");
        choose.setOnAction(e -> files.openFile("Choose a GGUF model", List.of(new FileType("GGUF models", "gguf")))
                .map(Path::toString).ifPresent(form.file::set));
        HBox.setHgrow(file, Priority.ALWAYS);
        var facts = note("builtin-facts", "muted");
        facts.textProperty().bind(form.factsProperty());
        var problem = note("builtin-problem", "problems");
        problem.textProperty().bind(form.fileProblemProperty());
        var state = note("builtin-state", "muted");
        state.textProperty().bind(form.shownLoadState());
        var tuningProblem = note("builtin-tuning-problem", "problems");
        tuningProblem.textProperty().bind(form.tuningProblems());
        for (Label label : List.of(facts, problem, state, tuningProblem)) {
            label.managedProperty().bind(Bindings.isNotEmpty(label.textProperty()));
            label.visibleProperty().bind(label.managedProperty());
        }
        var threads = new TextField();
        threads.setId("builtin-threads");
        threads.setPromptText("Automatic (" + form.automaticThreads() + ")");
        threads.setPrefColumnCount(8);
        var context = new TextField();
        context.setId("builtin-context");
        context.setPromptText("Automatic");
        context.setPrefColumnCount(10);
        var gpu = new CheckBox("Use a graphics card when this build of Postwright can");
        gpu.setId("builtin-gpu");
        gpu.selectedProperty().bindBidirectional(form.useGpu);
        var tuning = new HBox(16,
                new VBox(2, SettingsView.labelled("Threads", SettingsView.bind(threads, form.threads, "Threads")), threads),
                new VBox(2, SettingsView.labelled("Context (tokens)",
                        SettingsView.bind(context, form.contextSize, "Context size in tokens")), context));
        var fields = new VBox(6,
                SettingsView.labelled("Model file", SettingsView.bind(file, form.file, "Model file")),
                new HBox(8, file, choose), facts, problem, state, tuning, tuningProblem, gpu);
        fields.getStyleClass().add("indented");
        return fields;
    }

    private static Label note(String id, String style) {
        var label = new Label();
        label.setId(id);
        label.getStyleClass().add(style);
        label.setWrapText(true);
        return label;
    }
}
