package dev.postwright.jobs;

import java.time.Duration;

/**
 * A job could not finish. The message is shown to the writer as the job's error, so it says
 * what happened and what to do, and never contains secrets. Transient failures (network, rate
 * limits, server errors) are retried automatically, with backoff, up to the attempt cap.
 */
public final class JobFailure extends Exception {
    private final String errorCode;
    private final boolean transientFailure;
    private final Duration retryAfter;

    private JobFailure(String message, String errorCode, boolean transientFailure, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
        this.transientFailure = transientFailure;
        this.retryAfter = retryAfter;
    }

    /** A failure that retrying will not fix (a bad key, an unknown model, invalid input). */
    public static JobFailure permanent(String message, String errorCode) {
        return new JobFailure(message, errorCode, false, null, null);
    }

    /**
     * A failure that may pass: retried after the backoff delay, or after {@code retryAfter}
     * when the server said when (null when it did not).
     */
    public static JobFailure transientFailure(String message, String errorCode, Duration retryAfter, Throwable cause) {
        return new JobFailure(message, errorCode, true, retryAfter, cause);
    }

    /** A stable code such as {@code RATE_LIMITED}; may be null. */
    public String errorCode() {
        return errorCode;
    }

    public boolean isTransient() {
        return transientFailure;
    }

    /** The server's requested wait before retrying, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
