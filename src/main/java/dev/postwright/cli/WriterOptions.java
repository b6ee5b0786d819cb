package dev.postwright.cli;

import dev.postwright.llm.TextGenerator;
import dev.postwright.llm.builtin.BuiltinModelWriter;
import dev.postwright.llm.builtin.Machine;
import dev.postwright.llm.builtin.ModelLoading;
import dev.postwright.llm.builtin.download.CuratedModel;
import dev.postwright.llm.builtin.download.CuratedModels;
import dev.postwright.llm.builtin.download.ModelFolder;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.llm.openai.HttpClients;
import dev.postwright.llm.openai.ModelServer;
import dev.postwright.llm.openai.OpenAiCompatibleWriter;
import dev.postwright.model.WebUrls;
import dev.postwright.settings.BuiltinChoice;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
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
            + "Postwright (llama.cpp): nothing else to install. A file, or the name of a model downloaded with "
            + "`postwright models download NAME`.")
    Path builtinModel;

    @Option(names = "--threads", paramLabel = "N", description = "CPU threads for --builtin-model (default: this "
            + "computer's cores, at most 8).")
    int threads;

    @Option(names = "--context-size", paramLabel = "TOKENS", description = "Tokens of context for --builtin-model "
            + "(default: 8192, or less if the model was trained on less).")
    int contextSize;

    /** The environment, injectable for tests. */
    Function<String, String> environment = System::getenv;

    /**
     * The offline engine, the built-in model or the model server the options name; null after
     * explaining bad options. {@code dataDir} holds the downloaded models a name may stand for.
     */
    TextGenerator writer(PrintWriter stderr, Path dataDir) {
        if (builtinModel != null) return builtin(stderr, dataDir);
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
    private TextGenerator builtin(PrintWriter stderr, Path dataDir) {
        if (modelUrl != null || model != null) {
            stderr.println("Choose one: --builtin-model runs a model inside Postwright, --model-url uses a server.");
            return null;
        }
        // The same bounds as Settings: a number outside them is refused, not quietly moved inside.
        if (threads < 0 || threads > BuiltinChoice.MAX_THREADS || contextSize < 0
                || (contextSize > 0 && (contextSize < BuiltinChoice.MIN_CONTEXT || contextSize > BuiltinChoice.MAX_CONTEXT))) {
            stderr.println("--threads must be from 1 to " + BuiltinChoice.MAX_THREADS + ", --context-size from "
                    + BuiltinChoice.MIN_CONTEXT + " to " + BuiltinChoice.MAX_CONTEXT + " tokens (or leave them out for "
                    + "this computer's defaults).");
            return null;
        }
        Path file = modelFile(dataDir, stderr);
        if (file == null) return null;
        var choice = new BuiltinChoice(file, threads, contextSize, BuiltinChoice.ALL_LAYERS);
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

    /** The file given, or the downloaded model its name names (as `models list` shows it); null after saying why not. */
    private Path modelFile(Path dataDir, PrintWriter stderr) {
        Optional<CuratedModel> named = Files.exists(builtinModel) || builtinModel.getNameCount() != 1 ? Optional.empty()
                : CuratedModels.find(builtinModel.toString());
        if (named.isEmpty()) return builtinModel.toAbsolutePath();
        var folder = new ModelFolder(dataDir);
        if (folder.isInstalled(named.get())) return folder.path(named.get());
        stderr.println(named.get().displayName() + " is not downloaded yet. Download it with: postwright models download "
                + named.get().name());
        return null;
    }
}
