package dev.postwright.llm.builtin;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.Pair;
import dev.postwright.jobs.CancellationToken;
import dev.postwright.jobs.JobCancelledException;
import dev.postwright.jobs.JobFailure;
import dev.postwright.settings.BuiltinChoice;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * A GGUF model loaded into llama.cpp in this process. Loading maps the weights and takes from a
 * fraction of a second to a minute; do it once, off the FX thread ({@link ModelLoading}).
 * Generations run one at a time (llama.cpp runs with one slot, so each gets the whole context);
 * a job waiting for its turn can be cancelled, and a running one stops at its next token. {@link #close()} frees the native memory once the
 * running generation, if any, has finished; no generation starts after it. Thread-safe.
 */
public final class LoadedModel implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LoadedModel.class.getName());
    /** Tokens kept free at the end of the context, so a reply always has room to end. */
    private static final int MARGIN = 16;

    private final LlamaModel model;
    private final RunSettings run;
    private final Duration loadTime;
    private final Semaphore turn = new Semaphore(1, true);
    private final Object lifecycle = new Object();
    private int running;
    private boolean closing;
    private boolean closed;

    private LoadedModel(LlamaModel model, RunSettings run, Duration loadTime) {
        this.model = model;
        this.run = run;
        this.loadTime = loadTime;
    }

    /**
     * Loads the chosen file. Reads its header first, so a file that is not a model, is cut short
     * or needs more memory than the machine has is refused in words before llama.cpp opens it.
     */
    public static LoadedModel load(BuiltinChoice choice, Machine machine) throws ModelLoadException {
        RunSettings run = RunSettings.of(choice, machine);
        run.checkFits(machine);
        long started = System.nanoTime();
        try {
            LlamaModel model;
            synchronized (LoadedModel.class) { // llama.cpp's loggers are process-wide
                var params = LlamaLog.quiet(new ModelParameters().setModel(choice.file().toString())
                        .setCtxSize(run.contextSize()).setThreads(run.threads()).setThreadsBatch(run.threads())
                        .setParallel(1).disableContextShift(), run.gpuLayers());
                try {
                    model = new LlamaModel(params);
                } finally {
                    LlamaLog.route();
                }
            }
            return new LoadedModel(model, run, Duration.ofNanos(System.nanoTime() - started));
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            // llama.cpp's own refusal (LlamaException) or a library that cannot load here.
            LOG.log(Level.WARNING, "llama.cpp could not load {0}: {1}", choice.file(), e.toString());
            throw new ModelLoadException("llama.cpp could not load " + choice.file().getFileName() + " ("
                    + e.getMessage() + "). The file may be damaged, or a kind of model this version does not run.", e);
        }
    }

    public RunSettings run() {
        return run;
    }

    public Duration loadTime() {
        return loadTime;
    }

    /** A request to the model: a system message, one user message, and how to constrain the reply. */
    public record Ask(String system, String user, String grammar, int maxTokens, long seed) {}

    /** The reply: its text, the tokens generated, and whether it stopped at the token limit. */
    public record Reply(String text, int tokens, boolean cutOff) {}

    /**
     * Generates a reply, passing each piece to {@code pieces} on this thread as it comes.
     * Cancelling {@code cancel} stops generation at the next token (llama.cpp's task is cancelled)
     * and throws {@link JobCancelledException}; while the prompt is still being read, that is
     * when the first token comes.
     *
     * @throws JobFailure when the prompt does not fit the context, or llama.cpp fails
     */
    public Reply generate(Ask ask, Consumer<String> pieces, CancellationToken cancel) throws JobFailure {
        waitForTurn(cancel);
        try {
            enter();
        } catch (JobFailure e) {
            turn.release();
            throw e;
        }
        try {
            return generateNow(ask, pieces, cancel);
        } finally {
            leave();
            turn.release();
        }
    }

    private Reply generateNow(Ask ask, Consumer<String> pieces, CancellationToken cancel) throws JobFailure {
        // The model's chat template (ChatML when the file has none) makes the prompt here: the
        // library's generate() does not apply it to messages, and would see an empty prompt.
        var params = new InferenceParameters("").setTemperature(0.7f).setTopP(0.9f).setRepeatPenalty(1.1f)
                .setSeed((int) ask.seed()).setCachePrompt(false);
        if (ask.grammar() != null) params.setGrammar(ask.grammar());
        int promptTokens;
        try {
            String prompt = model.applyTemplate(new InferenceParameters("")
                    .setMessages(ask.system(), List.of(new Pair<>("user", ask.user()))).setUseChatTemplate(true));
            params.setPrompt(prompt);
            promptTokens = model.encode(prompt).length;
        } catch (RuntimeException e) {
            throw failed(e);
        }
        int room = run.contextSize() - promptTokens - MARGIN;
        if (room < 64) {
            throw JobFailure.permanent("The brief and its instructions take " + promptTokens + " tokens, which leaves no "
                    + "room for a reply in the built-in model's context of " + run.contextSize() + " tokens. Raise the "
                    + "context size in Settings.", "CONTEXT_TOO_SMALL");
        }
        int limit = Math.min(room, ask.maxTokens());
        params.setNPredict(limit);
        var text = new StringBuilder();
        int tokens = 0;
        LlamaIterator it;
        try {
            it = (LlamaIterator) model.generate(params).iterator();
        } catch (RuntimeException e) {
            throw failed(e);
        }
        try {
            while (it.hasNext()) {
                LlamaOutput out = it.next();
                // Checked here, on the generating thread, after each token: cancelling llama.cpp's
                // task from another thread while this one waits in receiveCompletion leaves that
                // wait without an answer, forever. A token takes a few to a hundred milliseconds.
                if (cancel.isCancelled()) {
                    it.cancel();
                    break;
                }
                tokens++;
                text.append(out.text);
                if (!out.text.isEmpty()) pieces.accept(out.text);
            }
        } catch (RuntimeException e) {
            cancel.throwIfCancelled();
            throw failed(e);
        }
        cancel.throwIfCancelled();
        return new Reply(text.toString(), tokens, tokens >= limit);
    }

    private void waitForTurn(CancellationToken cancel) {
        Thread waiting = Thread.currentThread();
        try (var wake = cancel.onCancel(waiting::interrupt)) {
            turn.acquire();
        } catch (InterruptedException e) {
            cancel.throwIfCancelled();
            Thread.currentThread().interrupt();
            throw new JobCancelledException(CancellationToken.Reason.SHUTDOWN);
        }
        // A cancel that fired just as the turn came leaves the interrupt flag set; the job stops below.
        if (cancel.isCancelled()) {
            Thread.interrupted();
            turn.release();
            cancel.throwIfCancelled();
        }
    }

    private void enter() throws JobFailure {
        synchronized (lifecycle) {
            if (closing) {
                throw JobFailure.transientFailure("The built-in model was changed in Settings during this job; it will "
                        + "go on with the new choice.", "BUILTIN_MODEL_RELEASED", null, null);
            }
            running++;
        }
    }

    private void leave() {
        boolean free;
        synchronized (lifecycle) {
            running--;
            free = closing && running == 0 && !closed;
            if (free) closed = true;
        }
        if (free) model.close();
    }

    private static JobFailure failed(RuntimeException e) {
        LOG.log(Level.WARNING, "llama.cpp failed: {0}", e.toString());
        return JobFailure.transientFailure("The built-in model stopped with an error: " + e.getMessage() + ".",
                "BUILTIN_MODEL_FAILED", null, null);
    }

    /** Frees the model now, or when the running generation ends; later generations are refused. */
    @Override
    public void close() {
        boolean free;
        synchronized (lifecycle) {
            closing = true;
            free = running == 0 && !closed;
            if (free) closed = true;
        }
        if (free) model.close();
    }
}
