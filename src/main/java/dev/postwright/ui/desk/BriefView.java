package dev.postwright.ui.desk;

import dev.postwright.model.FieldProblem;
import dev.postwright.ui.parts.CtaEditor;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.geometry.Pos;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The brief form: every field bound to the {@link BriefViewModel}, problems shown inline. */
public final class BriefView extends VBox {
    final Button generate = new Button("Generate");

    /**
     * @param onImport asks for a brief file and loads it into the form
     * @param onExport asks where, and saves the form as a brief file
     */
    public BriefView(BriefViewModel brief, Runnable onGenerate, Runnable onImport, Runnable onExport) {
        getStyleClass().add("brief");
        setSpacing(6);
        var heading = new Label("Brief");
        heading.getStyleClass().add("section-title");
        var open = new Button("Open…");
        open.setId("import-brief");
        open.getStyleClass().addAll("small", "flat");
        open.setAccessibleText("Open a brief from a JSON file");
        open.setOnAction(e -> onImport.run());
        var save = new Button("Save as…");
        save.setId("export-brief");
        save.getStyleClass().addAll("small", "flat");
        save.setAccessibleText("Save this brief as a JSON file");
        save.setOnAction(e -> onExport.run());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var header = new HBox(4, heading, spacer, open, save);
        header.setAlignment(Pos.CENTER_LEFT);
        getChildren().add(header);
        field("Topic title", "title", new TextField(), brief.title, "How to bake sourdough bread at home");
        field("Subheader", "subheader", new TextField(), brief.subheader, "Optional");
        field("Focus keyphrase", "keyphrase", new TextField(), brief.keyphrase, "sourdough bread");
        field("Other keywords", "keywords", new TextField(), brief.keywords, "starter, levain (comma separated)");
        field("Audience", "audience", new TextField(), brief.audience, "home bakers");
        field("Business type", "business-type", new TextField(), brief.businessType, "Bakery");
        field("Industry", "industry", new TextField(), brief.industry, "food");
        field("Additional instructions", "instructions", area(3), brief.instructions, "Anything the writer should know");
        var status = new ComboBox<String>();
        status.getItems().addAll("draft", "published", "scheduled");
        status.valueProperty().bindBidirectional(brief.status);
        status.setAccessibleText("Status of the saved post");
        var options = new HBox(16, check("Suggest visuals", brief.includeVisuals), check("Save to library", brief.autoSave));
        options.getStyleClass().add("options");
        var statusLabel = new Label("Saved as");
        statusLabel.setLabelFor(status);
        var statusRow = new HBox(8, statusLabel, status);
        statusRow.getStyleClass().add("options");
        getChildren().addAll(options, statusRow);
        var ctaCaption = new Label("Calls to action");
        ctaCaption.getStyleClass().add("field-group");
        getChildren().addAll(ctaCaption, new CtaEditor(brief.ctas, "brief-",
                "None: the calls to action in Settings are used."));
        field("Tweets to embed (JSON list)", "tweets", area(2), brief.tweetsJson, "[{\"url\": …, \"author\": …, \"text\": …}]");
        field("Articles to embed (JSON list)", "articles", area(2), brief.articlesJson, "[{\"url\": …, \"title\": …}]");
        field("Videos to embed (JSON list)", "videos", area(2), brief.videosJson, "[{\"url\": …, \"title\": …}]");

        var problems = new Label();
        problems.setId("brief-problems");
        problems.getStyleClass().add("problems");
        problems.setWrapText(true);
        problems.textProperty().bind(Bindings.createStringBinding(() -> text(brief.problems().get()), brief.problems()));
        generate.setId("generate");
        generate.setDefaultButton(true);
        generate.getStyleClass().add("accent");
        generate.setMaxWidth(Double.MAX_VALUE);
        generate.disableProperty().bind(Bindings.isNotEmpty(brief.disabledReason()));
        generate.setAccessibleText("Generate the post (Ctrl+Enter)");
        generate.setOnAction(e -> onGenerate.run());
        getChildren().addAll(problems, generate);
    }

    private void field(String label, String id, TextInputControl input, StringProperty value, String prompt) {
        var caption = new Label(label);
        caption.setLabelFor(input);
        input.setId(id);
        input.setPromptText(prompt);
        input.setAccessibleText(label);
        input.textProperty().bindBidirectional(value);
        getChildren().addAll(caption, input);
    }

    private static TextArea area(int rows) {
        var area = new TextArea();
        area.setPrefRowCount(rows);
        area.setWrapText(true);
        return area;
    }

    private static CheckBox check(String label, BooleanProperty value) {
        var box = new CheckBox(label);
        box.selectedProperty().bindBidirectional(value);
        box.setAccessibleText(label);
        return box;
    }

    private static String text(List<FieldProblem> problems) {
        return problems.isEmpty() ? "" : String.join("\n", problems.stream().map(FieldProblem::message).toList());
    }
}
