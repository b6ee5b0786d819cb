package dev.postwright.ui.publish;

import atlantafx.base.theme.Styles;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The outbox page: every post sent, or on its way, to a site: pending with its step (or when it
 * tries again), failed with the reason and Retry (or "Replace the site's version…" for a post
 * changed there, after a confirmation), published with its link.
 */
public final class OutboxView extends VBox {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());

    private final OutboxModel model;
    private final Overlay overlay;
    private final Consumer<String> openLink;

    /** @param openLink opens a published post in the browser */
    public OutboxView(OutboxModel model, Overlay overlay, Consumer<String> openLink) {
        this.model = model;
        this.overlay = overlay;
        this.openLink = openLink;
        getStyleClass().add("outbox");
        setId("outbox");
        setSpacing(8);
        var heading = new Label("Outbox");
        heading.getStyleClass().add("section-title");
        var summary = new Label();
        summary.setId("outbox-summary");
        summary.getStyleClass().add("muted");
        Runnable summarize = () -> summary.setText(summary(model));
        model.entries().addListener((ListChangeListener<OutboxEntry>) c -> summarize.run());
        summarize.run();
        var list = new ListView<>(model.entries());
        list.setId("outbox-list");
        list.setAccessibleText("Posts sent to sites");
        list.setPlaceholder(new Label("Nothing sent yet. Publish a post from the library, or from the desk once it is saved."));
        list.setCellFactory(v -> new EntryCell());
        list.setFocusTraversable(true);
        VBox.setVgrow(list, Priority.ALWAYS);
        var said = new Label();
        said.setId("outbox-message");
        said.getStyleClass().add("muted");
        said.textProperty().bind(model.messageProperty());
        said.visibleProperty().bind(Bindings.isNotEmpty(said.textProperty()));
        getChildren().addAll(heading, summary, list, said);
    }

    private static String summary(OutboxModel model) {
        long pending = 0, failed = 0, published = 0;
        for (OutboxEntry e : model.entries()) {
            switch (e.kind()) {
                case PENDING -> pending++;
                case FAILED -> failed++;
                case PUBLISHED -> published++;
            }
        }
        if (pending + failed + published == 0) return "Posts you publish wait here until the site has them.";
        return pending + " on the way · " + failed + " failed · " + published + " published";
    }

    private void confirmReplace(OutboxEntry entry) {
        var title = new Label("Replace the version on " + entry.site() + "?");
        title.getStyleClass().add(Styles.TITLE_4);
        var text = new Label("“" + entry.postTitle() + "” was changed on " + entry.site() + " since Postwright last "
                + "published it. Publishing it again replaces those changes with the library's version.");
        text.setWrapText(true);
        var keep = new Button("Keep the site's version");
        keep.setId("replace-keep");
        keep.setCancelButton(true);
        keep.setOnAction(e -> overlay.close());
        var replace = new Button("Replace it");
        replace.setId("replace-confirm");
        replace.getStyleClass().add(Styles.DANGER);
        replace.setDefaultButton(true);
        replace.setOnAction(e -> {
            overlay.close();
            model.replaceSiteVersion(entry);
        });
        var buttons = new HBox(8, keep, replace);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        var card = new VBox(12, title, text, buttons);
        card.setId("replace-dialog");
        card.getStyleClass().add("overlay-card");
        card.setPrefWidth(460);
        overlay.show(card);
    }

    /** Title and site, the state, the detail, and the row's commands. */
    private final class EntryCell extends ListCell<OutboxEntry> {
        /** As tall as the reason needs when wrapped to the list's width (not to its own full length). */
        @Override
        protected double computePrefHeight(double width) {
            if (isEmpty() || getGraphic() == null || getListView() == null || getListView().getWidth() <= 0) {
                return super.computePrefHeight(width);
            }
            return snappedTopInset() + getGraphic().prefHeight(getListView().getWidth() - 40) + snappedBottomInset();
        }

        @Override
        protected void updateItem(OutboxEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            setText(null);
            if (empty || entry == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            var state = new Label(switch (entry.kind()) {
                case PENDING -> entry.retrying() ? "Waiting" : "On the way";
                case FAILED -> "Failed";
                case PUBLISHED -> "Published";
            });
            state.getStyleClass().addAll("outbox-state", entry.kind().name().toLowerCase(Locale.ROOT));
            state.setMinWidth(Region.USE_PREF_SIZE);
            var title = new Label(entry.postTitle());
            title.getStyleClass().add("post-title");
            var site = new Label("to " + entry.site() + " · " + WHEN.format(entry.when()));
            site.getStyleClass().add("muted");
            site.setMinWidth(Region.USE_PREF_SIZE);
            var spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            var top = new HBox(8, state, title, spacer, site);
            top.setAlignment(Pos.CENTER_LEFT);
            var detail = new Label(entry.detail());
            detail.setId("outbox-detail");
            detail.setWrapText(true);
            if (getListView() != null) detail.prefWidthProperty().bind(getListView().widthProperty().subtract(40));
            detail.getStyleClass().add(entry.kind() == OutboxEntry.Kind.FAILED ? "problems" : "muted");
            var actions = new HBox(6);
            actions.setAlignment(Pos.CENTER_LEFT);
            switch (entry.kind()) {
                case PENDING -> actions.getChildren().add(button("Cancel", "outbox-cancel", () -> model.cancel(entry)));
                case FAILED -> {
                    if (entry.changedOnSite()) {
                        actions.getChildren().add(button("Replace the site's version…", "outbox-replace",
                                () -> confirmReplace(entry)));
                    } else {
                        actions.getChildren().add(button("Retry", "outbox-retry", () -> model.retry(entry)));
                    }
                    actions.getChildren().add(button("Dismiss", "outbox-dismiss", () -> model.dismiss(entry)));
                }
                case PUBLISHED -> {
                    if (entry.link() != null) {
                        var link = new Hyperlink(entry.link());
                        link.setId("outbox-link");
                        link.setAccessibleText("Open the post on " + entry.site());
                        link.setOnAction(e -> openLink.accept(entry.link()));
                        actions.getChildren().add(link);
                    }
                    actions.getChildren().add(button("Dismiss", "outbox-dismiss", () -> model.dismiss(entry)));
                }
            }
            var box = new VBox(4, top, detail, actions);
            box.setMinWidth(0);
            setGraphic(box);
            setPrefWidth(0); // follow the list's width; long reasons wrap instead of scrolling sideways
            setAccessibleText(state.getText() + ": " + entry.postTitle() + " to " + entry.site() + ". " + entry.detail());
        }

        private static Button button(String text, String id, Runnable action) {
            var button = new Button(text);
            button.setId(id);
            button.getStyleClass().add(Styles.SMALL);
            button.setOnAction(e -> action.run());
            return button;
        }
    }
}
