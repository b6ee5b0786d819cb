package dev.postwright.ui.parts;

import dev.postwright.model.Cta;
import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** One editable call to action: a row of the CTA table. */
public final class CtaRow {
    public final StringProperty text = new SimpleStringProperty("");
    public final StringProperty href = new SimpleStringProperty("");
    public final StringProperty type = new SimpleStringProperty(Cta.DEFAULT_TYPE);
    public final StringProperty placement = new SimpleStringProperty(Cta.DEFAULT_PLACEMENT);

    public static CtaRow of(Cta cta) {
        var row = new CtaRow();
        row.text.set(cta.text() == null ? "" : cta.text());
        row.href.set(cta.href() == null ? "" : cta.href());
        row.type.set(cta.type());
        row.placement.set(cta.placement());
        return row;
    }

    /** The row as the model's call to action; blank fields become null for the model's rules to judge. */
    public Cta toCta() {
        return new Cta(blankToNull(text.get()), blankToNull(href.get()), type.get(), placement.get());
    }

    /** A list of rows that reports a change whenever any field of any row changes. */
    public static ObservableList<CtaRow> list() {
        return FXCollections.observableArrayList(row -> new Observable[] {row.text, row.href, row.type, row.placement});
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
