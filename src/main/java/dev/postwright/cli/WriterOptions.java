package dev.postwright.cli;

import dev.postwright.llm.TextGenerator;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.llm.openai.HttpClients;
import dev.postwright.llm.openai.ModelServer;
import dev.postwright.llm.openai.OpenAiCompatibleWriter;
import dev.postwright.model.WebUrls;
import java.io.PrintWriter;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** {@code --model-url} and {@code --model}: who writes, for the commands that run jobs here. */
public final class WriterOptions {
    static final String API_KEY_ENV = "POSTWRIGHT_API_KEY";

    @Option(names = "--model-url", paramLabel = "URL", description = "An OpenAI-compatible server (Ollama: "
            + "http://localhost:11434/v1). Without it, the offline drafting engine writes a scaffold. The API key, if "
            + "the server needs one, is read from the " + API_KEY_ENV + " environment variable.")
    String modelUrl;

    @Option(names = "--model", paramLabel = "NAME", description = "The model to use with --model-url.")
    String model;

    /** The environment, injectable for tests. */
    Function<String, String> environment = System::getenv;

    /** The offline engine, or the model server the options name; null after explaining bad options. */
    TextGenerator writer(PrintWriter stderr) {
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
}
