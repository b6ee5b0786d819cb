package dev.postwright.testing;

import dev.postwright.ui.shell.DesktopApp;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Starts and stops the real desktop app for a TestFX test, headless on Monocle. */
public final class FxApp implements AutoCloseable {
    private final Application app;

    private FxApp(Application app) {
        this.app = app;
    }

    public static FxApp start(Path configDir, Path dataDir, AnsweringFileDialogs files) throws Exception {
        FxToolkit.registerPrimaryStage();
        return new FxApp(FxToolkit.setupApplication(() -> new DesktopApp(configDir, dataDir, files)));
    }

    public DesktopApp desktop() {
        return (DesktopApp) app;
    }

    /** Waits up to a minute for {@code condition}, which is polled on the test thread. */
    public static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }

    /** Runs {@code work} on the FX thread and returns its result. */
    public static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    /** Stops the app as closing its window would: {@link Application#stop()} runs. */
    @Override
    public void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }
}
