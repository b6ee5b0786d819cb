package dev.postwright.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

public final class DesktopApp extends Application {
    public static void launchApp(String[] args) { Application.launch(DesktopApp.class, args); }
    @Override public void start(Stage stage) {
        stage.setScene(new Scene(new Label("Postwright"), 400, 300));
        stage.show();
    }
}
