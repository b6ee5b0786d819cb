package dev.postwright.queue.internal;

import dev.postwright.jobs.CancellationToken.Reason;
import dev.postwright.jobs.CancellationToken;
import dev.postwright.model.JobEvent;
import dev.postwright.model.JobState;
import dev.postwright.queue.QueueSettings;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * Heartbeats and sweeps. The heartbeat extends the leases of the jobs this engine is running and
 * stops local runs whose job was cancelled or taken over elsewhere. The sweep re-queues jobs
 * whose engine is certainly gone (its process exited) or whose lease ran out (including this
 * engine's own, should a run have ended without its outcome stored), and fails jobs that keep
 * killing engines.
 */
final class LeaseKeeper {
    private static final System.Logger LOG = System.getLogger(LeaseKeeper.class.getName());

    private final SqlJobStore store;
    private final JobRunner runner;
    private final QueueSettings settings;
    private final Clock clock;
    private final Runnable onRequeued;

    LeaseKeeper(SqlJobStore store, JobRunner runner, QueueSettings settings, Clock clock, Runnable onRequeued) {
        this.store = store;
        this.runner = runner;
        this.settings = settings;
        this.clock = clock;
        this.onRequeued = onRequeued;
    }

    void heartbeat() {
        // Hand-backs first: once the database takes writes again, those jobs are due at once.
        if (!runner.handingBack().isEmpty() && runner.retryHandBacks() > 0) onRequeued.run();
        // Every claim in the map was committed before it was put there.
        Map<String, JobRunner.Run> running = Map.copyOf(runner.running());
        Map<String, String> owedJobs = Map.copyOf(runner.handingBack());
        Set<String> owed = owedJobs.keySet();
        var renew = new java.util.HashMap<>(owedJobs);
        running.forEach((claim, run) -> renew.put(claim, run.jobId()));
        Set<String> held = store.renewLeases(renew, clock.millis() + settings.leaseDuration().toMillis());
        owed.stream().filter(claim -> !held.contains(claim)).forEach(runner.handingBack()::remove); // not ours any more
        running.forEach((claim, run) -> {
            if (!held.contains(claim)) stop(run.jobId(), run.token());
        });
    }

    /** Returns how many jobs were re-queued or failed. */
    int sweep() {
        long now = clock.millis();
        int handled = 0;
        for (var job : store.running()) {
            if (runner.running().containsKey(job.claimedBy()) || runner.handingBack().containsKey(job.claimedBy())) {
                continue; // a run of ours, in progress (or waiting for the database to take its job back)
            }
            boolean gone = WorkerIdentity.isCertainlyGone(job.claimedBy());
            if (!gone && job.leaseUntil() >= now) continue;
            if (job.attempts() >= settings.attemptsFor(job.kind())) {
                var failed = new JobEvent.Failed("Postwright stopped unexpectedly " + job.attempts() + " times while "
                        + "working on this job, so it was not started again. Retry it to give it one more try.",
                        "ABANDONED");
                if (store.failAbandoned(job, gone, failed, now)) handled++;
            } else if (store.requeueAbandoned(job, gone, now)) {
                LOG.log(Level.INFO, "Re-queued job {0}, left running by {1}", job.jobId(), job.claimedBy());
                handled++;
            }
        }
        if (handled > 0) onRequeued.run();
        return handled;
    }

    private void stop(String jobId, CancellationToken token) {
        boolean cancelled = store.state(jobId).orElse(null) == JobState.CANCELLED;
        LOG.log(Level.INFO, "Stopping job {0}: it was {1} elsewhere", jobId, cancelled ? "cancelled" : "taken over");
        token.cancel(cancelled ? Reason.CANCELLED : Reason.TAKEN_OVER);
    }
}
