package dev.postwright.wire;

/**
 * Input that cannot be read: malformed JSON, a body over its size limit, a required part
 * missing, a field of the wrong type. The message is written for a writer and never contains the
 * input itself; {@link #field()} names the field at fault when there is one.
 */
public final class WireFormatException extends RuntimeException {
    private final String field;

    public WireFormatException(String message) {
        this(message, (String) null);
    }

    public WireFormatException(String message, Throwable cause) {
        super(message, cause);
        this.field = null;
    }

    /** Input whose {@code field} (a dotted path such as {@code options.preloadedTweets}) has the wrong shape. */
    public WireFormatException(String message, String field) {
        super(message);
        this.field = field;
    }

    /** The dotted path of the field at fault, or null when the fault is not one field's. */
    public String field() {
        return field;
    }
}
