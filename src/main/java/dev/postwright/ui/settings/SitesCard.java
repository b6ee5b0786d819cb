package dev.postwright.ui.settings;

import dev.postwright.publish.wordpress.Site;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The "WordPress sites" card of Settings, bound to a {@link SitesForm}: the list, Add / Edit / Remove, and the editor. */
final class SitesCard {
    private SitesCard() {}

    static Node of(SitesForm form) {
        var note = new Label("Posts are published to these sites. Each site is saved on its own, with its Save site "
                + "button; application passwords are kept in " + form.whereSecretsAre() + ", never in the sites file.");
        note.getStyleClass().add("muted");
        note.setWrapText(true);
        var fileProblem = new Label();
        fileProblem.setId("sites-file-problem");
        fileProblem.getStyleClass().add("problems");
        fileProblem.setWrapText(true);
        fileProblem.textProperty().bind(form.fileProblemProperty());
        fileProblem.managedProperty().bind(form.fileProblemProperty().isNotEmpty());
        fileProblem.visibleProperty().bind(fileProblem.managedProperty());
        var list = new VBox(6);
        list.setId("sites-list");
        Runnable rebuild = () -> {
            list.getChildren().clear();
            if (form.sites().isEmpty()) {
                var none = new Label("No sites yet. Add one to publish posts to it.");
                none.getStyleClass().add("muted");
                list.getChildren().add(none);
            }
            for (int i = 0; i < form.sites().size(); i++) list.getChildren().add(row(form, form.sites().get(i), i));
        };
        form.sites().addListener((ListChangeListener<Site>) c -> rebuild.run());
        form.removingProperty().addListener((o, was, now) -> rebuild.run());
        rebuild.run();
        var add = new Button("Add site");
        add.setId("sites-add");
        add.getStyleClass().add("small");
        add.setOnAction(e -> form.add());
        var editorBox = new VBox();
        form.editorProperty().addListener((o, was, now) -> editorBox.getChildren().setAll(
                now == null ? new Node[0] : new Node[] {editor(form, now)}));
        add.disableProperty().bind(form.editorProperty().isNotNull());
        var status = new Label();
        status.setId("sites-status");
        status.setWrapText(true);
        status.textProperty().bind(form.statusProperty());
        status.managedProperty().bind(form.statusProperty().isNotEmpty());
        status.visibleProperty().bind(status.managedProperty());
        editorBox.managedProperty().bind(form.editorProperty().isNotNull());
        var body = new VBox(8, note, fileProblem, list, add, editorBox, status);
        var card = SettingsView.card("WordPress sites", body);
        card.setId("sites-card");
        card.getStylesheets().add(Objects.requireNonNull(SitesCard.class.getResource("sites.css")).toExternalForm());
        return card;
    }

    private static Node row(SitesForm form, Site site, int index) {
        var name = new Label(site.name());
        name.getStyleClass().add("site-name");
        var where = new Label(site.address() + " · " + site.user());
        where.getStyleClass().add("muted");
        var text = new VBox(2, name, where);
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var row = new HBox(8, text, spacer);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("site-row");
        if (site.equals(form.removingProperty().get())) {
            var ask = new Label("Remove \"" + site.name() + "\" and forget its application password?");
            ask.setWrapText(true);
            var remove = new Button("Remove");
            remove.setId("site-remove-confirm");
            remove.getStyleClass().addAll("small", "danger");
            remove.setOnAction(e -> form.remove());
            var keep = new Button("Keep");
            keep.setId("site-remove-keep");
            keep.getStyleClass().add("small");
            keep.setOnAction(e -> form.keep());
            var confirm = new VBox(6, row, new HBox(8, ask, remove, keep));
            confirm.getStyleClass().add("site-row");
            row.getStyleClass().remove("site-row");
            return confirm;
        }
        var edit = new Button("Edit");
        edit.setId("site-edit-" + index);
        edit.getStyleClass().addAll("small", "flat");
        edit.setAccessibleText("Edit " + site.name());
        edit.setOnAction(e -> form.edit(site));
        var remove = new Button("Remove");
        remove.setId("site-remove-" + index);
        remove.getStyleClass().addAll("small", "flat");
        remove.setAccessibleText("Remove " + site.name());
        remove.setOnAction(e -> form.askToRemove(site));
        row.getChildren().addAll(edit, remove);
        return row;
    }

    private static Node editor(SitesForm form, SiteEditor site) {
        var heading = new Label(site.original() == null ? "Add a site" : "Edit \"" + site.original().name() + "\"");
        heading.getStyleClass().add("field-group");
        var name = new TextField();
        name.setId("site-name");
        name.setPromptText("Company blog");
        var address = new TextField();
        address.setId("site-address");
        address.setPromptText("https://example.com");
        var user = new TextField();
        user.setId("site-user");
        user.setPromptText("The user name you log in to WordPress with");
        var password = new PasswordField();
        password.setId("site-password");
        password.setPromptText(site.original() == null ? "xxxx xxxx xxxx xxxx xxxx xxxx"
                : "Leave empty to keep the stored password");

        var connect = new Button("Connect with WordPress");
        connect.setId("site-connect");
        connect.getStyleClass().add("accent");
        connect.setOnAction(e -> site.connectWithWordPress());
        connect.disableProperty().bind(site.waitingProperty());
        var paste = new Button("Approve in WordPress, then paste");
        paste.setId("site-approve-paste");
        paste.setOnAction(e -> site.approveThenPaste());
        var stopWaiting = new Button("Cancel");
        stopWaiting.setId("site-connect-cancel");
        stopWaiting.getStyleClass().add("flat");
        stopWaiting.setOnAction(e -> site.cancelApproval());
        stopWaiting.visibleProperty().bind(site.waitingProperty());
        stopWaiting.managedProperty().bind(site.waitingProperty());
        var approval = words("site-approval", site.approvalWordsProperty());
        var how = new Label("Connect with WordPress opens your site in the browser; once you approve, the password "
                + "comes back to Postwright by itself. WordPress allows that only on sites set up as local; if it says "
                + "\"The URL must be served over a secure connection\", use Approve in WordPress, then paste: WordPress "
                + "shows a new application password to copy here.");
        how.getStyleClass().add("muted");
        how.setWrapText(true);

        var test = new Button("Test connection");
        test.setId("site-test");
        test.setOnAction(e -> site.testConnection());
        test.disableProperty().bind(site.checkProperty().isEqualTo(SiteEditor.Check.RUNNING));
        var cancelTest = new Button("Cancel");
        cancelTest.setId("site-test-cancel");
        cancelTest.getStyleClass().add("flat");
        cancelTest.setOnAction(e -> site.cancelTest());
        cancelTest.visibleProperty().bind(site.checkProperty().isEqualTo(SiteEditor.Check.RUNNING));
        cancelTest.managedProperty().bind(cancelTest.visibleProperty());
        var check = words("site-check", site.checkWordsProperty());
        site.checkProperty().addListener((o, was, now) -> style(check, now));
        style(check, site.checkProperty().get());

        var save = new Button("Save site");
        save.setId("site-save");
        save.getStyleClass().add("accent");
        save.setOnAction(e -> form.save());
        var cancel = new Button("Cancel");
        cancel.setId("site-cancel");
        cancel.setOnAction(e -> form.closeEditor());

        var box = new VBox(6, heading,
                field("Name", bind(name, site.name, "Site name"), site.nameProblem(), "site-name-problem"),
                field("Address", bind(address, site.address, "Site address"), site.addressProblem(), "site-address-problem"),
                SettingsView.groupTitle("Get a password from WordPress"), row(connect, paste, stopWaiting), approval, how,
                field("User", bind(user, site.user, "WordPress user"), site.userProblem(), "site-user-problem"),
                field("Application password", bind(password, site.password, "Application password"),
                        site.passwordProblem(), "site-password-problem"),
                row(test, cancelTest), check, row(save, cancel));
        box.getStyleClass().add("site-editor");
        return box;
    }

    private static <T extends TextInputControl> T bind(T input, javafx.beans.property.StringProperty value, String label) {
        return SettingsView.bind(input, value, label);
    }

    /** A label, the field and, beside it, the field's problem in words (when there is one). */
    private static Node field(String label, TextInputControl input, StringBinding problem, String problemId) {
        var words = new Label();
        words.setId(problemId);
        words.getStyleClass().add("field-problem");
        words.setWrapText(true);
        words.textProperty().bind(problem);
        words.setMaxWidth(300);
        words.managedProperty().bind(problem.isNotEmpty());
        words.visibleProperty().bind(words.managedProperty());
        HBox.setHgrow(input, Priority.ALWAYS);
        input.setMaxWidth(Double.MAX_VALUE);
        var line = new HBox(10, input, words);
        line.setAlignment(Pos.CENTER_LEFT);
        return new VBox(2, SettingsView.labelled(label, input), line);
    }

    private static Label words(String id, javafx.beans.value.ObservableStringValue text) {
        var label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.textProperty().bind(text);
        label.managedProperty().bind(Bindings.isNotEmpty(text));
        label.visibleProperty().bind(label.managedProperty());
        return label;
    }

    private static void style(Label check, SiteEditor.Check state) {
        check.getStyleClass().removeAll("check-connected", "check-warning", "muted");
        check.getStyleClass().add(switch (state) {
            case CONNECTED -> "check-connected";
            case WARNING -> "check-warning";
            case NONE, RUNNING -> "muted";
        });
    }

    private static HBox row(Node... nodes) {
        var row = new HBox(8, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
