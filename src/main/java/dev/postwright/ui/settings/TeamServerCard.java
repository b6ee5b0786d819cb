package dev.postwright.ui.settings;

import javafx.geometry.Pos;
import dev.postwright.remote.Dialect;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The "Where jobs run" card of Settings, bound to a {@link TeamServerForm}. */
final class TeamServerCard {
    private TeamServerCard() {}

    static Node of(TeamServerForm team) {
        var group = new ToggleGroup();
        var local = new RadioButton("On this computer: jobs run here, even offline");
        local.setId("jobs-local");
        local.setToggleGroup(group);
        var remote = new RadioButton("On a team server: Postwright serve, or your team's backend");
        remote.setId("jobs-team");
        remote.setToggleGroup(group);
        (team.useTeamServer.get() ? remote : local).setSelected(true);
        team.useTeamServer.addListener((o, was, now) -> (now ? remote : local).setSelected(true));
        group.selectedToggleProperty().addListener((o, was, now) -> team.useTeamServer.set(now == remote));

        var kind = new ComboBox<Dialect>();
        kind.setId("team-dialect");
        kind.getItems().setAll(Dialect.values());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(Dialect d) {
                return d == null ? "" : d.label();
            }

            @Override
            public Dialect fromString(String s) {
                return Dialect.of(s);
            }
        });
        kind.valueProperty().bindBidirectional(team.dialect);
        kind.setAccessibleText("Kind of server");
        var url = new TextField();
        url.setId("team-url");
        url.setPromptText("https://blog.example.com");
        var token = new PasswordField();
        token.setId("team-token");
        token.setPromptText("Leave empty to keep the stored token");
        var test = new Button("Test connection");
        test.setId("team-test");
        test.setOnAction(e -> team.testConnection());
        HBox.setHgrow(token, Priority.ALWAYS);
        var status = new Label();
        status.setId("team-status");
        status.getStyleClass().add("muted");
        status.setWrapText(true);
        status.textProperty().bind(team.statusProperty());
        var tokenRow = new HBox(8, token, test);
        tokenRow.setAlignment(Pos.CENTER_LEFT);
        var fields = new VBox(6,
                SettingsView.labelled("Server address", SettingsView.bind(url, team.url, "Team server address")), url,
                SettingsView.labelled("Kind of server", kind), kind,
                SettingsView.labelled("Token", SettingsView.bind(token, team.token, "Team server token")), tokenRow,
                status);
        fields.getStyleClass().add("indented");
        fields.disableProperty().bind(team.useTeamServer.not());
        return SettingsView.card("Where jobs run", new VBox(8, local, remote, fields));
    }
}
