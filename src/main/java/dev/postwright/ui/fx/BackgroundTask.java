package dev.postwright.ui.fx;

import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Work to do off the FX thread, and what to do with its outcome on the FX thread: its result
 * ({@link #onSuccess}) or its failure ({@link #onFailure}). Built on the FX thread, then handed
 * to {@link FxTasks#execute}; exactly one of the two callbacks runs, at a frame after the work
 * ends. A failure with no {@code onFailure} is logged, never lost. Each task runs once.
 *
 * <pre>{@code
 * tasks.execute(BackgroundTask.call(() -> library.search(org, text, LIMIT))
 *         .onSuccess(posts::setAll)
 *         .onFailure(e -> summary.set("The library could not be read: " + e.getMessage())));
 * }</pre>
 *
 * @param <T> what the work returns; {@code Void} for {@link #run} tasks
 */
public final class BackgroundTask<T> {
    private static final System.Logger LOG = System.getLogger(BackgroundTask.class.getName());

    /** Work that returns a value and may fail with any exception. */
    @FunctionalInterface
    public interface Work<T> {
        T call() throws Exception;
    }

    /** Work with nothing to return. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    private final Work<T> work;
    private Consumer<? super T> onSuccess = result -> { };
    private Consumer<? super Exception> onFailure = BackgroundTask::logUnhandled;

    private BackgroundTask(Work<T> work) {
        this.work = Objects.requireNonNull(work, "work");
    }

    /** A task whose work returns a value for {@link #onSuccess}. */
    public static <T> BackgroundTask<T> call(Work<T> work) {
        return new BackgroundTask<>(work);
    }

    /** A task whose work returns nothing; {@link #onSuccess} then receives null. */
    public static BackgroundTask<Void> run(Action action) {
        Objects.requireNonNull(action, "action");
        return new BackgroundTask<>(() -> {
            action.run();
            return null;
        });
    }

    /** Runs on the FX thread with the work's result, when the work returned. */
    public BackgroundTask<T> onSuccess(Consumer<? super T> then) {
        this.onSuccess = Objects.requireNonNull(then, "then");
        return this;
    }

    /** Runs on the FX thread with what the work threw, instead of {@link #onSuccess}. */
    public BackgroundTask<T> onFailure(Consumer<? super Exception> orElse) {
        this.onFailure = Objects.requireNonNull(orElse, "orElse");
        return this;
    }

    /** Does the work on the calling (background) thread and hands the outcome to {@code frames}. */
    void runOn(FxFrames frames) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            Consumer<? super Exception> failed = onFailure;
            frames.nextFrame(() -> failed.accept(e));
            return;
        }
        Consumer<? super T> succeeded = onSuccess;
        frames.nextFrame(() -> succeeded.accept(result));
    }

    private static void logUnhandled(Exception e) {
        LOG.log(Level.WARNING, "Background work failed and nothing handled it", e);
    }
}
