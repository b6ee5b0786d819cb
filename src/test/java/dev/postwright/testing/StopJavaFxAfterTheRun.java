package dev.postwright.testing;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Ends the JavaFX toolkit once every test has run, so the test JVM exits with no FX or WebKit
 * thread still working: left running, WebKit's native threads race the JVM's exit, and once in
 * about ten full runs the forked JVM aborted after the last test had passed. Registered through
 * {@code META-INF/services}; does nothing when no test started JavaFX.
 */
public final class StopJavaFxAfterTheRun implements TestExecutionListener {
    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        var exited = new CountDownLatch(1);
        try {
            Platform.runLater(() -> {
                Platform.exit();
                exited.countDown();
            });
            exited.await(10, TimeUnit.SECONDS);
        } catch (IllegalStateException toolkitNeverStarted) {
            // no test used JavaFX in this JVM
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
