package dev.postwright.ui.settings;

import dev.postwright.images.openai.OpenAiImageMaker;
import dev.postwright.model.FieldProblem;
import dev.postwright.settings.Settings;
import dev.postwright.ui.parts.CtaEditor;
import dev.postwright.ui.parts.FileDialogs;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The settings form, in cards: where jobs run, who writes, who makes images, the organization
 * profile, the SEO checks counted, the WordPress sites (saved on their own), this computer.
 */
public final class SettingsView extends ScrollPane {
    private final SettingsViewModel settings;

    public SettingsView(SettingsViewModel settings, FileDialogs files) {
        this.settings = settings;
        getStyleClass().add("settings");
        setFitToWidth(true);
        var heading = new Label("Settings");
        heading.getStyleClass().add("section-title");
        var problems = new Label();
        problems.setId("settings-problems");
        problems.getStyleClass().add("problems");
        problems.setWrapText(true);
        problems.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n",
                settings.problems().get().stream().map(FieldProblem::message).toList()), settings.problems()));
        var save = new Button("Save settings");
        save.setId("settings-save");
        save.getStyleClass().add("accent");
        save.setAccessibleText("Save settings (Ctrl+S)");
        save.disableProperty().bind(Bindings.createBooleanBinding(() -> !settings.problems().get().isEmpty(),
                settings.problems()).or(settings.busyProperty()));
        save.setOnAction(e -> settings.save());
        var message = new Label();
        message.setId("settings-message");
        message.setWrapText(true);
        message.textProperty().bind(settings.messageProperty());
        var footer = new HBox(12, save, message);
        footer.setAlignment(Pos.CENTER_LEFT);
        var column = new VBox(16, heading, TeamServerCard.of(settings.team), modelCard(files), imageCard(), profileCard(),
                seoChecksCard());
        if (settings.sites != null) column.getChildren().add(SitesCard.of(settings.sites));
        column.getChildren().addAll(computerCard(files), problems, footer);
        column.getStyleClass().add("settings-column");
        column.setMaxWidth(760);
        var centred = new HBox(column);
        centred.setAlignment(Pos.TOP_CENTER);
        HBox.setHgrow(column, Priority.ALWAYS);
        setContent(centred);
    }

    /** Saves the settings (Ctrl+S). */
    public void save() {
        settings.save();
    }

    private Node imageCard() {
        var form = settings.images;
        var group = new ToggleGroup();
        var offline = new RadioButton("Built-in cards: drawn on this computer from the post's title, nothing to install");
        offline.setId("images-offline");
        offline.setToggleGroup(group);
        var server = new RadioButton("An image server: LocalAI, stable-diffusion.cpp or OpenAI");
        server.setId("images-server");
        server.setToggleGroup(group);
        (form.useServer.get() ? server : offline).setSelected(true);
        form.useServer.addListener((o, was, now) -> (now ? server : offline).setSelected(true));
        group.selectedToggleProperty().addListener((o, was, now) -> form.useServer.set(now == server));
        var url = new TextField();
        url.setId("image-server-url");
        var model = new TextField();
        model.setId("image-model");
        model.setPromptText("dall-e-3, sd-turbo…");
        var size = new ComboBox<String>();
        size.setId("image-size");
        size.setEditable(true);
        size.setPromptText("The server's default");
        OpenAiImageMaker.COMMON_SIZES.forEach(s -> size.getItems().add(s.toString()));
        size.valueProperty().bindBidirectional(form.size);
        size.setAccessibleText("Image size");
        size.setMaxWidth(Double.MAX_VALUE);
        var key = new PasswordField();
        key.setId("image-api-key");
        key.setPromptText("Leave empty to keep the stored key");
        var note = new Label(form.keyNote());
        note.getStyleClass().add("muted");
        note.setWrapText(true);
        var fields = new VBox(6,
                labelled("Server address", bind(url, form.serverUrl, "Image server address")), url,
                labelled("Model", bind(model, form.model, "Image model")), model,
                labelled("Size", size), size,
                labelled("API key", bind(key, form.apiKey, "Image server API key")), key, note);
        fields.getStyleClass().add("indented");
        fields.disableProperty().bind(form.useServer.not());
        return card("Who makes images (jobs on this computer)", new VBox(8, offline, server, fields));
    }

    private Node modelCard(FileDialogs files) {
        var group = new ToggleGroup();
        var offline = new RadioButton("Offline drafting engine: nothing to install; writes a structured scaffold");
        offline.setId("model-offline");
        offline.setUserData(WhoWrites.OFFLINE);
        var builtin = new RadioButton("Built-in model: a GGUF model run inside Postwright; nothing else to install");
        builtin.setId("model-builtin");
        builtin.setUserData(WhoWrites.BUILTIN);
        var server = new RadioButton("A model server: Ollama, LM Studio, llama.cpp, vLLM or OpenAI");
        server.setId("model-server");
        server.setUserData(WhoWrites.SERVER);
        List<RadioButton> answers = List.of(offline, builtin, server);
        answers.forEach(b -> b.setToggleGroup(group));
        Runnable showChosen = () -> answers.stream().filter(b -> b.getUserData() == settings.whoWrites.get())
                .findFirst().ifPresent(b -> b.setSelected(true));
        showChosen.run();
        settings.whoWrites.addListener(o -> showChosen.run());
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) settings.whoWrites.set((WhoWrites) now.getUserData());
        });
        var builtinFields = BuiltinModelFields.of(settings.builtinModel, files);
        builtinFields.disableProperty().bind(settings.builtinModel.chosen().not());

        var url = new TextField();
        url.setId("server-url");
        var loadModels = new Button("Load models");
        loadModels.setId("load-models");
        loadModels.setOnAction(e -> settings.modelServer.loadModels());
        loadModels.disableProperty().bind(settings.busyProperty());
        HBox.setHgrow(url, Priority.ALWAYS);
        var model = new ComboBox<String>(settings.modelServer.models());
        model.setId("server-model");
        model.setEditable(true);
        model.setMaxWidth(Double.MAX_VALUE);
        model.valueProperty().bindBidirectional(settings.modelServer.model);
        model.setAccessibleText("Model");
        var key = new PasswordField();
        key.setId("api-key");
        key.setPromptText("Leave empty to keep the stored key");
        var forget = new Button("Remove key");
        forget.setId("forget-key");
        forget.getStyleClass().add("flat");
        forget.setOnAction(e -> settings.modelServer.forgetKey());
        HBox.setHgrow(key, Priority.ALWAYS);
        var keyStatus = new Label();
        keyStatus.setId("key-status");
        keyStatus.getStyleClass().add("muted");
        keyStatus.setWrapText(true);
        keyStatus.textProperty().bind(settings.modelServer.keyStatusProperty());
        var serverFields = new VBox(6,
                labelled("Server address", bind(url, settings.modelServer.serverUrl, "Server address")),
                new HBox(8, url, loadModels),
                labelled("Model", model), model,
                labelled("API key", bind(key, settings.modelServer.apiKey, "API key")), new HBox(8, key, forget), keyStatus);
        serverFields.getStyleClass().add("indented");
        serverFields.disableProperty().bind(settings.modelServer.useServer.not());
        var body = new VBox(8, offline, builtin, builtinFields);
        if (settings.downloads != null) body.getChildren().add(ModelDownloadsList.of(settings.downloads));
        body.getChildren().addAll(server, serverFields);
        return card("Who writes (jobs on this computer)", body);
    }

    private Node profileCard() {
        var voice = new TextArea();
        voice.setPrefRowCount(2);
        voice.setWrapText(true);
        var links = new VBox(6);
        Runnable rebuildLinks = () -> {
            links.getChildren().clear();
            for (int i = 0; i < settings.profile.links.size(); i++) links.getChildren().add(linkCard(settings.profile.links.get(i), i));
        };
        settings.profile.links.addListener((ListChangeListener<LinkRow>) c -> {
            while (c.next()) {
                if (c.wasAdded() || c.wasRemoved()) {
                    rebuildLinks.run();
                    return;
                }
            }
        });
        rebuildLinks.run();
        var addLink = new Button("Add internal link");
        addLink.setId("add-link");
        addLink.getStyleClass().add("small");
        addLink.setOnAction(e -> settings.profile.links.add(new LinkRow()));
        var body = new VBox(6,
                text("Organization name", "org-name", settings.profile.organizationName, "Crumb & Co"),
                text("Business type", "org-business", settings.profile.businessType, "Bakery"),
                text("Audience", "org-audience", settings.profile.audience, "home bakers"),
                text("Industry", "org-industry", settings.profile.industry, "food"),
                labelled("Brand voice", bind(voice, settings.profile.brandVoice, "Brand voice")), voice,
                text("Brand colour (image cards)", "org-color", settings.profile.brandColor, "#1d3557"),
                text("Accent colour", "org-accent", settings.profile.accentColor, "#f4a261"),
                groupTitle("Calls to action for posts whose brief brings none"), new CtaEditor(settings.profile.ctas, "org-", "None yet."),
                groupTitle("Pages of your site posts may link to"), links, addLink);
        voice.setId("org-voice");
        voice.setPromptText("warm, plain-spoken, no jargon");
        return card("Organization profile", body);
    }

    private Node linkCard(LinkRow row, int index) {
        String name = "Internal link " + (index + 1);
        var title = new TextField();
        title.setPromptText("Starter guide");
        bind(title, row.title, name + " title");
        var remove = new Button("Remove");
        remove.getStyleClass().addAll("small", "flat");
        remove.setAccessibleText("Remove " + name.toLowerCase());
        remove.setOnAction(e -> settings.profile.links.remove(row));
        HBox.setHgrow(title, Priority.ALWAYS);
        var url = new TextField();
        url.setPromptText("https://example.com/guide");
        bind(url, row.url, name + " address");
        var keywords = new TextField();
        keywords.setPromptText("keywords that make a link fitting, comma separated");
        bind(keywords, row.keywords, name + " keywords");
        var card = new VBox(4, new HBox(6, title, remove), url, keywords);
        card.getStyleClass().add("cta-card");
        return card;
    }

    private Node seoChecksCard() {
        var note = new Label("Ticked checks are counted. A check you switch off is left out of the SEO panels and "
                + "their score, and out of the posts written from now on.");
        note.getStyleClass().add("muted");
        note.setWrapText(true);
        var rows = settings.seoChecks.rows();
        return card("SEO checks", new VBox(8, note,
                groupTitle("SEO"), checkGrid(rows.stream().filter(r -> r.group().equals("seo")).toList()),
                groupTitle("Readability"), checkGrid(rows.stream().filter(r -> !r.group().equals("seo")).toList())));
    }

    /** A box per check, down two columns. */
    private static GridPane checkGrid(List<SeoChecksForm.Row> rows) {
        var grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(6);
        int half = (rows.size() + 1) / 2;
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            var box = new CheckBox(row.name());
            box.setId("seo-check-" + row.id());
            box.selectedProperty().bindBidirectional(row.counted());
            grid.add(box, i / half, i % half);
        }
        for (int c = 0; c < 2; c++) {
            var column = new ColumnConstraints();
            column.setPercentWidth(50);
            grid.getColumnConstraints().add(column);
        }
        return grid;
    }

    private Node computerCard(FileDialogs files) {
        var workers = new Spinner<Integer>(Settings.MIN_WORKERS, Settings.MAX_WORKERS, settings.general.workers.get());
        workers.setId("workers");
        workers.setAccessibleText("Jobs at once");
        workers.getValueFactory().valueProperty().addListener((o, was, now) -> settings.general.workers.set(now));
        settings.general.workers.addListener((o, was, now) -> workers.getValueFactory().setValue(now.intValue()));
        var theme = new ToggleGroup();
        var light = new RadioButton("Light");
        light.setId("theme-light");
        light.setToggleGroup(theme);
        var dark = new RadioButton("Dark");
        dark.setId("theme-dark");
        dark.setToggleGroup(theme);
        (settings.general.dark.get() ? dark : light).setSelected(true);
        theme.selectedToggleProperty().addListener((o, was, now) -> settings.general.dark.set(now == dark));
        var folder = new TextField();
        folder.setId("data-dir");
        folder.setPromptText("The usual place for app data on this computer");
        bind(folder, settings.general.dataDir, "Data folder");
        var choose = new Button("Choose…");
        choose.setOnAction(e -> files.folder("Data folder", settings.general.dataDir.get().isBlank() ? null
                : Path.of(settings.general.dataDir.get())).ifPresent(p -> settings.general.dataDir.set(p.toString())));
        HBox.setHgrow(folder, Priority.ALWAYS);
        var note = new Label("The number of jobs at once and the data folder take effect at the next start.");
        note.getStyleClass().add("muted");
        note.setWrapText(true);
        var body = new VBox(6, labelled("Jobs at once", workers), workers, groupTitle("Theme"), new HBox(16, light, dark),
                labelled("Data folder", folder), new HBox(8, folder, choose), note);
        return card("This computer", body);
    }

    static VBox card(String title, Node body) {
        var heading = new Label(title);
        heading.getStyleClass().add("card-heading");
        var card = new VBox(10, heading, body);
        card.getStyleClass().add("card");
        return card;
    }

    static Label groupTitle(String text) {
        var label = new Label(text);
        label.getStyleClass().add("field-group");
        label.setWrapText(true);
        return label;
    }

    private static VBox text(String label, String id, StringProperty value, String prompt) {
        var field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        bind(field, value, label);
        return new VBox(2, labelled(label, field), field);
    }

    static <T extends TextInputControl> T bind(T input, StringProperty value, String label) {
        input.textProperty().bindBidirectional(value);
        input.setAccessibleText(label);
        return input;
    }

    static Label labelled(String text, Node target) {
        var label = new Label(text);
        label.setLabelFor(target);
        return label;
    }
}
