package dev.postwright.remote;

/**
 * A remote call failed; the message is a sentence for the writer and never holds the token.
 *
 * @see RemoteErrors
 */
public final class RemoteException extends RuntimeException {
    private final int status;

    RemoteException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** The HTTP status, or 0 when the server could not be reached. */
    public int status() {
        return status;
    }
}
