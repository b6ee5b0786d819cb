package dev.postwright;

import javafx.application.Platform;
import javafx.scene.web.WebView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import java.util.concurrent.*;
import static org.assertj.core.api.Assertions.assertThat;

class SmokeTest {
    @Test void webViewLoads() throws Exception {
        FxToolkit.registerPrimaryStage();
        var f = new CompletableFuture<String>();
        Platform.runLater(() -> {
            var w = new WebView();
            w.getEngine().getLoadWorker().stateProperty().addListener((o, a, s) -> {
                if (s == javafx.concurrent.Worker.State.SUCCEEDED) f.complete((String) w.getEngine().executeScript("document.title"));
            });
            w.getEngine().loadContent("<html><head><title>hi</title></head><body>x</body></html>");
        });
        assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo("hi");
        System.err.println("java " + System.getProperty("java.version"));
    }
}
