package dev.postwright.queue;

import dev.postwright.jobs.JobCancelledException;
import dev.postwright.jobs.JobFailure;
import dev.postwright.model.JobResult;

/**
 * The work a job does: Postwright's content pipeline, or a test's stand-in.
 *
 * <p>Called on a worker thread, one call per attempt. Return the result to succeed; throw
 * {@link JobFailure} to fail (or to be retried, if transient); let {@link JobCancelledException}
 * (or {@link InterruptedException}) propagate when cancelled. Any other exception fails the job
 * as an internal error. A handler must not emit {@code complete} or {@code failed} itself: the
 * queue writes the terminal event together with the job's final state.
 */
@FunctionalInterface
public interface JobHandler {
    JobResult run(JobContext context) throws JobFailure, InterruptedException;
}
