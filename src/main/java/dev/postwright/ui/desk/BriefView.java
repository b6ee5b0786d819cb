package dev.postwright.ui.desk;

import dev.postwright.model.FieldProblem;
import dev.postwright.ui.parts.CtaEditor;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The brief form: every field bound to the {@link BriefViewModel}, problems shown inline. The
 * {@link #footer()} (what is wrong, and Generate) is placed by the desk below the scrolling form,
 * so Generate is always in sight.
 */
public final class BriefView extends VBox {
    final Button generate = new Button("Generate");
    private final VBox footer = new VBox(6);

    /**
     * @param onImport asks for a brief file and loads it into the form
     * @param onExport asks where, and saves the form as a brief file
     */
    /** @param busy while true, Generate is held: the desk is starting or writing a post */
    public BriefView(BriefViewModel brief, ObservableBooleanValue busy, Runnable onGenerate, Runnable onImport,
                     Runnable onExport) {
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
        var images = check("Make the featured image", brief.generateImages);
        images.disableProperty().bind(brief.includeVisuals.not()); // images are made from the visuals' suggestion
        var options = new HBox(16, check("Suggest visuals", brief.includeVisuals), check("Save to library", brief.autoSave));
        options.getStyleClass().add("options");
        var statusLabel = new Label("Saved as");
        statusLabel.setLabelFor(status);
        var length = new ComboBox<Integer>();
        length.setId("length");
        length.getItems().addAll(BriefViewModel.LENGTHS);
        length.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer words) {
                return words == null || words == BriefViewModel.ANY_LENGTH ? "Any length"
                        : String.format(Locale.ROOT, "About %,d words", words);
            }

            @Override
            public Integer fromString(String text) {
                throw new UnsupportedOperationException("the length is chosen, not typed");
            }
        });
        // A brief opened from a file may ask for a length the list does not offer: show it too.
        brief.wordCountTarget.addListener((o, was, words) -> {
            if (!length.getItems().contains(words.intValue())) length.getItems().add(words.intValue());
            length.setValue(words.intValue());
        });
        length.setValue(brief.wordCountTarget.get());
        length.valueProperty().addListener((o, was, words) -> {
            if (words != null) brief.wordCountTarget.set(words);
        });
        length.setAccessibleText("Length of the post");
        var lengthLabel = new Label("Length");
        lengthLabel.setLabelFor(length);
        var statusRow = new HBox(8, statusLabel, status);
        statusRow.getStyleClass().add("options");
        for (Label label : List.of(statusLabel, lengthLabel)) label.setMinWidth(64); // the two lists line up
        var lengthRow = new HBox(8, lengthLabel, length);
        lengthRow.getStyleClass().add("options");
        var imagesRow = new HBox(16, images);
        imagesRow.getStyleClass().add("options");
        getChildren().addAll(options, imagesRow, statusRow, lengthRow);
        var ctas = section("brief-ctas", Bindings.size(brief.ctas).asString("Calls to action (%d)"), body ->
                body.getChildren().add(new CtaEditor(brief.ctas, "brief-", "None: the calls to action in Settings are used.")));
        var embeds = section("brief-embeds", Bindings.createStringBinding(() -> "Embeds" + embedCount(brief),
                brief.tweetsJson, brief.articlesJson, brief.videosJson), body -> {
                    field(body, "Tweets (JSON list)", "tweets", area(2), brief.tweetsJson,
                            "[{\"url\": …, \"author\": …, \"text\": …}]");
                    field(body, "Articles (JSON list)", "articles", area(2), brief.articlesJson,
                            "[{\"url\": …, \"title\": …}]");
                    field(body, "Videos (JSON list)", "videos", area(2), brief.videosJson, "[{\"url\": …, \"title\": …}]");
                });
        getChildren().addAll(ctas, embeds);

        var problems = new Label();
        problems.setId("brief-problems");
        problems.getStyleClass().add("problems");
        problems.setWrapText(true);
        problems.textProperty().bind(Bindings.createStringBinding(() -> text(brief.problems().get()), brief.problems()));
        generate.setId("generate");
        generate.setDefaultButton(true);
        generate.getStyleClass().add("accent");
        generate.setMaxWidth(Double.MAX_VALUE);
        generate.disableProperty().bind(Bindings.isNotEmpty(brief.disabledReason()).or(busy));
        generate.textProperty().bind(Bindings.when(busy).then("Writing… (Esc cancels)").otherwise("Generate"));
        generate.setAccessibleText("Generate the post (Ctrl+Enter)");
        generate.setOnAction(e -> onGenerate.run());
        problems.visibleProperty().bind(problems.textProperty().isNotEmpty());
        problems.managedProperty().bind(problems.visibleProperty());
        footer.getStyleClass().add("brief-footer");
        footer.getChildren().addAll(problems, generate);
    }

    /** The problems with the brief and the Generate button; not part of this form's children. */
    public VBox footer() {
        return footer;
    }

    private void field(String label, String id, TextInputControl input, StringProperty value, String prompt) {
        field(this, label, id, input, value, prompt);
    }

    private static void field(VBox target, String label, String id, TextInputControl input, StringProperty value,
                              String prompt) {
        var caption = new Label(label);
        caption.setLabelFor(input);
        input.setId(id);
        input.setPromptText(prompt);
        input.setAccessibleText(label);
        input.textProperty().bindBidirectional(value);
        target.getChildren().addAll(caption, input);
    }

    /**
     * A collapsed section whose controls are made when it is first opened: most briefs need
     * neither, and the window opens sooner without them. Its title says what it holds.
     */
    private static TitledPane section(String id, ObservableValue<String> title, Consumer<VBox> fill) {
        var body = new VBox(6);
        var pane = new TitledPane();
        pane.setId(id);
        pane.textProperty().bind(title);
        pane.setExpanded(false);
        pane.setAnimated(false);
        pane.setContent(body);
        pane.expandedProperty().addListener((o, was, open) -> {
            if (open && body.getChildren().isEmpty()) fill.accept(body);
        });
        pane.getStyleClass().add("brief-section");
        return pane;
    }

    /** " (2 tweets, 1 video)", or "" when there are none; unreadable JSON counts as none here (problems say why). */
    private static String embedCount(BriefViewModel brief) {
        var embeds = brief.toRequest().embeds();
        var parts = new java.util.ArrayList<String>();
        count(parts, embeds.tweets().size(), "tweet");
        count(parts, embeds.articles().size(), "article");
        count(parts, embeds.videos().size(), "video");
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    private static void count(List<String> parts, int n, String noun) {
        if (n > 0) parts.add(n + " " + noun + (n == 1 ? "" : "s"));
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
