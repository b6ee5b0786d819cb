package dev.postwright.pipeline;

import dev.postwright.jobs.JobFailure;
import dev.postwright.model.JobEvent;
import dev.postwright.model.JobOptions;
import dev.postwright.model.Stage;
import dev.postwright.store.SqlWork;
import dev.postwright.wire.CheckpointCodec;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One stage of a staged job, as data: which {@link Stage} it is, whether a job's options include
 * it, its work, how its output is checkpointed and which result events report it. {@link StagedRun}
 * runs a list of them in order; {@link BlogStages} is the blog job's list. Immutable.
 *
 * @param <R> what the work sees of the job: its run, with the outputs of the stages before
 * @param <T> the stage's output
 */
public sealed interface StageSpec<R, T> {
    Stage stage();

    /** Whether a job with these options runs the stage; a skipped stage has no output. */
    Predicate<JobOptions> enabled();

    /** Computes the stage's output. Called on the job's worker thread. */
    @FunctionalInterface
    interface Work<R, T> {
        T run(R run) throws JobFailure;
    }

    /**
     * A stage whose output is computed, stored as its checkpoint together with its result events,
     * and restored from that checkpoint (re-emitting the events, which the log keeps once).
     * {@code alongside} is the output's own write to the store, made in the checkpoint's
     * transaction (so not at all after a cancel), or null for none; a restored output has made it already.
     */
    record Computed<R, T>(Stage stage, Predicate<JobOptions> enabled, Work<R, T> work, CheckpointCodec<T> checkpoint,
                          Function<T, List<JobEvent>> events, BiFunction<R, T, SqlWork<?>> alongside)
            implements StageSpec<R, T> {
        /** The same stage, run only for jobs whose options pass {@code when}. */
        public Computed<R, T> when(Predicate<JobOptions> when) {
            return new Computed<>(stage, when, work, checkpoint, events, alongside);
        }

        /** The same stage, whose output is also written by {@code write} in its checkpoint's transaction. */
        public Computed<R, T> storing(BiFunction<R, T, SqlWork<?>> write) {
            return new Computed<>(stage, enabled, work, checkpoint, events, write);
        }
    }

    /**
     * A stage whose output is a write to the store, made in the transaction of its (empty)
     * checkpoint: after a cancel, not at all. Restored, and read after the write, by {@code read}.
     */
    record Stored<R, T>(Stage stage, Predicate<JobOptions> enabled, Function<R, SqlWork<?>> write,
                        Function<R, Optional<T>> read) implements StageSpec<R, T> {}

    static <R, T> Computed<R, T> computed(Stage stage, Work<R, T> work, CheckpointCodec<T> checkpoint,
                                          Function<T, List<JobEvent>> events) {
        return new Computed<>(stage, options -> true, work, checkpoint, events, null);
    }

    static <R, T> Stored<R, T> stored(Stage stage, Predicate<JobOptions> when, Function<R, SqlWork<?>> write,
                                      Function<R, Optional<T>> read) {
        return new Stored<>(stage, when, write, read);
    }
}
