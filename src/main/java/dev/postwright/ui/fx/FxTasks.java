package dev.postwright.ui.fx;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The one way view models leave the FX thread and come back: a {@link BackgroundTask}'s work
 * runs on {@code background} (engine, database, file, keyring and network calls), its outcome
 * comes back through {@code frames}. Tests pass a direct or virtual-thread executor and
 * {@code ManualFrames}, so no stage is needed. Thread-safe; {@link #execute} is called on the FX
 * thread.
 */
public record FxTasks(Executor background, FxFrames frames) {
    public FxTasks {
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(frames, "frames");
    }

    /** Starts {@code task}'s work on the background executor. */
    public void execute(BackgroundTask<?> task) {
        background.execute(() -> task.runOn(frames));
    }
}
