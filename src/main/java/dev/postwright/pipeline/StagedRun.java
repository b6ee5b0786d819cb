package dev.postwright.pipeline;

import dev.postwright.jobs.JobFailure;
import dev.postwright.model.JobEvent;
import dev.postwright.model.Stage;
import dev.postwright.queue.JobContext;
import dev.postwright.wire.WireFormatException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a job's stage specifications in order, the same way for every stage: a stage an earlier
 * run finished is restored from its checkpoint; any other announces itself with a
 * {@code progress-update}, runs, and stores its output and result events in one transaction, and
 * its duration feeds the time-remaining estimates. One instance per run of one job, used on its
 * worker thread only.
 *
 * @param <R> what the stages' work sees of the job
 */
public final class StagedRun<R> {
    private static final System.Logger LOG = System.getLogger(StagedRun.class.getName());

    private final JobContext ctx;
    private final List<StageSpec<R, ?>> stages;
    private final List<Stage> names;
    private final Estimates estimates;
    private final Clock clock;
    private final Map<String, String> saved;
    /** How far earlier runs of this job got (0 on its first run). */
    private final int resumedAt;
    private final Map<StageSpec<R, ?>, Object> outputs = new HashMap<>();

    /** @param all every stage the job type has, in order; those the job's options leave out are skipped */
    StagedRun(JobContext ctx, List<StageSpec<R, ?>> all, Estimates estimates, Clock clock) {
        this.ctx = ctx;
        this.stages = all.stream().filter(s -> s.enabled().test(ctx.request().options())).toList();
        this.names = stages.stream().map(StageSpec::stage).toList();
        this.estimates = estimates;
        this.clock = clock;
        this.resumedAt = ctx.progress();
        this.saved = ctx.checkpoints();
    }

    /** Says the job is starting (or resuming), then runs or restores every stage, in order. */
    void runAll(R run) throws JobFailure {
        // The queue logs it at the progress earlier runs reached, never lower.
        ctx.emit(new JobEvent.StepChange(5, saved.isEmpty() ? "Starting" : "Resuming",
                estimates.remaining(names.getFirst(), names)));
        for (StageSpec<R, ?> spec : stages) outputs.put(spec, switch (spec) {
            case StageSpec.Computed<R, ?> c -> computed(c, run);
            case StageSpec.Stored<R, ?> s -> stored(s, run);
        });
    }

    /** Says the job is done: the last {@code progress-update}. */
    void finish() {
        ctx.emit(new JobEvent.ProgressUpdate(100, "Done", 0, Stage.COMPLETED, null, null));
    }

    /** The output of a stage that ran (or was restored) before; empty for a skipped stage. */
    <T> Optional<T> output(StageSpec<R, T> spec) {
        @SuppressWarnings("unchecked") T value = (T) outputs.get(spec);
        return Optional.ofNullable(value);
    }

    /** The output of a stage every job runs, once it has run. */
    <T> T required(StageSpec<R, T> spec) {
        return output(spec).orElseThrow(() -> new IllegalStateException(spec.stage() + " has not run"));
    }

    /** True when an earlier run of this job got as far as {@code stage} (it may have logged some of its output). */
    boolean earlierRunReached(Stage stage) {
        return resumedAt >= stage.progress();
    }

    private <T> T computed(StageSpec.Computed<R, T> spec, R run) throws JobFailure {
        String id = spec.stage().id();
        String checkpoint = saved.get(id);
        if (checkpoint != null) {
            try {
                T restored = spec.checkpoint().read(checkpoint);
                ctx.completeStage(id, checkpoint, spec.events().apply(restored));
                return restored;
            } catch (WireFormatException e) {
                LOG.log(Level.WARNING, "The {0} checkpoint of job {1} is damaged; running the stage again: {2}",
                        id, ctx.jobId(), e.getMessage());
            }
        }
        long begun = announce(spec.stage());
        T value = spec.work().run(run);
        if (spec.alongside() == null) {
            ctx.completeStage(id, spec.checkpoint().write(value), spec.events().apply(value));
        } else {
            ctx.completeStage(id, spec.checkpoint().write(value), spec.events().apply(value), spec.alongside().apply(run, value));
        }
        estimates.record(spec.stage(), clock.millis() - begun);
        return value;
    }

    private <T> T stored(StageSpec.Stored<R, T> spec, R run) {
        String id = spec.stage().id();
        if (saved.containsKey(id)) {
            Optional<T> existing = spec.read().apply(run);
            if (existing.isPresent()) return existing.get();
        }
        long begun = announce(spec.stage());
        ctx.completeStage(id, "{}", List.of(), spec.write().apply(run));
        T value = spec.read().apply(run).orElseThrow();
        estimates.record(spec.stage(), clock.millis() - begun);
        return value;
    }

    private long announce(Stage stage) {
        ctx.emit(new JobEvent.ProgressUpdate(stage.progress(), stage.step(), estimates.remaining(stage, names),
                stage.wireName(), null, null));
        return clock.millis();
    }
}
