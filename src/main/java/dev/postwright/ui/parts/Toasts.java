package dev.postwright.ui.parts;

import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Short notices at the bottom of the window ("Exported to …", "Post deleted — Undo"). One at a
 * time: a new notice replaces the old. A notice with an action stays longer, so there is time to
 * use it. FX thread only.
 */
public final class Toasts extends VBox {
    private static final Duration PLAIN = Duration.seconds(5);
    private static final Duration WITH_ACTION = Duration.seconds(10);

    private final PauseTransition timer = new PauseTransition();

    public Toasts() {
        getStyleClass().add("toasts");
        setAlignment(Pos.BOTTOM_CENTER);
        setPickOnBounds(false);
        setMouseTransparent(false);
        timer.setOnFinished(e -> getChildren().clear());
    }

    public void show(String message) {
        show(message, null, null);
    }

    /** A notice with a button, e.g. Undo; the notice closes when the button is used. */
    public void show(String message, String actionLabel, Runnable action) {
        var text = new Label(message);
        text.setWrapText(true);
        text.setId("toast-message");
        var toast = new HBox(12, text);
        toast.setId("toast");
        toast.getStyleClass().add("toast");
        toast.setAlignment(Pos.CENTER_LEFT);
        toast.setMaxWidth(560);
        if (action != null) {
            var button = new Button(actionLabel);
            button.setId("toast-action");
            button.getStyleClass().add("flat");
            button.setMinWidth(Region.USE_PREF_SIZE); // a long message wraps; the action keeps its word
            button.setOnAction(e -> {
                getChildren().clear();
                timer.stop();
                action.run();
            });
            toast.getChildren().add(button);
        }
        getChildren().setAll(toast);
        timer.stop();
        timer.setDuration(action == null ? PLAIN : WITH_ACTION);
        timer.playFromStart();
    }

    /** The notice on screen, or "" (tests). */
    public String current() {
        return getChildren().isEmpty() ? "" : ((Label) ((HBox) getChildren().getFirst()).getChildren().getFirst()).getText();
    }
}
