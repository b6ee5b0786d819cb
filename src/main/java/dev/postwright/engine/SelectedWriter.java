package dev.postwright.engine;

import dev.postwright.llm.SpanRewriter;
import dev.postwright.llm.builtin.BuiltinModelWriter;
import dev.postwright.llm.builtin.Machine;
import dev.postwright.llm.builtin.ModelLoading;
import dev.postwright.llm.TextGenerator;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.llm.openai.ModelServer;
import dev.postwright.llm.openai.OpenAiCompatibleWriter;
import dev.postwright.settings.ModelChoice;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * The writer the settings name now, for {@link LocalEngine#open(java.nio.file.Path, Supplier,
 * dev.postwright.queue.QueueSettings, java.time.Clock)}: jobs that start after {@link #select}
 * use the new choice; running jobs keep theirs. A built-in model starts loading when it is
 * selected and stays loaded while it is the choice: selecting it again keeps it, selecting
 * anything else (or {@link #close()}) releases it once its running generation ends. Thread-safe.
 */
public final class SelectedWriter implements Supplier<TextGenerator>, AutoCloseable {
    private final Supplier<OkHttpClient> client;
    private final Executor loader;
    private final Machine machine;
    private final TextGenerator offline = new OfflineWriter();
    private final AtomicReference<TextGenerator> current = new AtomicReference<>(offline);

    /** @param client asked for only when a model server is selected */
    public SelectedWriter(Supplier<OkHttpClient> client) {
        this(client, Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().name("postwright-model-load-", 1)
                .factory()), Machine.current());
    }

    /**
     * @param loader  runs a built-in model's loading (seconds of native work; never the FX thread)
     * @param machine what a built-in model may use
     */
    public SelectedWriter(Supplier<OkHttpClient> client, Executor loader, Machine machine) {
        this.client = client;
        this.loader = loader;
        this.machine = machine;
    }

    /** Writes with {@code choice} from now on; {@code apiKey} may be null for servers that need none. */
    public synchronized void select(ModelChoice choice, String apiKey) {
        TextGenerator was = current.get();
        if (choice.isBuiltin() && was instanceof BuiltinModelWriter b && b.loading().choice().equals(choice.builtin())
                && !(b.loading().state() instanceof ModelLoading.State.Released)) {
            return; // the same model, already loaded or loading
        }
        TextGenerator next;
        if (choice.isBuiltin()) {
            next = new BuiltinModelWriter(ModelLoading.start(choice.builtin(), machine, loader), BuiltinModelWriter.ANY_SEED);
        } else if (choice.isOffline() || choice.model() == null) {
            next = offline;
        } else {
            next = new OpenAiCompatibleWriter(ModelServer.of(choice.baseUrl(), choice.model()).withApiKey(apiKey),
                    client.get());
        }
        current.set(next);
        if (was instanceof BuiltinModelWriter b) b.loading().release();
    }

    /**
     * The built-in model's loading while one is the choice, for Settings and the desk to show
     * its state ("Loading… needs about 2.1 GB", "Ready", or why it cannot load).
     */
    public Optional<ModelLoading> builtin() {
        return current.get() instanceof BuiltinModelWriter b ? Optional.of(b.loading()) : Optional.empty();
    }

    /** The computer a built-in model is sized for, for Settings to say what a model needs and has. */
    public Machine machine() {
        return machine;
    }

    /** Releases a built-in model; the app calls it when it quits. */
    @Override
    public synchronized void close() {
        if (current.getAndSet(offline) instanceof BuiltinModelWriter b) b.loading().release();
    }

    /**
     * What rewrites single spans of a post for the SEO panel's fixes: the model server selected
     * now; empty with the offline engine, which cannot.
     */
    public Optional<SpanRewriter> rewriter() {
        return current.get() instanceof SpanRewriter model ? Optional.of(model) : Optional.empty();
    }

    @Override
    public TextGenerator get() {
        return current.get();
    }
}
