package dev.postwright.store;

/**
 * A database operation failed after start-up (disk full, file deleted under us, a bug in SQL).
 * The message is fit to show a writer; the cause keeps the driver's detail for the log.
 */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
