package dev.postwright.llm.builtin.download;

import okhttp3.Call;

/**
 * Asks a running {@link ModelDownload} to stop, keeping what it has. The request in flight is
 * cancelled too: a flag alone would be seen only when a read returns, which on a stalled server
 * is the client's read timeout later. Thread-safe; one per run.
 */
public final class DownloadStop {
    private volatile boolean asked;
    private volatile Call call;

    /** Stops the download at once; it ends {@link ModelDownload.Outcome.Stopped}. */
    public void ask() {
        asked = true;
        Call current = call;
        if (current != null) current.cancel();
    }

    boolean asked() {
        return asked;
    }

    /** The request now in flight; cancelled at once when the stop was already asked. */
    void calling(Call current) {
        call = current;
        if (asked) current.cancel();
    }
}
