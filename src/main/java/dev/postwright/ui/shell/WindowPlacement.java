package dev.postwright.ui.shell;

import dev.postwright.settings.WindowBounds;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Puts the window back where the writer left it, if that place is still on a screen. */
final class WindowPlacement {
    private WindowPlacement() {}

    static void restore(Stage stage, WindowBounds bounds) {
        if (bounds == null || !bounds.isUsable()) return;
        // A monitor may have been unplugged since: only restore a place that is still visible.
        var area = new Rectangle2D(bounds.x(), bounds.y(), bounds.width(), bounds.height());
        if (Screen.getScreensForRectangle(area).isEmpty()) return;
        stage.setX(bounds.x());
        stage.setY(bounds.y());
        stage.setWidth(bounds.width());
        stage.setHeight(bounds.height());
        stage.setMaximized(bounds.maximized());
    }

    static WindowBounds of(Stage stage) {
        return new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized());
    }
}
