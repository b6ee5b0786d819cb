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

    /** Shows {@code card} in the middle of the window, the focus on its first control. */
    public void show(Node card) {
        if (card instanceof Region region) region.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        getChildren().setAll(card);
        setVisible(true);
        applyCss();
        Node first = firstControl(card);
        (first != null ? first : card).requestFocus();
    }

    /** The first visible, enabled node that takes the focus, depth first; null for none. */
    private static Node firstControl(Node node) {
        if (!node.isVisible() || node.isDisabled()) return null;
        if (node.isFocusTraversable()) return node;
        if (node instanceof javafx.scene.Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                Node found = firstControl(child);
                if (found != null) return found;
            }
        }
        return null;
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
