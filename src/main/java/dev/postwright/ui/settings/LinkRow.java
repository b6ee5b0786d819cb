package dev.postwright.ui.settings;

import dev.postwright.model.OrganizationProfile.LinkTarget;
import java.util.Arrays;
import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** One editable internal link of the organization profile. */
public final class LinkRow {
    public final StringProperty title = new SimpleStringProperty("");
    public final StringProperty url = new SimpleStringProperty("");
    /** Comma separated. */
    public final StringProperty keywords = new SimpleStringProperty("");

    public static LinkRow of(LinkTarget link) {
        var row = new LinkRow();
        row.title.set(link.title() == null ? "" : link.title());
        row.url.set(link.url() == null ? "" : link.url());
        row.keywords.set(String.join(", ", link.keywords()));
        return row;
    }

    public LinkTarget toLink() {
        return new LinkTarget(title.get().strip(), url.get().strip(), Arrays.stream(keywords.get().split(","))
                .map(String::strip).filter(k -> !k.isEmpty()).toList());
    }

    /** A list of rows that reports a change whenever any field of any row changes. */
    public static ObservableList<LinkRow> list() {
        return FXCollections.observableArrayList(row -> new Observable[] {row.title, row.url, row.keywords});
    }
}
