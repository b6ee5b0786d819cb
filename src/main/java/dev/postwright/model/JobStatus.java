package dev.postwright.model;

import java.time.Instant;

/**
 * A snapshot of one job, as the status route reports it.
 *
 * @param progress               0-100
 * @param estimatedTimeRemaining seconds, null when unknown
 * @param result                 set once the job succeeded
 * @param attempts               how many times a worker has started it since the last manual retry
 * @param owner                  who created it (a user name), may be null for local jobs
 * @param title                  the brief's topic title, for lists (Postwright addition; may be null)
 * @param finishedAt             when it ended, null while it has not
 * @param kind                   a blog job or an image job
 */
public record JobStatus(String jobId, JobState state, int progress, String currentStep,
                        Integer estimatedTimeRemaining, String error, String errorCode,
                        JobResult result, Instant createdAt, Instant updatedAt, int attempts,
                        String owner, String title, Instant finishedAt, JobKind kind) {
    public JobStatus {
        if (kind == null) kind = JobKind.BLOG;
    }
}
