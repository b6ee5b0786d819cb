package dev.postwright.llm.builtin;

import dev.postwright.jobs.CancellationToken;
import dev.postwright.jobs.JobCancelledException;
import dev.postwright.jobs.JobFailure;
import dev.postwright.settings.BuiltinChoice;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One built-in model being loaded, then held: loading starts at once on the given executor
 * (never the FX thread) and happens once; jobs wait for it ({@link #await}); {@link #release()}
 * frees the model when the writer changes or the app quits, also when it is still loading (it is
 * then freed as soon as it is loaded). Listeners hear each {@link State} on the thread that
 * reached it. Thread-safe.
 */
public final class ModelLoading implements AutoCloseable {
    /** Where the model is: loading (with what it will need), ready, failed or released. */
    public sealed interface State {
        record Loading(String fileName, String memory) implements State {}
        record Ready(RunSettings run, long loadMillis) implements State {}
        record Failed(String message) implements State {}
        record Released() implements State {}
    }

    private final BuiltinChoice choice;
    private final CompletableFuture<LoadedModel> model = new CompletableFuture<>();
    private final List<Consumer<State>> listeners = new CopyOnWriteArrayList<>();
    private volatile State state;

    private ModelLoading(BuiltinChoice choice) {
        this.choice = choice;
        this.state = new State.Loading(choice.file().getFileName().toString(), null);
    }

    /** Starts loading {@code choice} on {@code executor}. */
    public static ModelLoading start(BuiltinChoice choice, Machine machine, Executor executor) {
        var loading = new ModelLoading(choice);
        executor.execute(() -> loading.load(machine));
        return loading;
    }

    private void load(Machine machine) {
        try {
            RunSettings run = RunSettings.of(choice, machine);
            if (state instanceof State.Loading) enter(new State.Loading(run.info().name(), run.memorySentence()));
            LoadedModel loaded = LoadedModel.load(choice, machine);
            if (!model.complete(loaded)) {
                loaded.close(); // released while it loaded
                return;
            }
            enter(new State.Ready(loaded.run(), loaded.loadTime().toMillis()));
        } catch (ModelLoadException e) {
            if (model.completeExceptionally(e)) enter(new State.Failed(e.getMessage()));
        }
    }

    public BuiltinChoice choice() {
        return choice;
    }

    public State state() {
        return state;
    }

    /** Hears every state from now on, starting with the current one, on the calling thread. */
    public void listen(Consumer<State> listener) {
        listeners.add(listener);
        listener.accept(state);
    }

    public void unlisten(Consumer<State> listener) {
        listeners.remove(listener);
    }

    /**
     * The loaded model, once it is; blocks until then. A cancelled job stops waiting.
     *
     * @throws JobFailure when the model could not be loaded (permanent: the same file fails again)
     *                    or was released
     */
    public LoadedModel await(CancellationToken cancel) throws JobFailure {
        Thread waiting = Thread.currentThread();
        try (var wake = cancel.onCancel(waiting::interrupt)) {
            return model.get();
        } catch (InterruptedException e) {
            Thread.interrupted();
            cancel.throwIfCancelled();
            throw new JobCancelledException(CancellationToken.Reason.SHUTDOWN);
        } catch (ExecutionException e) {
            throw JobFailure.permanent(e.getCause().getMessage(), "BUILTIN_MODEL_UNUSABLE");
        } catch (CancellationException e) {
            throw JobFailure.transientFailure("The built-in model was changed in Settings while this job waited for it.",
                    "BUILTIN_MODEL_RELEASED", null, null);
        }
    }

    /** Frees the model, or makes sure it is freed once loaded; jobs still waiting for it fail. */
    public void release() {
        if (!model.cancel(false) && !model.isCompletedExceptionally()) {
            LoadedModel loaded = model.getNow(null);
            if (loaded != null) loaded.close();
        }
        enter(new State.Released());
    }

    @Override
    public void close() {
        release();
    }

    private void enter(State next) {
        state = next;
        for (Consumer<State> l : listeners) l.accept(next);
    }
}
