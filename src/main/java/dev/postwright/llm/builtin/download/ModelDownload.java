package dev.postwright.llm.builtin.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Downloads one {@link CuratedModel} into {@link ModelFolder#partPath its part file}, resuming what an
 * earlier run kept, and installs it once its SHA-256 matches ({@link ModelFolder#install}).
 *
 * <p>{@link #run} works on the caller's thread, calls {@code progress} and {@code stop} on it, and
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
    /** Progress is reported at most this often (by the injected clock), plus when a transfer starts and ends. */
    static final long REPORT_EVERY_NANOS = 100_000_000L;
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
            String sizes = CuratedModel.rounded(bytes) + " of " + CuratedModel.rounded(totalBytes);
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

    /** The curated URL, with {@code https://huggingface.co} replaced by the mirror if there is one. */
    public URI source(CuratedModel model) {
        String url = model.url().toString();
        if (mirror.isEmpty() || !url.startsWith(HUGGING_FACE + "/")) return model.url();
        String base = mirror.get().toString();
        while (base.endsWith("/")) base = base.substring(0, base.length() - 1);
        return URI.create(base + url.substring(HUGGING_FACE.length()));
    }

    /**
     * Downloads (resuming any part file) until installed, stopped ({@code stop} true, checked between
     * buffer reads) or failed. A model already installed is {@link Outcome.Installed} at once. Never
     * throws for network, disk or server problems: they are {@link Outcome.Failed}.
     */
    public Outcome run(CuratedModel model, Consumer<Progress> progress, BooleanSupplier stop) {
        if (Files.isRegularFile(folder.path(model))) return new Outcome.Installed(folder.path(model));
        var words = new DownloadWords(model, source(model), folder.folder());
        try {
            Files.createDirectories(folder.folder());
        } catch (IOException e) {
            return new Outcome.Failed(words.cannotWrite(folder.folder(), e), false);
        }
        LOG.log(System.Logger.Level.INFO, "Downloading {0} from {1}", model.name(), words.host());
        var attempt = new Attempt(model, words, progress, stop);
        Outcome outcome = attempt.once();
        // A server that cannot serve the part we kept: start again from nothing, once.
        return outcome != null ? outcome : attempt.once();
    }

    /** One request for the model, and the state of its progress reports. */
    private final class Attempt {
        private final CuratedModel model;
        private final DownloadWords words;
        private final Consumer<Progress> progress;
        private final BooleanSupplier stop;
        private final Path part;
        private boolean restarted;
        private long started;
        private long firstBytes;
        private long lastReport;

        Attempt(CuratedModel model, DownloadWords words, Consumer<Progress> progress, BooleanSupplier stop) {
            this.model = model;
            this.words = words;
            this.progress = progress;
            this.stop = stop;
            this.part = folder.partPath(model);
        }

        /** The outcome, or null when the part file was dropped and the download should start over. */
        Outcome once() {
            long kept;
            try {
                kept = folder.partialBytes(model);
            } catch (IOException e) {
                return new Outcome.Failed(words.cannotWrite(part, e), true);
            }
            if (stop.getAsBoolean()) return new Outcome.Stopped(kept);
            Outcome tooBig = checkSpace(model.sizeBytes() - kept);
            if (tooBig != null) return tooBig;
            var request = new Request.Builder().url(source(model).toString())
                    .header("Accept-Encoding", "identity"); // byte counts must be the file's, not gzip's
            if (kept > 0) request.header("Range", "bytes=" + kept + "-");
            Call call = http.newCall(request.build());
            try (Response response = call.execute()) {
                return answered(response, kept);
            } catch (IOException e) {
                if (stop.getAsBoolean()) return new Outcome.Stopped(kept);
                return new Outcome.Failed(words.unreachable(e, kept), kept > 0);
            }
        }

        private Outcome answered(Response response, long kept) throws IOException {
            long length = response.body().contentLength();
            switch (response.code()) {
                case 200 -> {
                    // The server ignored the range (or there was none): the body is the whole file.
                    long total = length >= 0 ? length : model.sizeBytes();
                    Outcome tooBig = checkSpace(total - kept); // truncating frees the kept bytes
                    return tooBig != null ? tooBig : receive(response, 0, total);
                }
                case 206 -> {
                    var range = ContentRange.parse(response.header("Content-Range"));
                    if (range.isEmpty() || range.get().first() != kept) return startOver(words.wrongPart());
                    long total = range.get().total() > 0 ? range.get().total()
                            : length >= 0 ? kept + length : model.sizeBytes();
                    Outcome tooBig = checkSpace(total - kept);
                    return tooBig != null ? tooBig : receive(response, kept, total);
                }
                case 416 -> {
                    // Nothing left to send: the part is whole if it is as long as the file.
                    var range = ContentRange.parse(response.header("Content-Range"));
                    if (range.isPresent() && range.get().total() == kept) {
                        report(kept, kept, true);
                        return install();
                    }
                    return startOver(words.wrongPart());
                }
                default -> {
                    return new Outcome.Failed(words.http(response.code(), kept), kept > 0);
                }
            }
        }

        private Outcome startOver(String ifAgain) throws IOException {
            Files.deleteIfExists(part);
            if (restarted) return new Outcome.Failed(ifAgain, false);
            restarted = true;
            return null;
        }

        /** Writes the body after the part's first {@code from} bytes, then installs. */
        private Outcome receive(Response response, long from, long total) {
            long bytes = from;
            started = nanoClock.getAsLong();
            firstBytes = from;
            report(bytes, total, true);
            var options = from > 0
                    ? new StandardOpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND}
                    : new StandardOpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                            StandardOpenOption.TRUNCATE_EXISTING};
            try (InputStream in = response.body().byteStream(); OutputStream out = Files.newOutputStream(part, options)) {
                byte[] buffer = new byte[1 << 16];
                while (true) {
                    if (stop.getAsBoolean()) {
                        report(bytes, total, true);
                        return new Outcome.Stopped(bytes);
                    }
                    int n;
                    try {
                        n = in.read(buffer);
                    } catch (IOException e) {
                        report(bytes, total, true);
                        if (stop.getAsBoolean()) return new Outcome.Stopped(bytes);
                        return new Outcome.Failed(words.interrupted(e, bytes, total), true);
                    }
                    if (n < 0) break;
                    if (bytes + n > total) {
                        // A server that sends more than it announced could fill the disk; the checksum would fail anyway.
                        out.close();
                        Files.deleteIfExists(part);
                        return new Outcome.Failed(words.tooLong(total), false);
                    }
                    try {
                        out.write(buffer, 0, n);
                    } catch (IOException e) {
                        return new Outcome.Failed(words.writeFailed(part, e, bytes), true);
                    }
                    bytes += n;
                    report(bytes, total, false);
                }
            } catch (IOException e) {
                // Opening or closing the part file.
                return new Outcome.Failed(words.writeFailed(part, e, bytes), Files.exists(part));
            }
            report(bytes, total, true);
            return install();
        }

        private Outcome install() {
            try {
                if (folder.install(model)) return new Outcome.Installed(folder.path(model));
                return new Outcome.Failed(words.checksum(), false);
            } catch (IOException e) {
                return new Outcome.Failed(words.cannotInstall(e), Files.exists(part));
            }
        }

        /** Failed when the disk has fewer than {@code needed} bytes free; null when it has room or cannot tell. */
        private Outcome checkSpace(long needed) {
            try {
                long free = freeSpace.usableBytes(folder.folder());
                return needed > free ? new Outcome.Failed(words.noRoom(needed, free), Files.exists(part)) : null;
            } catch (IOException e) {
                // A file system that cannot say: let a full disk speak when it is written to.
                LOG.log(System.Logger.Level.DEBUG, "No free-space figure for {0}: {1}", folder.folder(), e.toString());
                return null;
            }
        }

        private void report(long bytes, long total, boolean always) {
            long now = nanoClock.getAsLong();
            if (!always && now - lastReport < REPORT_EVERY_NANOS) return;
            lastReport = now;
            double seconds = (now - started) / 1e9;
            progress.accept(new Progress(bytes, total, seconds > 0 ? (bytes - firstBytes) / seconds : 0));
        }
    }
}
