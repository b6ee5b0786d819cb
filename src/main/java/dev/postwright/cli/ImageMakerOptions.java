package dev.postwright.cli;

import dev.postwright.images.ImageMaker;
import dev.postwright.images.offline.OfflineImageMaker;
import dev.postwright.images.openai.ImageServer;
import dev.postwright.images.openai.OpenAiImageMaker;
import dev.postwright.llm.openai.HttpClients;
import dev.postwright.model.WebUrls;
import java.io.PrintWriter;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** {@code --image-url} and {@code --image-model}: who makes the pictures, for the commands that make them. */
public final class ImageMakerOptions {
    static final String API_KEY_ENV = "POSTWRIGHT_IMAGE_API_KEY";

    @Option(names = "--image-url", paramLabel = "URL", description = "An OpenAI-compatible image server (LocalAI: "
            + "http://localhost:8080, OpenAI: https://api.openai.com). Without it, the built-in offline maker draws "
            + "a typographic card. The key, if the server needs one, is read from the " + API_KEY_ENV
            + " environment variable.")
    String imageUrl;

    @Option(names = "--image-model", paramLabel = "NAME", description = "The image model to use with --image-url.")
    String imageModel;

    /** The environment, injectable for tests. */
    Function<String, String> environment = System::getenv;

    /** The offline maker, or the image server the options name; null after explaining bad options. */
    ImageMaker maker(PrintWriter stderr) {
        if (imageUrl == null) {
            if (imageModel != null) stderr.println("--image-model needs --image-url, the server to run it on.");
            return imageModel == null ? new OfflineImageMaker() : null;
        }
        if (imageModel == null || imageModel.isBlank()) {
            stderr.println("--image-url needs --image-model: which of the server's image models to use.");
            return null;
        }
        if (!WebUrls.isWebAddress(imageUrl)) {
            stderr.println("--image-url must start with http:// or https://, e.g. http://localhost:8080.");
            return null;
        }
        String key = environment.apply(API_KEY_ENV);
        return new OpenAiImageMaker(ImageServer.of(imageUrl, imageModel).withApiKey(() -> key), HttpClients.shared());
    }
}
