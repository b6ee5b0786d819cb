package dev.postwright.llm.builtin.download;

import java.util.function.BooleanSupplier;
import okhttp3.Call;

/**
 * Asks a running {@link ModelDownload} to stop, keeping what it has. The request in flight is
 * cancelled too: a flag alone would be seen only when a read returns, which on a stalled server
 * is the client's read timeout later. Thread-safe; one per run.
 */
public final class DownloadStop {
    private final BooleanSupplier also;
    private volatile boolean asked;
    private volatile Call call;

    public DownloadStop() {
        this(() -> false);
    }

    /** A stop that is also asked whenever {@code also} says so (checked between reads). */
    public DownloadStop(BooleanSupplier also) {
        this.also = also;
    }

    /** Stops the download at once; it ends {@link ModelDownload.Outcome.Stopped}. */
    public void ask() {
        asked = true;
        Call current = call;
        if (current != null) current.cancel();
    }

    boolean asked() {
        return asked || also.getAsBoolean();
    }

    /** The request now in flight; cancelled at once when the stop was already asked. */
    void calling(Call current) {
        call = current;
        if (asked) current.cancel();
    }
}
