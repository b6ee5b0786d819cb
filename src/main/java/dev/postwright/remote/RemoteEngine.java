package dev.postwright.remote;

import dev.postwright.jobs.JobService;
import java.util.Optional;

/**
 * A team server's jobs, in either dialect ({@link JobApiClient}, {@link BlogSdkClient}), with
 * how the connection stands.
 */
public interface RemoteEngine extends JobService, AutoCloseable {
    /**
     * Asks the server whether it is there, speaks this dialect and takes the token, without
     * starting anything; reports the answer to the {@link #monitor()} too. Blocks on the network.
     */
    Connection check();

    /** An image a job made on the server: its bytes and media type ({@code image/png}, {@code image/jpeg}, {@code image/webp}). */
    record Picture(byte[] bytes, String mediaType) {}

    /** The most an image fetched from a server may weigh. */
    int MAX_PICTURE_BYTES = 20 * 1024 * 1024;

    /**
     * The image a result names at {@code url} (relative to the server), fetched with the token;
     * empty when the server has none there, or when this dialect's results carry no images (the
     * Blog SDK's). Blocks on the network.
     *
     * @throws RemoteException for a refusal, an unreachable server or a reply that is no image, in words
     */
    default Optional<Picture> image(String url) {
        return Optional.empty();
    }

    /** Where every call and stream of this client reports how it found the server. */
    ConnectionMonitor monitor();

    /** Ends open subscriptions and stops polling; the shared runtime is not stopped. */
    @Override
    void close();
}
