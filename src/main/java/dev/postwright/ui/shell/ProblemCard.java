package dev.postwright.ui.shell;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The window when the library cannot be opened: what is wrong, in words, and Quit. */
final class ProblemCard {
    private ProblemCard() {}

    static Parent of(String problem) {
        var heading = new Label("Postwright cannot open your library");
        heading.getStyleClass().addAll("card-heading", "problem");
        var message = new Label(problem);
        message.setId("library-problem");
        message.setWrapText(true);
        var quit = new Button("Quit");
        quit.setDefaultButton(true);
        quit.setOnAction(e -> Platform.exit());
        var card = new VBox(10, heading, message, quit);
        card.getStyleClass().addAll("card", "problem-card");
        card.setMaxWidth(620);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        var root = new BorderPane(card);
        BorderPane.setAlignment(card, Pos.TOP_CENTER);
        BorderPane.setMargin(card, new Insets(28));
        return root;
    }
}
