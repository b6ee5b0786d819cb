package dev.postwright.cli;

import dev.postwright.store.StoreException;
import java.io.PrintWriter;

/**
 * What the command line says, and which exit code it returns, when a command throws instead of
 * returning a code. One sentence on stderr, never a stack trace or a class name a writer cannot
 * act on: a database fault found mid-command (damaged pages, a full disk) ends like one found at
 * start-up, with {@link ExitCodes#DATABASE_UNAVAILABLE} and the store's own sentence.
 */
public final class Failures {
    private Failures() {}

    /** Prints why {@code failure} ended the command and returns the exit code for it. */
    public static int report(Throwable failure, PrintWriter err) {
        StoreException store = storeFault(failure);
        if (store != null) {
            err.println(store.getMessage());
            err.flush();
            return store.databaseUnavailable() ? ExitCodes.DATABASE_UNAVAILABLE : ExitCodes.JOB_FAILED;
        }
        // A bug: its message (or, lacking one, its kind) is what a report to us needs.
        String what = failure.getMessage() != null ? failure.getMessage()
                : "an internal error (" + failure.getClass().getSimpleName() + ")";
        err.println("Postwright could not finish: " + what);
        err.flush();
        return ExitCodes.JOB_FAILED;
    }

    /** The store's fault behind {@code failure}, however deeply wrapped (futures, workers), or null. */
    private static StoreException storeFault(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StoreException s) return s;
        }
        return null;
    }
}
