package dev.postwright.jobs;

/** The job does not exist (never did, or was deleted). */
public final class JobNotFoundException extends RuntimeException {
    public JobNotFoundException(String jobId) {
        super("There is no job " + jobId + ".");
    }
}
