package dev.postwright.engine;

import dev.postwright.render.ExportFormat;
import dev.postwright.store.AtomicFiles;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/** Writes an export to disk: the window's Export…, {@code generate --out} and {@code export} all come here. */
public final class ExportFiles {
    private ExportFiles() {}

    /**
     * Writes the export's images beside {@code file}, each whole, then the file itself, so the
     * file never links to an image not yet written. A failure never leaves half a file, and a file
     * that was there before stays as it was.
     */
    public static void write(ExportFormat.Export export, Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        for (var image : export.images().entrySet()) {
            AtomicFiles.writeBytes(folder.resolve(image.getKey()), image.getValue());
        }
        AtomicFiles.writeBytes(file, export.bytes());
    }

    /**
     * Why writing {@code file} failed, as the end of a sentence a writer can act on ("the disk
     * is full", "there is no folder …"), from what the file system said.
     */
    public static String reason(IOException failure, Path file) {
        String said = failure.getMessage() == null ? "" : failure.getMessage().toLowerCase(Locale.ROOT);
        String reason = failure instanceof FileSystemException fs && fs.getReason() != null
                ? fs.getReason().toLowerCase(Locale.ROOT) : said;
        Path folder = file.toAbsolutePath().getParent();
        if (reason.contains("no space left") || reason.contains("disk quota")) {
            return "the disk is full: free some space, or choose another place";
        }
        if (reason.contains("read-only file system")) return "the disk there is read-only: choose another place";
        if (failure instanceof AccessDeniedException || reason.contains("permission denied")) {
            return "you may not write in " + folder + ": choose another folder";
        }
        if (failure instanceof FileAlreadyExistsException || failure instanceof NotDirectoryException
                || reason.contains("not a directory")) {
            return "part of the path " + folder + " is a file, not a folder";
        }
        if (failure instanceof DirectoryNotEmptyException || reason.contains("is a directory")) {
            return file + " is a folder: name a file";
        }
        if (failure instanceof NoSuchFileException) return "there is no folder " + folder;
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }
}
