package dev.postwright.store.postgres;

/**
 * The PostgreSQL database cannot be used: {@link #getMessage()} says why in an operator's words
 * and names the server (host, port, database, user), never the password; {@link #reason()} says
 * which case it is. The cause keeps the driver's detail for the log.
 */
public final class PostgresUnavailableException extends Exception {
    /** The cases an operator fixes differently. */
    public enum Reason {
        WRONG_PASSWORD, NO_PASSWORD, NOT_ALLOWED, UNKNOWN_DATABASE, NOT_LISTENING, UNKNOWN_HOST, TIMED_OUT,
        NO_CONNECTION_FREE, NOT_READY, NEWER_SCHEMA, OTHER
    }

    private final Reason reason;

    PostgresUnavailableException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
