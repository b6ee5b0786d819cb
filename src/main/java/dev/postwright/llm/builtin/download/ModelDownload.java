package dev.postwright.llm.builtin.download;

import dev.postwright.llm.builtin.Bytes;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import okhttp3.OkHttpClient;

/**
 * Downloads one {@link CuratedModel} into {@link ModelFolder#partPath its part file}, resuming what an
 * earlier run kept, and installs it once its SHA-256 matches ({@link ModelFolder#install}).
 *
 * <p>{@link #run} works on the caller's thread, calls {@code progress} on it, and
 * makes no threads: the UI or the command line owns the thread and stops the download through
 * {@code stop}. One download per model at a time. Problems with the network, the disk or the server
 * never throw: they end the run as {@link Outcome.Failed} with a sentence a writer understands, and
 * whatever was downloaded is kept for the next run unless it can be of no use.
 *
 * <p>Where the file comes from is {@link #source}: huggingface.co, or a mirror. The checksum is
 * applied either way, so a mirror is trusted with nothing but availability.
 */
public final class ModelDownload {
    /** Where downloads come from: huggingface.co, or a mirror replacing "https://huggingface.co" in each curated URL. */
    public static final String MIRROR_ENV = "POSTWRIGHT_MODELS_MIRROR";
    static final String HUGGING_FACE = "https://huggingface.co";
    private static final System.Logger LOG = System.getLogger(ModelDownload.class.getName());

    private final OkHttpClient http;
    private final ModelFolder folder;
    private final Optional<URI> mirror;
    private final LongSupplier nanoClock;
    private final FreeSpace freeSpace;

    /**
     * @param http the client; its read timeout bounds how long a stalled connection goes unnoticed
     *     (and how long {@code stop} may wait for a read to return)
     * @param mirror a base URL standing in for {@code https://huggingface.co}, e.g. a company mirror
     * @param nanoClock monotonic nanoseconds, for the progress rate and how often it is reported
     * @param freeSpace how much room the models folder's disk has ({@link FreeSpace#fileStore()} in production)
     */
    public ModelDownload(OkHttpClient http, ModelFolder folder, Optional<URI> mirror, LongSupplier nanoClock,
            FreeSpace freeSpace) {
        this.http = http;
        this.folder = folder;
        this.mirror = mirror;
        this.nanoClock = nanoClock;
        this.freeSpace = freeSpace;
    }

    /** Usable bytes on the disk holding a folder; tests inject a figure. */
    public interface FreeSpace {
        long usableBytes(Path folder) throws IOException;

        /** The real figure: {@link java.nio.file.FileStore#getUsableSpace()} of the folder's file store. */
        static FreeSpace fileStore() {
            return path -> Files.getFileStore(path).getUsableSpace();
        }
    }

    /**
     * How far a download is.
     *
     * @param bytes bytes in the part file, including those an earlier run kept
     * @param totalBytes the file's full size, as the server stated it (else the curated size)
     * @param bytesPerSecond the average rate of this run's transfer since its response began (bytes
     *     an earlier run kept do not count); 0 at the start
     */
    public record Progress(long bytes, long totalBytes, double bytesPerSecond) {
        /** E.g. "312 MB of 1.1 GB · 8.4 MB/s"; without the rate while there is none yet. */
        public String words() {
            String sizes = Bytes.describe(bytes) + " of " + Bytes.describe(totalBytes);
            return bytesPerSecond > 0 ? sizes + " · " + rate(bytesPerSecond) : sizes;
        }

        /** Between 0 and 1. */
        public double fraction() {
            return totalBytes > 0 ? Math.min(1.0, Math.max(0.0, (double) bytes / totalBytes)) : 0.0;
        }

        private static String rate(double perSecond) {
            if (perSecond >= 1e6) return String.format(Locale.ROOT, "%.1f MB/s", perSecond / 1e6);
            if (perSecond >= 1e3) return String.format(Locale.ROOT, "%d kB/s", Math.round(perSecond / 1e3));
            return Math.round(perSecond) + " bytes/s";
        }
    }

    /** How a run ended. */
    public sealed interface Outcome {
        /** The verified model is at {@code file}. */
        record Installed(Path file) implements Outcome {}

        /** {@code stop} said so; the part file keeps {@code bytesKept} bytes for the next run. */
        record Stopped(long bytesKept) implements Outcome {}

        /** One sentence saying what went wrong and what to do; {@code partKept} when a later run can resume. */
        record Failed(String sentence, boolean partKept) implements Outcome {}
    }

    /**
     * The mirror named by a writer or operator ({@code --mirror}, {@link #MIRROR_ENV}): empty for
     * none (null or blank), else its http or https base URL.
     *
     * @throws IllegalArgumentException with a sentence when it is not an http or https address
     */
    public static Optional<URI> mirror(String given) {
        if (given == null || given.isBlank()) return Optional.empty();
        try {
            URI uri = new URI(given.strip());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // said below
        }
        throw new IllegalArgumentException("The mirror \"" + given.strip() + "\" is not an http or https address, "
                + "e.g. https://models.example.com.");
    }

    /** The curated URL, with {@code https://huggingface.co} replaced by the mirror if there is one. */
    public URI source(CuratedModel model) {
        String url = model.url().toString();
        if (mirror.isEmpty() || !url.startsWith(HUGGING_FACE + "/")) return model.url();
        String base = mirror.get().toString();
        while (base.endsWith("/")) base = base.substring(0, base.length() - 1);
        return URI.create(base + url.substring(HUGGING_FACE.length()));
    }

    /**
     * Downloads (resuming any part file) until installed, stopped ({@link DownloadStop#ask}, from any
     * thread) or failed. A model already installed is {@link Outcome.Installed} at once. Never
     * throws for network, disk or server problems: they are {@link Outcome.Failed}.
     *
     * @param progress called on this thread when a transfer starts, then at most every 100 ms of the
     *     clock, and when it ends (however it ends); it should return quickly
     * @param stop looked at before each request and between buffer reads; asking it also cancels the
     *     request in flight, so a read waiting on a stalled server ends at once
     */
    public Outcome run(CuratedModel model, Consumer<Progress> progress, DownloadStop stop) {
        if (Files.isRegularFile(folder.path(model))) return new Outcome.Installed(folder.path(model));
        var words = new DownloadWords(model, source(model), folder.folder());
        try {
            Files.createDirectories(folder.folder());
        } catch (IOException e) {
            return new Outcome.Failed(words.cannotWrite(folder.folder(), e), false);
        }
        LOG.log(System.Logger.Level.INFO, "Downloading {0} from {1}", model.name(), words.host());
        return new DownloadAttempt(http, folder, source(model), nanoClock, freeSpace, model, progress, stop).run();
    }
}
