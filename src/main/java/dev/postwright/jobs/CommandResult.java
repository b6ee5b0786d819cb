package dev.postwright.jobs;

/** The outcome of cancel, retry and delete. */
public enum CommandResult {
    /** Done. */
    APPLIED,
    /** No such job. */
    NOT_FOUND,
    /** The job's state does not allow it (cancel a finished job, retry one that did not fail). */
    NOT_ALLOWED
}
