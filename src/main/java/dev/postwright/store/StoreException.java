package dev.postwright.store;

/**
 * A database operation failed after start-up (damaged pages, disk full, file deleted under us, a
 * bug in SQL). The message is fit to show a writer; the cause keeps the driver's detail for the log.
 */
public final class StoreException extends RuntimeException {
    private final boolean databaseUnavailable;
    private final boolean diskFull;

    public StoreException(String message, Throwable cause) {
        this(message, cause, false, false);
    }

    /**
     * @param databaseUnavailable the database itself cannot be used (damaged, full, read-only,
     *                            locked, gone), so the same work fails again until the writer acts
     * @param diskFull            the disk holding the database is full; the store recovers by
     *                            itself once there is room ({@link Database#writeFault()})
     */
    public StoreException(String message, Throwable cause, boolean databaseUnavailable, boolean diskFull) {
        super(message, cause);
        this.databaseUnavailable = databaseUnavailable || diskFull;
        this.diskFull = diskFull;
    }

    /**
     * True when the fault is the database's, not the work's: the command line then ends with
     * "the database cannot be opened" (exit 3), as when the file fails at start-up.
     */
    public boolean databaseUnavailable() {
        return databaseUnavailable;
    }

    /** True when the write failed for want of disk space: nothing is lost, and it passes. */
    public boolean diskFull() {
        return diskFull;
    }
}
