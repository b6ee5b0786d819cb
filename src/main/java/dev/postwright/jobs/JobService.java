package dev.postwright.jobs;

import dev.postwright.model.JobKind;
import dev.postwright.model.JobRequest;
import dev.postwright.model.JobStatus;
import java.util.List;
import java.util.Optional;

/**
 * Jobs as the app sees them, wherever they run: the local {@link JobQueue}, or a remote server
 * speaking the job stream protocol. Every view works against this, so either engine serves
 * them unchanged. Methods may block on I/O (a remote call); call them off the FX thread.
 */
public interface JobService {
    /**
     * Starts a job.
     *
     * @param owner who the job belongs to (a user name), or null for the local writer
     * @return the job id
     * @throws InvalidRequestException when the brief has problems; nothing is started
     */
    String enqueue(JobRequest request, String owner);

    Optional<JobStatus> status(String jobId);

    /** Jobs newest first, without their results (fetch those with {@link #status}). */
    List<JobStatus> list(int limit);

    /**
     * Jobs of one kind, newest first, without their results: {@code limit} of them however many
     * of the other kind there are.
     */
    default List<JobStatus> list(int limit, JobKind kind) {
        return list(limit).stream().filter(s -> s.kind() == kind).toList(); // a team server's jobs are all blog jobs
    }

    /** Cancels a queued or running job; it ends {@code failed} / "Cancelled". */
    CommandResult cancel(String jobId);

    /** Runs a failed or cancelled job again under the same id. */
    CommandResult retry(String jobId);

    /** Forgets a finished job. */
    CommandResult delete(String jobId);

    /**
     * Delivers the job's events with sequence numbers above {@code afterSeq}: those that happened
     * already, then new ones as they come, in order, without gaps or repeats.
     *
     * @throws JobNotFoundException when the job does not exist
     */
    Subscription subscribe(String jobId, long afterSeq, JobEventListener listener);
}
