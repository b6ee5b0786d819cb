package dev.postwright.ui.publish;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * A modal card over the window's pages (the Publish dialog, a confirmation): the page behind is
 * dimmed and takes no clicks while a card is shown; Esc closes it. One card at a time: showing
 * another replaces it. FX thread only.
 */
public final class Overlay extends StackPane {
    public Overlay() {
        getStyleClass().add("overlay");
        setId("overlay");
        setAlignment(Pos.CENTER);
        setVisible(false);
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                close();
            }
        });
    }

    /** Shows {@code card} in the middle of the window and gives it the focus. */
    public void show(Node card) {
        if (card instanceof Region region) region.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        getChildren().setAll(card);
        setVisible(true);
        card.requestFocus();
    }

    /** Closes the card shown, if any. */
    public void close() {
        getChildren().clear();
        setVisible(false);
    }

    /** True while a card is shown. */
    public boolean isOpen() {
        return isVisible();
    }
}
