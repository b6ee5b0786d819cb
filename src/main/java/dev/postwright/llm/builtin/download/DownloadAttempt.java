package dev.postwright.llm.builtin.download;

import dev.postwright.llm.builtin.download.ModelDownload.Outcome;
import dev.postwright.llm.builtin.download.ModelDownload.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * One run of {@link ModelDownload}: at most two requests (the second when the server cannot serve
 * the part kept and the file starts over), the part file's writes, and the state of the progress
 * reports. Used once, on the caller's thread.
 */
final class DownloadAttempt {
    /** Progress is reported at most this often (by the injected clock), plus when a transfer starts and ends. */
    static final long REPORT_EVERY_NANOS = 100_000_000L;
    private static final System.Logger LOG = System.getLogger(ModelDownload.class.getName());

    private final OkHttpClient http;
    private final ModelFolder folder;
    private final URI source;
    private final LongSupplier nanoClock;
    private final ModelDownload.FreeSpace freeSpace;
    private final CuratedModel model;
    private final DownloadWords words;
    private final Consumer<Progress> progress;
    private final DownloadStop stop;
    private final Path part;
    private boolean restarted;
    private long started;
    private long firstBytes;
    private long lastReport;

    DownloadAttempt(OkHttpClient http, ModelFolder folder, URI source, LongSupplier nanoClock,
            ModelDownload.FreeSpace freeSpace, CuratedModel model, Consumer<Progress> progress, DownloadStop stop) {
        this.http = http;
        this.folder = folder;
        this.source = source;
        this.nanoClock = nanoClock;
        this.freeSpace = freeSpace;
        this.words = new DownloadWords(model, source, folder.folder());
        this.model = model;
        this.progress = progress;
        this.stop = stop;
        this.part = folder.partPath(model);
    }

    Outcome run() {
        Outcome outcome = once();
        // The server could not serve the part kept, which is gone now: start again from nothing, once.
        return outcome != null ? outcome : once();
    }

    /** The outcome, or null when the part file was dropped and the download should start over. */
    private Outcome once() {
        long kept;
        try {
            kept = folder.partialBytes(model);
        } catch (IOException e) {
            return new Outcome.Failed(words.cannotWrite(part, e), true);
        }
        if (stop.asked()) return new Outcome.Stopped(kept);
        Outcome tooBig = checkSpace(model.sizeBytes() - kept);
        if (tooBig != null) return tooBig;
        var request = new Request.Builder().url(source.toString())
                .header("Accept-Encoding", "identity"); // byte counts must be the file's, not gzip's
        if (kept > 0) request.header("Range", "bytes=" + kept + "-");
        Call call = http.newCall(request.build());
        stop.calling(call);
        try (Response response = call.execute()) {
            return answered(response, kept);
        } catch (IOException e) {
            if (stop.asked()) return new Outcome.Stopped(kept);
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
                    begin(kept, kept);
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
        begin(from, total);
        var options = from > 0
                ? new StandardOpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND}
                : new StandardOpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING};
        try (InputStream in = response.body().byteStream(); OutputStream out = Files.newOutputStream(part, options)) {
            byte[] buffer = new byte[1 << 16];
            while (true) {
                if (stop.asked()) {
                    report(bytes, total, true);
                    return new Outcome.Stopped(bytes);
                }
                int n;
                try {
                    n = in.read(buffer);
                } catch (IOException e) {
                    report(bytes, total, true);
                    if (stop.asked()) return new Outcome.Stopped(bytes);
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
                    report(bytes, total, true);
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

    /** A transfer starts at {@code from} bytes: the rate counts from here, and the first report says where. */
    private void begin(long from, long total) {
        started = nanoClock.getAsLong();
        firstBytes = from;
        report(from, total, true);
    }

    private void report(long bytes, long total, boolean always) {
        long now = nanoClock.getAsLong();
        if (!always && now - lastReport < REPORT_EVERY_NANOS) return;
        lastReport = now;
        double seconds = (now - started) / 1e9;
        progress.accept(new Progress(bytes, total, seconds > 0 ? (bytes - firstBytes) / seconds : 0));
    }
}
