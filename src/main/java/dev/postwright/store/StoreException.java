package dev.postwright.store;

/**
 * A database operation failed after start-up (damaged pages, disk full, file deleted under us, a
 * bug in SQL). The message is fit to show a writer; the cause keeps the driver's detail for the log.
 */
public final class StoreException extends RuntimeException {
    private final boolean databaseUnavailable;

    public StoreException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /**
     * @param databaseUnavailable the database itself cannot be used (damaged, full, read-only,
     *                            locked, gone), so the same work fails again until the writer acts
     */
    public StoreException(String message, Throwable cause, boolean databaseUnavailable) {
        super(message, cause);
        this.databaseUnavailable = databaseUnavailable;
    }

    /**
     * True when the fault is the database's, not the work's: the command line then ends with
     * "the database cannot be opened" (exit 3), as when the file fails at start-up.
     */
    public boolean databaseUnavailable() {
        return databaseUnavailable;
    }
}
