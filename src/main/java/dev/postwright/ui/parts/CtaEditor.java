package dev.postwright.ui.parts;

import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The calls to action as an editable table: one compact card per row (text, link, type,
 * placement, remove) and an Add button. Edits go straight into the rows, so the owner's
 * validation sees them as they are typed.
 */
public final class CtaEditor extends VBox {
    private static final String[] TYPES = {"primary", "secondary", "general"};
    private static final String[] PLACEMENTS = {"inline", "after-intro", "end-of-post"};

    private final ObservableList<CtaRow> rows;
    private final VBox cards = new VBox(6);
    private final String emptyText;

    /** @param emptyText what having no rows means here */
    public CtaEditor(ObservableList<CtaRow> rows, String idPrefix, String emptyText) {
        this.rows = rows;
        this.emptyText = emptyText;
        getStyleClass().add("cta-editor");
        setSpacing(6);
        var add = new Button("Add call to action");
        add.setId(idPrefix + "add-cta");
        add.getStyleClass().add("small");
        add.setOnAction(e -> rows.add(new CtaRow()));
        rows.addListener((ListChangeListener<CtaRow>) change -> {
            while (change.next()) {
                if (change.wasAdded() || change.wasRemoved() || change.wasPermutated()) {
                    rebuild(idPrefix);
                    return;
                }
            }
        });
        rebuild(idPrefix);
        getChildren().addAll(cards, add);
    }

    private void rebuild(String idPrefix) {
        cards.getChildren().clear();
        for (int i = 0; i < rows.size(); i++) cards.getChildren().add(card(rows.get(i), i, idPrefix));
        if (rows.isEmpty()) {
            var none = new Label(emptyText);
            none.setWrapText(true);
            none.getStyleClass().add("muted");
            cards.getChildren().add(none);
        }
    }

    private VBox card(CtaRow row, int index, String idPrefix) {
        String name = "Call to action " + (index + 1);
        var text = field(row.text, name + " text", "Book a free consultation");
        text.setId(idPrefix + "cta-text-" + index);
        var remove = new Button("Remove");
        remove.getStyleClass().addAll("small", "flat");
        remove.setAccessibleText("Remove " + name.toLowerCase());
        remove.setOnAction(e -> rows.remove(row));
        HBox.setHgrow(text, Priority.ALWAYS);
        var first = new HBox(6, text, remove);
        first.setAlignment(Pos.CENTER_LEFT);
        var link = field(row.href, name + " link", "https://example.com/contact");
        link.setId(idPrefix + "cta-link-" + index);
        var type = combo(row.type, TYPES, name + " type");
        var placement = combo(row.placement, PLACEMENTS, name + " placement");
        var third = new HBox(6, type, placement);
        var card = new VBox(4, first, link, third);
        card.getStyleClass().add("cta-card");
        return card;
    }

    private static TextField field(StringProperty value, String label, String prompt) {
        var field = new TextField();
        field.textProperty().bindBidirectional(value);
        field.setPromptText(prompt);
        field.setAccessibleText(label);
        return field;
    }

    private static ComboBox<String> combo(StringProperty value, String[] choices, String label) {
        var combo = new ComboBox<String>();
        combo.getItems().addAll(choices);
        if (!combo.getItems().contains(value.get())) combo.getItems().add(value.get());
        combo.valueProperty().bindBidirectional(value);
        combo.setAccessibleText(label);
        combo.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(combo, Priority.ALWAYS);
        return combo;
    }
}
