package dev.postwright.cli;

import dev.postwright.llm.builtin.download.ModelDownload.Progress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A download's progress as lines on stderr: the first report, then at most one a second, and the
 * last one when the download ends, so a log or a terminal shows how far it got without a flood.
 */
final class ProgressLines {
    static final long EVERY_NANOS = 1_000_000_000L;

    private final PrintWriter err;
    private final LongSupplier nanoClock;
    private Progress last;
    private boolean lastPrinted = true;
    private long printedAt;
    private boolean any;

    ProgressLines(PrintWriter err, LongSupplier nanoClock) {
        this.err = err;
        this.nanoClock = nanoClock;
    }

    void offer(Progress progress) {
        last = progress;
        long now = nanoClock.getAsLong();
        if (any && now - printedAt < EVERY_NANOS) {
            lastPrinted = false;
            return;
        }
        any = true;
        printedAt = now;
        print(progress);
    }

    /** Prints the last report if it was held back. */
    void finish() {
        if (last != null && !lastPrinted) print(last);
    }

    private void print(Progress progress) {
        lastPrinted = true;
        err.println("  " + progress.words() + String.format(Locale.ROOT, " (%d%%)", (int) Math.floor(progress.fraction() * 100)));
        err.flush();
    }
}
