package dev.postwright.engine;

import dev.postwright.images.ImageMaker;
import dev.postwright.images.ImageSize;
import dev.postwright.images.offline.OfflineImageMaker;
import dev.postwright.images.openai.ImageServer;
import dev.postwright.images.openai.OpenAiImageMaker;
import dev.postwright.settings.ImageChoice;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * The image maker the settings name now, as {@link SelectedWriter} is for text: images made after
 * {@link #select} use the new choice; one being made keeps its maker. Thread-safe.
 */
public final class SelectedImageMaker implements Supplier<ImageMaker> {
    private final Supplier<OkHttpClient> client;
    private final ImageMaker offline = new OfflineImageMaker();
    private final AtomicReference<ImageMaker> current = new AtomicReference<>(offline);

    /** @param client asked for only when an image server is selected */
    public SelectedImageMaker(Supplier<OkHttpClient> client) {
        this.client = client;
    }

    /**
     * Makes pictures with {@code choice} from now on; {@code apiKey} may be null for servers that
     * need none. A size the settings file holds but cannot be read falls back to the server's default.
     */
    public void select(ImageChoice choice, String apiKey) {
        if (choice.isOffline()) {
            current.set(offline);
            return;
        }
        ImageServer server = ImageServer.of(choice.baseUrl(), choice.model()).withApiKey(() -> apiKey);
        if (choice.size() != null) {
            try {
                server = server.withDefaultSize(ImageSize.parse(choice.size()));
            } catch (IllegalArgumentException unreadable) {
                // the server's default size stands
            }
        }
        current.set(new OpenAiImageMaker(server, client.get()));
    }

    @Override
    public ImageMaker get() {
        return current.get();
    }
}
