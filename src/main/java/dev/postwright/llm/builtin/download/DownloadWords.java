package dev.postwright.llm.builtin.download;

import dev.postwright.llm.builtin.Bytes;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * The sentences a download ends with: what happened, in a writer's words, and what to do next. They
 * name the server by host only, never by URL, so a mirror's signed query never reaches a log.
 */
final class DownloadWords {
    private final CuratedModel model;
    private final URI source;
    private final Path folder;

    DownloadWords(CuratedModel model, URI source, Path folder) {
        this.model = model;
        this.source = source;
        this.folder = folder;
    }

    String host() {
        return source.getPort() < 0 ? source.getHost() : source.getHost() + ":" + source.getPort();
    }

    String noRoom(long needed, long free) {
        return "Not enough free disk space for " + model.displayName() + ": it needs " + Bytes.describe(needed)
                + ", and " + folder + " has " + Bytes.describe(Math.max(0, free))
                + " free. Free some space and run the download again.";
    }

    String unreachable(IOException e, long kept) {
        String hint = source.toString().startsWith(ModelDownload.HUGGING_FACE + "/")
                ? " Check that this computer is online and try again. (Where huggingface.co is blocked, a mirror can "
                        + "stand in for it: " + ModelDownload.MIRROR_ENV + ", or --mirror on the command line.)"
                : " Check the connection and the mirror's address.";
        return "Could not reach " + host() + " to download " + model.displayName() + " (" + reason(e) + ")." + hint
                + resume(kept);
    }

    String http(int code, long kept) {
        String what = switch (code) {
            case 401, 403 -> "refused access";
            case 404, 410 -> "has no such file; it may have moved, and a newer Postwright may know where";
            case 429 -> "is asked too often; wait a few minutes";
            default -> code >= 500 ? "had a problem of its own; try again later" : "did not send the file";
        };
        return host() + " answered " + code + " for " + model.displayName() + ": it " + what + "." + resume(kept);
    }

    String wrongPart() {
        return host() + " sent a different part of " + model.displayName() + " than was asked for, twice; the "
                + "download was removed. Try again later, or use another mirror.";
    }

    String interrupted(IOException e, long bytes, long total) {
        return "The download of " + model.displayName() + " was interrupted at " + Bytes.describe(bytes) + " of "
                + Bytes.describe(total) + " (" + reason(e) + ")." + resume(bytes);
    }

    String tooLong(long total) {
        return host() + " sent more than the " + Bytes.describe(total) + " it announced for "
                + model.displayName() + ", so the download was removed. Try again later, or use another mirror.";
    }

    String writeFailed(Path part, IOException e, long bytes) {
        if (diskFull(e)) {
            return "The disk is full: " + folder + " has no room for the rest of " + model.displayName()
                    + ". Free some space and run the download again" + (bytes > 0 ? " to resume from "
                    + Bytes.describe(bytes) : "") + ".";
        }
        return cannotWrite(part, e) + resume(bytes);
    }

    String cannotWrite(Path path, IOException e) {
        String why = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
        return "Could not write " + path + " (" + (why == null ? e.getClass().getSimpleName() : why) + ").";
    }

    String checksum() {
        return "The downloaded file did not match the published checksum of " + model.displayName() + ", so it was "
                + "removed. Run the download again to start afresh; if this happens again, " + host()
                + " is not sending the published file.";
    }

    String cannotInstall(IOException e) {
        return model.displayName() + " was downloaded but could not be installed: " + cannotWrite(folder, e);
    }

    private static String resume(long bytes) {
        return bytes > 0 ? " Run it again to resume from " + Bytes.describe(bytes) + "." : "";
    }

    static boolean diskFull(IOException e) {
        String message = String.valueOf(e instanceof FileSystemException fs ? fs.getReason() : e.getMessage())
                .toLowerCase(Locale.ROOT);
        return message.contains("no space left") || message.contains("not enough space") || message.contains("disk full")
                || message.contains("disk quota exceeded");
    }

    private String reason(IOException e) {
        if (e instanceof UnknownHostException) return "the address could not be found: this computer may be offline";
        if (e instanceof ConnectException) return "the connection was refused";
        if (e instanceof SocketTimeoutException) return "it stopped answering";
        if (e instanceof SSLException) return "a secure connection could not be made";
        String message = e.getMessage();
        if (message == null || message.isBlank()) return e.getClass().getSimpleName();
        // Exception messages may quote a URL; keep only its host.
        return message.replaceAll("[a-zA-Z][a-zA-Z0-9+.-]*://\\S+", host());
    }
}
