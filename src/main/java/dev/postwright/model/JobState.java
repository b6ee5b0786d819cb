package dev.postwright.model;

/**
 * Where a job is in its life. The protocol knows no "cancelled": on the wire a cancelled job is
 * {@code failed} with error "Cancelled". Postwright records it apart so views can say so.
 */
public enum JobState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    /** True once the job can no longer change without a retry. */
    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
