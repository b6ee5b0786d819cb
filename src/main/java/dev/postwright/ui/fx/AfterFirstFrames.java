package dev.postwright.ui.fx;

import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import javafx.stage.Window;

/**
 * Runs work once a node's window is showing and has painted its first frames: for costly parts
 * of a screen (a WebView) that should not hold up the first paint. An animation timer runs at
 * the start of a pulse, before that pulse paints; so at the start of pulse 2, pulse 1 has
 * painted the window.
 */
public final class AfterFirstFrames {
    /** At the start of this pulse the window has been painted once. */
    public static final int PAINTED = 2;

    private AfterFirstFrames() {}

    /** Runs {@code work} once, on the FX thread, at the start of the {@code pulse}th pulse after {@code node}'s window shows. */
    public static void whenShown(Node node, int pulse, Runnable work) {
        Runnable[] pending = {work};
        Runnable startCounting = () -> {
            if (pending[0] == null) return;
            Runnable once = pending[0];
            pending[0] = null;
            new AnimationTimer() {
                private int frames;

                @Override
                public void handle(long now) {
                    if (++frames < pulse) return;
                    stop();
                    once.run();
                }
            }.start();
        };
        if (isShowing(node)) {
            startCounting.run();
            return;
        }
        node.sceneProperty().addListener((o, was, scene) -> {
            if (scene == null) return;
            if (isShowing(node)) startCounting.run();
            scene.windowProperty().addListener((o2, w0, window) -> watch(window, startCounting));
            watch(scene.getWindow(), startCounting);
        });
    }

    private static void watch(Window window, Runnable startCounting) {
        if (window == null) return;
        if (window.isShowing()) startCounting.run();
        else window.showingProperty().addListener((o, was, showing) -> {
            if (showing) startCounting.run();
        });
    }

    private static boolean isShowing(Node node) {
        return node.getScene() != null && node.getScene().getWindow() != null && node.getScene().getWindow().isShowing();
    }
}
