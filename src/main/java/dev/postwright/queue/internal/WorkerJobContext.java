package dev.postwright.queue.internal;

import dev.postwright.jobs.CancellationToken;
import dev.postwright.jobs.JobCancelledException;
import dev.postwright.model.JobEvent.ProgressUpdate;
import dev.postwright.model.JobEvent.StepChange;
import dev.postwright.model.JobEvent;
import dev.postwright.model.JobInput;
import dev.postwright.queue.JobContext;
import dev.postwright.store.SqlWork;
import dev.postwright.wire.JobEventCodec;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The {@link JobContext} of one run. Each write is fenced by the run's claim; when the claim is
 * gone (cancelled, taken over, claimed again, even by this engine) the write stores nothing and
 * the run is stopped. Events are
 * queued to the writer without waiting; stage completions and the job's end wait, and as the
 * writer keeps submission order, everything emitted before them is committed first. Progress starts
 * from what earlier runs reached (the claim carries it) and emitted progress never goes below it.
 */
final class WorkerJobContext implements JobContext {
    private static final System.Logger LOG = System.getLogger(WorkerJobContext.class.getName());
    private final String jobId;
    private final JobInput input;
    private final String owner;
    private final int attempt;
    private final String claim;
    private final CancellationToken token;
    private final SqlJobStore store;
    private final Clock clock;
    private final Consumer<String> appended;
    private final GaplessLog log = new GaplessLog();
    private Map<String, String> checkpoints;
    /** The job's progress so far; only the worker thread reads and raises it. */
    private int progress;

    WorkerJobContext(SqlJobStore.Claim claim, JobInput input, CancellationToken token,
                     SqlJobStore store, Clock clock, Consumer<String> appended) {
        this.jobId = claim.jobId();
        this.input = input;
        this.owner = claim.owner();
        this.attempt = claim.attempt();
        this.progress = claim.progress();
        this.claim = claim.claimedBy();
        this.token = token;
        this.store = store;
        this.clock = clock;
        this.appended = appended;
    }

    @Override
    public String jobId() {
        return jobId;
    }

    @Override
    public JobInput input() {
        return input;
    }

    @Override
    public String owner() {
        return owner;
    }

    @Override
    public int attempt() {
        return attempt;
    }

    @Override
    public CancellationToken cancellation() {
        return token;
    }

    @Override
    public int progress() {
        return progress;
    }

    @Override
    public void emit(JobEvent emitted) {
        requireHandlerEvent(emitted);
        token.throwIfCancelled();
        JobEvent event = atLeastProgressSoFar(emitted);
        long now = clock.millis();
        String name = JobEventCodec.name(event);
        String data = JobEventCodec.encodeData(event);
        store.database().submit(jobId, log.guard(sql -> switch (event) {
            case StepChange s -> store.progress(sql, jobId, claim, name, data, s.progress(), s.currentStep(),
                    s.estimatedTimeRemaining(), now);
            case ProgressUpdate p -> store.progress(sql, jobId, claim, name, data, p.progress(),
                    p.currentStep(), p.estimatedTimeRemaining(), now);
            default -> store.dialect().appendFenced(sql, jobId, claim, name, data, null, now);
        })).whenComplete(this::afterEmit);
    }

    /** A progress event raised to the job's progress so far, which it then becomes; other events as they are. */
    private JobEvent atLeastProgressSoFar(JobEvent event) {
        return switch (event) {
            case StepChange s -> {
                progress = Math.max(progress, s.progress());
                yield new StepChange(progress, s.currentStep(), s.estimatedTimeRemaining());
            }
            case ProgressUpdate p -> {
                progress = Math.max(progress, p.progress());
                yield new ProgressUpdate(progress, p.currentStep(), p.estimatedTimeRemaining(), p.stage(), p.phase(),
                        p.detail());
            }
            default -> event;
        };
    }

    /** On the writer thread, after the commit: tell subscribers, or stop the run if the claim was lost. */
    private void afterEmit(Boolean stored, Throwable error) {
        if (error != null) {
            // Events after a lost one would leave a gap in the log: stop, and hand the job back.
            LOG.log(Level.INFO, "An event of job {0} could not be stored ({1}); the run stops and the job goes "
                    + "back to the queue", jobId, error.getMessage());
            token.cancel(CancellationToken.Reason.STORE_REFUSED);
        } else if (!stored) {
            token.cancel(CancellationToken.Reason.TAKEN_OVER); // no effect if it was cancelled already
        } else {
            appended.accept(jobId);
        }
    }

    @Override
    public Map<String, String> checkpoints() {
        if (checkpoints == null) {
            checkpoints = Map.copyOf(store.database().read(sql -> SqlEventLog.checkpoints(sql, jobId)));
        }
        return checkpoints;
    }

    @Override
    public void completeStage(String stage, String checkpoint, List<JobEvent> events) {
        completeStage(stage, checkpoint, events, sql -> null);
    }

    @Override
    public void completeStage(String stage, String checkpoint, List<JobEvent> events, SqlWork<?> alongside) {
        events.forEach(WorkerJobContext::requireHandlerEvent);
        token.throwIfCancelled();
        long now = clock.millis();
        boolean held = store.database().transaction(jobId, log.guard(sql -> {
            if (!store.holds(sql, jobId, claim)) return false;
            alongside.run(sql);
            SqlEventLog.saveCheckpoint(sql, jobId, stage, checkpoint, now);
            for (int i = 0; i < events.size(); i++) {
                JobEvent e = events.get(i);
                // Empty when an earlier run already logged this stage's event: nothing to add.
                store.dialect().appendFenced(sql, jobId, claim, JobEventCodec.name(e), JobEventCodec.encodeData(e),
                        stage + "#" + i, now);
            }
            return true;
        }));
        if (!held) lost();
        checkpoints = null;
        appended.accept(jobId);
    }

    /** Guards the run's last write (its outcome) like its events: refused after a lost one. */
    GaplessLog log() {
        return log;
    }

    /** The claim is gone: stop the run with the token's reason, or as taken over if none is set yet. */
    private void lost() {
        token.cancel(CancellationToken.Reason.TAKEN_OVER);
        throw new JobCancelledException(token.reason());
    }

    private static void requireHandlerEvent(JobEvent event) {
        switch (event) {
            case JobEvent.Complete c -> throw notForHandlers(event);
            case JobEvent.Failed f -> throw notForHandlers(event);
            case JobEvent.Connected c -> throw notForHandlers(event);
            case JobEvent.StreamTimeout t -> throw notForHandlers(event);
            default -> { }
        }
    }

    private static IllegalArgumentException notForHandlers(JobEvent event) {
        return new IllegalArgumentException(JobEventCodec.name(event) + " events are written by the queue, not by jobs");
    }
}
