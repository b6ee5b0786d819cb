package dev.postwright.ui.publish;

import atlantafx.base.theme.Styles;
import dev.postwright.publish.wordpress.Site;
import dev.postwright.ui.publish.PublishDialogModel.Status;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Publish dialog's card: site, status (a schedule with date and time), categories, tags,
 * what will happen on the site, and each field's problem beside it. Publish hands the request
 * to the model; Cancel (or Esc) closes the card.
 */
public final class PublishDialogView extends VBox {
    /**
     * @param close        closes the card
     * @param openSettings shows Settings (where sites are added)
     * @param openLink     opens a link in the browser
     * @param queued       runs when the outbox took the request (the card is closed first)
     */
    public PublishDialogView(PublishDialogModel model, Runnable close, Runnable openSettings, Consumer<String> openLink,
                             Consumer<PublishDialogModel.Queued> queued) {
        getStyleClass().addAll("publish-dialog", "overlay-card");
        setId("publish-dialog");
        setSpacing(10);
        setPrefWidth(580);
        var heading = new Label();
        heading.setId("publish-heading");
        heading.getStyleClass().add(Styles.TITLE_3);
        heading.setWrapText(true);
        heading.textProperty().bind(Bindings.createStringBinding(() -> model.titleProperty().get().isEmpty()
                ? "Publish" : "Publish “" + model.titleProperty().get() + "”", model.titleProperty()));
        getChildren().addAll(heading, problem(model, "postId"));

        var sites = new ComboBox<>(model.sites());
        sites.setId("publish-site");
        sites.setAccessibleText("Site");
        sites.setMaxWidth(Double.MAX_VALUE);
        sites.setConverter(new StringConverter<>() {
            @Override
            public String toString(Site site) {
                return site == null ? "" : site.name() + " · " + site.address().getHost();
            }

            @Override
            public Site fromString(String text) {
                return null;
            }
        });
        sites.valueProperty().bindBidirectional(model.site);
        var noSites = new Label();
        noSites.setId("publish-no-sites");
        noSites.setWrapText(true);
        noSites.textProperty().bind(model.noSitesProperty());
        var settings = new Hyperlink("Open Settings");
        settings.setId("publish-open-settings");
        settings.setOnAction(e -> {
            close.run();
            openSettings.run();
        });
        var noSitesBox = new VBox(2, noSites, settings);
        noSitesBox.visibleProperty().bind(model.noSitesProperty().isNotEmpty());
        noSitesBox.managedProperty().bind(noSitesBox.visibleProperty());
        sites.visibleProperty().bind(noSitesBox.visibleProperty().not());
        sites.managedProperty().bind(sites.visibleProperty());
        getChildren().add(field("Site", new VBox(4, sites, noSitesBox), problem(model, "site")));

        var group = new ToggleGroup();
        var statuses = new VBox(6);
        for (Status status : Status.values()) {
            var radio = new RadioButton(status.label);
            radio.setId("publish-status-" + status.wire);
            radio.setToggleGroup(group);
            radio.setUserData(status);
            radio.setSelected(model.status.get() == status);
            statuses.getChildren().add(radio);
        }
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) model.status.set((Status) now.getUserData());
        });
        model.status.addListener((o, was, now) -> group.getToggles().forEach(t -> t.setSelected(t.getUserData() == now)));
        var date = new DatePicker();
        date.setId("publish-date");
        date.setAccessibleText("Date to publish on");
        date.valueProperty().bindBidirectional(model.date);
        date.setPrefWidth(150);
        var time = new TextField();
        time.setId("publish-time");
        time.setAccessibleText("Time to publish at");
        time.setPrefColumnCount(5);
        time.textProperty().bindBidirectional(model.time);
        var siteTime = new Label("in the site's time zone");
        siteTime.getStyleClass().add("muted");
        siteTime.setMinWidth(Region.USE_PREF_SIZE);
        var schedule = new HBox(8, date, time, siteTime);
        schedule.setAlignment(Pos.CENTER_LEFT);
        schedule.setPadding(new javafx.geometry.Insets(0, 0, 0, 26));
        schedule.disableProperty().bind(model.status.isNotEqualTo(Status.FUTURE));
        statuses.getChildren().add(schedule);
        getChildren().add(field("Status", statuses, new VBox(problem(model, "status"), problem(model, "publishAt"))));

        var categories = text("publish-categories", "Categories", "News, Recipes", model.categories);
        getChildren().add(field("Categories", categories, problem(model, "categories")));
        var tags = text("publish-tags", "Tags", "sourdough, baking", model.tags);
        getChildren().add(field("Tags", tags, problem(model, "tags")));
        var hint = new Label("Separate names with commas; missing ones are created on the site.");
        hint.getStyleClass().addAll("muted", Styles.TEXT_SMALL);
        hint.setWrapText(true);
        getChildren().add(hint);

        var happening = new Label();
        happening.setId("publish-happening");
        happening.setWrapText(true);
        happening.textProperty().bind(model.happeningProperty());
        var link = new Hyperlink();
        link.setId("publish-happening-link");
        link.textProperty().bind(model.happeningLinkProperty());
        link.visibleProperty().bind(model.happeningLinkProperty().isNotNull());
        link.managedProperty().bind(link.visibleProperty());
        link.setOnAction(e -> openLink.accept(link.getText()));
        var what = new VBox(0, happening, link);
        what.getStyleClass().add("publish-happening");
        getChildren().addAll(what, problem(model, "form"));

        var cancel = new Button("Cancel");
        cancel.setId("publish-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> close.run());
        var publish = new Button("Publish");
        publish.setId("publish-send");
        publish.setDefaultButton(true);
        publish.getStyleClass().add(Styles.ACCENT);
        publish.disableProperty().bind(model.busyProperty().or(model.noSitesProperty().isNotEmpty()));
        publish.setOnAction(e -> model.publish(done -> {
            close.run();
            queued.accept(done);
        }));
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var buttons = new HBox(8, spacer, cancel, publish);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        getChildren().add(buttons);
    }

    private static Node field(String name, Node input, Node problem) {
        var label = new Label(name);
        label.getStyleClass().add("field-label");
        label.setMinWidth(90);
        var right = new VBox(4, input, problem);
        HBox.setHgrow(right, Priority.ALWAYS);
        var row = new HBox(12, label, right);
        row.setAlignment(Pos.TOP_LEFT);
        return row;
    }

    private static TextField text(String id, String accessible, String prompt, javafx.beans.property.StringProperty value) {
        var field = new TextField();
        field.setId(id);
        field.setAccessibleText(accessible);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static Label problem(PublishDialogModel model, String field) {
        var label = new Label();
        label.setId("publish-problem-" + field);
        label.getStyleClass().add("problems");
        label.setWrapText(true);
        label.textProperty().bind(model.problem(field));
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}
