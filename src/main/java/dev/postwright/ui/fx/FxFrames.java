package dev.postwright.ui.fx;

/**
 * The one seam between other threads and the FX thread: work handed in here runs on the FX
 * thread at the next frame. Views never call {@code Platform.runLater} themselves.
 */
public interface FxFrames {
    /** Runs {@code work} on the FX thread at the next pulse. Callable from any thread. */
    void nextFrame(Runnable work);
}
