package dev.postwright.wire;

/**
 * Input that cannot be read: malformed JSON, a body over its size limit, a required part
 * missing. The message is written for a writer and never contains the input itself.
 */
public final class WireFormatException extends RuntimeException {
    public WireFormatException(String message) {
        super(message);
    }

    public WireFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
