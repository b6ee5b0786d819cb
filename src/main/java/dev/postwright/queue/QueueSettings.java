package dev.postwright.queue;

import dev.postwright.model.JobKind;
import java.time.Duration;

/**
 * Tuning of a {@link JobQueue}.
 *
 * @param workers             jobs run at once in this engine (0 for an engine that only records)
 * @param pollInterval        how often idle workers look for due work written by other processes;
 *                            work enqueued here wakes them at once
 * @param leaseDuration       how long a claim lasts without a heartbeat; a crashed engine's jobs
 *                            are re-queued at the latest this long after its last heartbeat
 * @param maxAttempts         runs per job before a transient failure or crash loop becomes final
 * @param retryBaseDelay      first automatic-retry delay; doubled per attempt, with jitter
 * @param retryMaxDelay       cap of the retry delay
 * @param keepEventsFor       event logs of jobs finished longer ago are pruned to their final event
 * @param keepEventsOfRecent  the logs of this many most recently finished jobs are kept regardless
 * @param publishAttempts     runs of a publish job before a transient failure is final: the outbox
 *                            keeps trying a site that is down, or a computer that is offline, for hours
 * @param publishMaxDelay     cap of a publish job's retry delay
 */
public record QueueSettings(int workers, Duration pollInterval, Duration leaseDuration, int maxAttempts,
                            Duration retryBaseDelay, Duration retryMaxDelay, Duration keepEventsFor,
                            int keepEventsOfRecent, int publishAttempts, Duration publishMaxDelay) {
    /** 20 publish attempts 2 s apart at first and at most 30 min: about four hours of trying. */
    public static final QueueSettings DEFAULTS = new QueueSettings(2, Duration.ofSeconds(1), Duration.ofSeconds(30),
            3, Duration.ofSeconds(2), Duration.ofMinutes(1), Duration.ofDays(30), 200, 20, Duration.ofMinutes(30));

    /** Settings with the default outbox retries. */
    public QueueSettings(int workers, Duration pollInterval, Duration leaseDuration, int maxAttempts,
                         Duration retryBaseDelay, Duration retryMaxDelay, Duration keepEventsFor, int keepEventsOfRecent) {
        this(workers, pollInterval, leaseDuration, maxAttempts, retryBaseDelay, retryMaxDelay, keepEventsFor,
                keepEventsOfRecent, 20, Duration.ofMinutes(30));
    }

    public QueueSettings {
        if (workers < 0) throw new IllegalArgumentException("workers must be 0 or more: " + workers);
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        if (publishAttempts < 1) throw new IllegalArgumentException("publishAttempts must be at least 1: " + publishAttempts);
        if (leaseDuration.toMillis() < 300) throw new IllegalArgumentException("leaseDuration is too short: " + leaseDuration);
    }

    public QueueSettings withWorkers(int n) {
        return new QueueSettings(n, pollInterval, leaseDuration, maxAttempts, retryBaseDelay, retryMaxDelay,
                keepEventsFor, keepEventsOfRecent, publishAttempts, publishMaxDelay);
    }

    public QueueSettings withPollInterval(Duration interval) {
        return new QueueSettings(workers, interval, leaseDuration, maxAttempts, retryBaseDelay, retryMaxDelay,
                keepEventsFor, keepEventsOfRecent, publishAttempts, publishMaxDelay);
    }

    public QueueSettings withLeaseDuration(Duration lease) {
        return new QueueSettings(workers, pollInterval, lease, maxAttempts, retryBaseDelay, retryMaxDelay,
                keepEventsFor, keepEventsOfRecent, publishAttempts, publishMaxDelay);
    }


    public QueueSettings withRetention(Duration keepFor, int keepRecent) {
        return new QueueSettings(workers, pollInterval, leaseDuration, maxAttempts, retryBaseDelay, retryMaxDelay,
                keepFor, keepRecent, publishAttempts, publishMaxDelay);
    }

    public QueueSettings withPublishRetries(int attempts, Duration maxDelay) {
        return new QueueSettings(workers, pollInterval, leaseDuration, maxAttempts, retryBaseDelay, retryMaxDelay,
                keepEventsFor, keepEventsOfRecent, attempts, maxDelay);
    }

    /** How many runs a job of {@code kind} gets before a transient failure is final. */
    public int attemptsFor(JobKind kind) {
        return kind == JobKind.PUBLISH ? publishAttempts : maxAttempts;
    }
}
