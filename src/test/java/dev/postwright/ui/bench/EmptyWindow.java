package dev.postwright.ui.bench;

import java.lang.management.ManagementFactory;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The floor for cold start: an empty JavaFX window from the same jar, reporting its first
 * painted frame the way Postwright does. Run by {@code bench/cold-start.sh}.
 */
public final class EmptyWindow {
    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            stage.setScene(new Scene(new StackPane(new Label("Empty")), 1280, 820));
            stage.show();
            new AnimationTimer() {
                private int pulses;

                @Override
                public void handle(long now) {
                    if (++pulses < 2) return; // the same moment Postwright logs: its first frame has painted
                    stop();
                    System.out.println("Empty window shown " + ManagementFactory.getRuntimeMXBean().getUptime()
                            + " ms after the JVM started");
                    Platform.exit();
                }
            }.start();
        }
    }
}
