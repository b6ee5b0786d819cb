package dev.postwright.ui.settings;

import dev.postwright.engine.SelectedWriter;
import dev.postwright.llm.builtin.Bytes;
import dev.postwright.llm.builtin.Machine;
import dev.postwright.llm.builtin.ModelLoading;
import dev.postwright.llm.builtin.ModelLoading.State;
import dev.postwright.llm.builtin.RunSettings;
import dev.postwright.model.FieldProblem;
import dev.postwright.settings.BuiltinChoice;
import dev.postwright.settings.Settings;
import dev.postwright.ui.fx.BackgroundTask;
import dev.postwright.ui.fx.FxTasks;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The built-in model part of "Who writes": the GGUF file, threads, context size and GPU use;
 * what the file is and the memory it needs, read from its header in the background whenever the
 * file or the context changes (a file that is not a model, or too big for this computer, is a
 * problem that stops the save, in the reader's words); and how the model saved last is loading,
 * heard from {@link SelectedWriter#builtin()}. Properties change on the FX thread.
 */
public final class BuiltinModelForm {
    /** The GGUF file's path as typed or chosen. */
    public final StringProperty file = new SimpleStringProperty("");
    /** Generation threads; empty for automatic. */
    public final StringProperty threads = new SimpleStringProperty("");
    /** Tokens of context; empty for automatic. */
    public final StringProperty contextSize = new SimpleStringProperty("");
    /** Offers every layer to a GPU where the library's build has one. */
    public final BooleanProperty useGpu = new SimpleBooleanProperty(true);

    private final ReadOnlyStringWrapper facts = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper fileProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper loadState = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<State> loading = new ReadOnlyObjectWrapper<>();
    private final BooleanExpression chosen;
    private final SelectedWriter writer;
    private final FxTasks tasks;
    private final StringBinding shownLoadState;
    private final StringBinding tuningProblems;
    private ModelLoading heard;
    private Consumer<State> listener;

    /** @param chosen whether "Built-in model" is the answer chosen on the screen */
    BuiltinModelForm(SelectedWriter writer, Settings current, BooleanExpression chosen, FxTasks tasks) {
        this.writer = writer;
        this.chosen = chosen;
        this.tasks = tasks;
        BuiltinChoice saved = current.model().builtin();
        if (saved != null) {
            file.set(saved.file().toString());
            threads.set(saved.threads() == 0 ? "" : Integer.toString(saved.threads()));
            contextSize.set(saved.contextSize() == 0 ? "" : Integer.toString(saved.contextSize()));
            useGpu.set(saved.gpuLayers() != 0);
        }
        file.addListener(o -> checkFile());
        contextSize.addListener(o -> checkFile());
        chosen.addListener(o -> checkFile());
        // The line speaks of the model saved, so it is shown only while that is the file typed.
        shownLoadState = Bindings.createStringBinding(() -> heard == null || !fileProblem.get().isEmpty()
                || !heard.choice().file().equals(path()) ? "" : loadState.get(), loadState, file, fileProblem);
        tuningProblems = Bindings.createStringBinding(() -> {
            List<FieldProblem> out = new ArrayList<>();
            addTuningProblems(out);
            return String.join("\n", out.stream().map(FieldProblem::message).toList());
        }, threads, contextSize);
        checkFile();
        hearLoading();
    }

    /** Whether "Built-in model" is the answer chosen on the screen. */
    public BooleanExpression chosen() {
        return chosen;
    }

    /** The threads used when the field is left empty, for its prompt. */
    public int automaticThreads() {
        return writer.machine().defaultThreads();
    }

    void addProblems(List<FieldProblem> out) {
        if (!chosen.get()) return;
        if (file.get().isBlank()) {
            out.add(new FieldProblem("builtinFile", "Choose a GGUF model file, or download one of the models under Built-in model."));
        } else if (path() == null) {
            out.add(new FieldProblem("builtinFile", "“" + file.get().strip() + "” is not a file path."));
        } else if (!fileProblem.get().isEmpty()) {
            out.add(new FieldProblem("builtinFile", fileProblem.get()));
        }
        addTuningProblems(out);
    }

    private void addTuningProblems(List<FieldProblem> out) {
        if (number(threads.get(), 1, BuiltinChoice.MAX_THREADS) < 0) {
            out.add(new FieldProblem("builtinThreads", "Threads must be a whole number from 1 to "
                    + BuiltinChoice.MAX_THREADS + ", or empty for automatic."));
        }
        if (number(contextSize.get(), BuiltinChoice.MIN_CONTEXT, BuiltinChoice.MAX_CONTEXT) < 0) {
            out.add(new FieldProblem("builtinContext", "The context size must be a whole number of tokens from "
                    + count(BuiltinChoice.MIN_CONTEXT) + " to " + count(BuiltinChoice.MAX_CONTEXT)
                    + ", or empty for automatic."));
        }
    }

    /** What Settings keep; only called when there are no problems. */
    BuiltinChoice choice() {
        return new BuiltinChoice(path(), Math.max(0, number(threads.get(), 1, BuiltinChoice.MAX_THREADS)),
                Math.max(0, number(contextSize.get(), BuiltinChoice.MIN_CONTEXT, BuiltinChoice.MAX_CONTEXT)),
                useGpu.get() ? BuiltinChoice.ALL_LAYERS : 0);
    }

    /** After a save, on the FX thread: follows the loading of the model now chosen, if any. */
    void saved() {
        hearLoading();
    }

    /** What the problems depend on. */
    Observable[] inputs() {
        return new Observable[] {chosen, file, threads, contextSize, fileProblem};
    }

    /** Reads the chosen file's header off the FX thread; a newer edit makes an older answer moot. */
    private void checkFile() {
        Path path = path();
        if (!chosen.get() || path == null) {
            facts.set("");
            fileProblem.set("");
            return;
        }
        BuiltinChoice checking = new BuiltinChoice(path, 0,
                Math.max(0, number(contextSize.get(), BuiltinChoice.MIN_CONTEXT, BuiltinChoice.MAX_CONTEXT)), 0);
        Machine machine = writer.machine();
        facts.set("Reading " + path.getFileName() + "…");
        tasks.execute(BackgroundTask.call(() -> {
            RunSettings run = RunSettings.of(checking, machine);
            run.checkFits(machine);
            return run;
        }).onSuccess(run -> {
            if (!stillChecking(checking)) return;
            fileProblem.set("");
            facts.set(describe(run, machine));
        }).onFailure(e -> {
            if (!stillChecking(checking)) return;
            facts.set("");
            fileProblem.set(e.getMessage());
        }));
    }

    private boolean stillChecking(BuiltinChoice checked) {
        return chosen.get() && checked.file().equals(path())
                && checked.contextSize() == Math.max(0, number(contextSize.get(), BuiltinChoice.MIN_CONTEXT,
                BuiltinChoice.MAX_CONTEXT));
    }

    private static String describe(RunSettings run, Machine machine) {
        var info = run.info();
        return info.name() + " (" + info.architecture() + ", " + info.layers() + (info.layers() == 1 ? " layer" : " layers") + ", trained for "
                + count(info.trainedContext()) + " tokens) " + run.memorySentence()
                + (machine.memoryBytes() > 0 ? "; this computer has " + Bytes.describe(machine.memoryBytes()) : "") + ".";
    }

    /** Follows the model the writer holds now; the listener hears states on the loading thread. */
    private void hearLoading() {
        if (heard != null) heard.unlisten(listener);
        heard = writer.builtin().orElse(null);
        if (heard == null) {
            loadState.set("");
            loading.set(null);
            return;
        }
        ModelLoading following = heard;
        listener = state -> tasks.frames().nextFrame(() -> {
            if (heard != following) return;
            loadState.set(words(state));
            loading.set(state);
        });
        heard.listen(listener);
    }

    static String words(State state) {
        return switch (state) {
            case State.Loading l -> "Loading " + l.fileName() + "…";
            case State.Ready r -> "Ready: " + r.run().info().name() + " loaded in "
                    + String.format(Locale.ROOT, "%.1f", r.loadMillis() / 1000.0) + " s, writing with " + r.run().threads()
                    + (r.run().threads() == 1 ? " thread" : " threads") + " and " + count(r.run().contextSize())
                    + " tokens of context.";
            case State.Failed f -> "The model could not be loaded: " + f.message();
            case State.Released r -> "";
        };
    }

    private Path path() {
        String typed = file.get().strip();
        if (typed.isEmpty()) return null;
        try {
            return Path.of(typed).toAbsolutePath();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** The whole number typed, 0 when empty (automatic), -1 when it is not one from min to max. */
    private static int number(String typed, int min, int max) {
        String s = Objects.requireNonNullElse(typed, "").strip().replace(",", "");
        if (s.isEmpty()) return 0;
        try {
            int n = Integer.parseInt(s);
            return n >= min && n <= max ? n : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String count(int n) {
        return NumberFormat.getIntegerInstance(Locale.ROOT).format(n);
    }

    /** What the chosen file is and what it needs, e.g. "Qwen2.5 1.5B Instruct (qwen2, 28 layers…) needs about 2.1 GB…". */
    public ReadOnlyStringProperty factsProperty() { return facts.getReadOnlyProperty(); }
    /** Why the chosen file cannot be used, in the reader's words; empty when it can. */
    public ReadOnlyStringProperty fileProblemProperty() { return fileProblem.getReadOnlyProperty(); }
    /** Where the saved model's loading is; null when no built-in model is the writer. */
    public ReadOnlyObjectProperty<State> loadingProperty() { return loading.getReadOnlyProperty(); }
    /** How the saved model is loading: "Loading…", "Ready: …", why it failed; empty when none is chosen. */
    public ReadOnlyStringProperty loadStateProperty() { return loadState.getReadOnlyProperty(); }
    /** {@link #loadStateProperty()} while the file typed is the one saved and has no problem; else empty. */
    public StringBinding shownLoadState() { return shownLoadState; }
    /** What is wrong with the threads and context fields, for beside them; empty when nothing. */
    public StringBinding tuningProblems() { return tuningProblems; }
}
