package dev.postwright.queue;

import dev.postwright.jobs.CancellationToken;
import dev.postwright.jobs.JobCancelledException;
import dev.postwright.model.JobEvent;
import dev.postwright.model.JobInput;
import dev.postwright.model.JobRequest;
import dev.postwright.store.SqlWork;
import java.util.List;
import java.util.Map;

/**
 * What a running job sees of the queue. Used only by the worker thread running the job.
 *
 * <p>Every write is fenced: once the job is cancelled or taken over, writes throw
 * {@link JobCancelledException} and nothing reaches the database.
 */
public interface JobContext {
    String jobId();

    /** What the job was asked to do: a blog brief or a picture's request. */
    JobInput input();

    /**
     * A blog job's brief.
     *
     * @throws IllegalStateException for an image job, whose handler reads {@link #input()}
     */
    default JobRequest request() {
        if (input() instanceof JobRequest brief) return brief;
        throw new IllegalStateException("job " + jobId() + " is an image job, not a blog job");
    }

    /** Who the job belongs to (a team server's user), or null for the local writer's. */
    String owner();

    /** 1 on the first run, then 2, 3… for automatic retries and recovery after a crash. */
    int attempt();

    CancellationToken cancellation();

    /**
     * Appends {@code event} to the job's log without waiting for the disk: it is committed
     * shortly after, in order, and subscribers see it only once it is stored. Anything the job
     * writes later ({@link #completeStage}, its end) is committed after it. Progress events also
     * update the job's progress and step, and never lower it: a progress event below
     * {@link #progress()} is logged with {@link #progress()} instead, so a re-run that starts
     * over at a low stage does not make the job's progress go backwards. Should the process die
     * first, the event is lost with the run, which is re-run from its last completed stage.
     *
     * @throws IllegalArgumentException for terminal and connection events, which are not the handler's
     * @throws JobCancelledException    once the job is cancelled or taken over
     */
    void emit(JobEvent event);

    /**
     * The job's progress so far: the highest this run has logged, or, before it logs any, what
     * earlier runs reached (0 for a job's first run). A handler compares it with its stages to
     * know how far an earlier, interrupted run got.
     */
    int progress();

    /** The checkpoints earlier runs of this job stored, by stage name; read once per run. */
    Map<String, String> checkpoints();

    /**
     * Stores {@code checkpoint} for {@code stage} and appends the stage's result events, in one
     * transaction, and waits until it is committed. Events already logged for the stage by an earlier run are not written twice,
     * so a resumed job can re-emit its earlier results and the log stays free of duplicates.
     */
    void completeStage(String stage, String checkpoint, List<JobEvent> events);

    /**
     * As {@link #completeStage(String, String, List)}, and runs {@code alongside} in the same
     * transaction, only while the job is still held: a stage's own writes (saving the post to the
     * library) then happen together with its checkpoint, or, after a cancel, not at all. The work
     * must touch nothing but the database.
     */
    void completeStage(String stage, String checkpoint, List<JobEvent> events, SqlWork<?> alongside);
}
