package dev.postwright.jobs;

import dev.postwright.model.JobEvent;
import java.time.Instant;

/** An event as stored in a job's log: {@code seq} counts from 1 per job, without gaps. */
public record LoggedEvent(String jobId, long seq, JobEvent event, Instant at) {}
