package dev.postwright.engine;

import dev.postwright.llm.SpanRewriter;
import dev.postwright.llm.TextGenerator;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.llm.openai.ModelServer;
import dev.postwright.llm.openai.OpenAiCompatibleWriter;
import dev.postwright.settings.ModelChoice;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * The writer the settings name now, for {@link LocalEngine#open(java.nio.file.Path, Supplier,
 * dev.postwright.queue.QueueSettings, java.time.Clock)}: jobs that start after {@link #select}
 * use the new choice; running jobs keep theirs. Thread-safe.
 */
public final class SelectedWriter implements Supplier<TextGenerator> {
    private final Supplier<OkHttpClient> client;
    private final TextGenerator offline = new OfflineWriter();
    private final AtomicReference<TextGenerator> current = new AtomicReference<>(offline);

    /** @param client asked for only when a model server is selected */
    public SelectedWriter(Supplier<OkHttpClient> client) {
        this.client = client;
    }

    /** Writes with {@code choice} from now on; {@code apiKey} may be null for servers that need none. */
    public void select(ModelChoice choice, String apiKey) {
        if (choice.isOffline() || choice.model() == null) {
            current.set(offline);
        } else {
            current.set(new OpenAiCompatibleWriter(ModelServer.of(choice.baseUrl(), choice.model()).withApiKey(apiKey),
                    client.get()));
        }
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
