package dev.postwright.jobs;

/** Thrown inside a job when its {@link CancellationToken} is cancelled; stages let it propagate. */
public final class JobCancelledException extends RuntimeException {
    private final CancellationToken.Reason reason;

    public JobCancelledException(CancellationToken.Reason reason) {
        super("job stopped: " + reason, null, false, false);
        this.reason = reason;
    }

    public CancellationToken.Reason reason() {
        return reason;
    }
}
