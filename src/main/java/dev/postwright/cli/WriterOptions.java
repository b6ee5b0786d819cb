package dev.postwright.cli;

import dev.postwright.llm.TextGenerator;
import dev.postwright.llm.builtin.BuiltinModelWriter;
import dev.postwright.llm.builtin.Machine;
import dev.postwright.llm.builtin.ModelLoading;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.llm.openai.HttpClients;
import dev.postwright.llm.openai.ModelServer;
import dev.postwright.llm.openai.OpenAiCompatibleWriter;
import dev.postwright.model.WebUrls;
import dev.postwright.settings.BuiltinChoice;
import java.nio.file.Path;
import java.io.PrintWriter;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * {@code --model-url} and {@code --model}, or {@code --builtin-model}: who writes, for the commands
 * that run jobs here.
 */
public final class WriterOptions {
    static final String API_KEY_ENV = "POSTWRIGHT_API_KEY";

    @Option(names = "--model-url", paramLabel = "URL", description = "An OpenAI-compatible server (Ollama: "
            + "http://localhost:11434/v1). Without it, the offline drafting engine writes a scaffold. The API key, if "
            + "the server needs one, is read from the " + API_KEY_ENV + " environment variable.")
    String modelUrl;

    @Option(names = "--model", paramLabel = "NAME", description = "The model to use with --model-url.")
    String model;

    @Option(names = "--builtin-model", paramLabel = "FILE.gguf", description = "Write with a GGUF model run inside "
            + "Postwright (llama.cpp): nothing else to install. See `postwright models` for models to download.")
    Path builtinModel;

    @Option(names = "--threads", paramLabel = "N", description = "CPU threads for --builtin-model (default: this "
            + "computer's cores, at most 8).")
    int threads;

    @Option(names = "--context-size", paramLabel = "TOKENS", description = "Tokens of context for --builtin-model "
            + "(default: 8192, or less if the model was trained on less).")
    int contextSize;

    /** The environment, injectable for tests. */
    Function<String, String> environment = System::getenv;

    /** The offline engine, or the model server the options name; null after explaining bad options. */
    TextGenerator writer(PrintWriter stderr) {
        if (builtinModel != null) return builtin(stderr);
        if (threads != 0 || contextSize != 0) {
            stderr.println("--threads and --context-size are for --builtin-model.");
            return null;
        }
        if (modelUrl == null) {
            if (model != null) stderr.println("--model needs --model-url, the server to run it on.");
            return model == null ? new OfflineWriter() : null;
        }
        if (model == null || model.isBlank()) {
            stderr.println("--model-url needs --model: which of the server's models to use.");
            return null;
        }
        if (!WebUrls.isWebAddress(modelUrl)) {
            stderr.println("--model-url must start with http:// or https://, e.g. http://localhost:11434/v1.");
            return null;
        }
        var server = ModelServer.of(modelUrl, model).withApiKey(environment.apply(API_KEY_ENV));
        return new OpenAiCompatibleWriter(server, HttpClients.shared());
    }

    /** Loads the model here, before any job is queued: a file that cannot be used is said at once. */
    private TextGenerator builtin(PrintWriter stderr) {
        if (modelUrl != null || model != null) {
            stderr.println("Choose one: --builtin-model runs a model inside Postwright, --model-url uses a server.");
            return null;
        }
        if (threads < 0 || contextSize < 0 || (contextSize > 0 && contextSize < BuiltinChoice.MIN_CONTEXT)) {
            stderr.println("--threads must be at least 1, --context-size at least " + BuiltinChoice.MIN_CONTEXT + ".");
            return null;
        }
        var choice = new BuiltinChoice(builtinModel.toAbsolutePath(), threads, contextSize, BuiltinChoice.ALL_LAYERS);
        var loading = ModelLoading.start(choice, Machine.current(), Runnable::run);
        return switch (loading.state()) {
            case ModelLoading.State.Ready ready -> {
                stderr.println("Loaded " + ready.run().info().name() + " in " + ready.loadMillis() + " ms ("
                        + ready.run().memorySentence() + ", " + ready.run().threads() + " threads).");
                yield new BuiltinModelWriter(loading, BuiltinModelWriter.ANY_SEED);
            }
            case ModelLoading.State.Failed failed -> {
                stderr.println(failed.message());
                yield null;
            }
            default -> throw new IllegalStateException("loaded on this thread, yet " + loading.state());
        };
    }
}
